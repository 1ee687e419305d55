import { requestNames } from '../../shared/api'
import type { EventName, EventPayload } from '../../shared/contract'
import type { IpcResult } from '../../shared/ipc'
import type { Dispatch, EventSink } from '../ipc/dispatch'
import type { Logger } from '../log'
import { isTrustedSender } from './security'

/** The parts of Electron's ipcMain / IpcMainInvokeEvent / WebContents this module uses. */
export interface InvokeEventLike {
  senderFrame: { url: string } | null
}
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, input: unknown) => Promise<unknown>): void
  removeHandler(channel: string): void
}
export interface WebContentsLike {
  isDestroyed(): boolean
  send(channel: string, payload: unknown): void
}

export const untrustedSenderError: IpcResult<never> = {
  ok: false,
  error: { code: 'untrusted_sender', message: 'This request did not come from the app window.' },
}

/**
 * The one wrapper around every channel: a sender that is not the app's own page (an iframe, a page
 * the window was tricked into loading) gets an error and the dispatcher never runs; otherwise the
 * dispatcher zod-parses the input and turns failures into data.
 */
export function guardedHandler(
  channel: string,
  dispatch: Dispatch,
  appUrl: string,
  log: Logger,
): (event: InvokeEventLike, input: unknown) => Promise<IpcResult<unknown>> {
  return async (event, input) => {
    const frameUrl = event.senderFrame?.url
    if (!isTrustedSender(frameUrl, appUrl)) {
      log.warn(`refused ${channel} from an untrusted sender`, { frameUrl })
      return untrustedSenderError
    }
    return dispatch(channel, input)
  }
}

/** Registers every contract request; returns a function that removes them again. */
export function registerIpc(
  ipcMain: IpcMainLike,
  dispatch: Dispatch,
  appUrl: string,
  log: Logger,
): () => void {
  for (const channel of requestNames) ipcMain.handle(channel, guardedHandler(channel, dispatch, appUrl, log))
  return () => {
    for (const channel of requestNames) ipcMain.removeHandler(channel)
  }
}

/** Pushes events to the window; events for a closed window are dropped, not thrown. */
export function webContentsEventSink(target: () => WebContentsLike | null): EventSink {
  return {
    emit<E extends EventName>(name: E, payload: EventPayload<E>) {
      const wc = target()
      if (wc && !wc.isDestroyed()) wc.send(name, payload)
    },
  }
}
