import type { IpcRenderer, IpcRendererEvent } from 'electron'
import type { Transport } from '../shared/api'
import type { IpcResult } from '../shared/ipc'

export type IpcRendererLike = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>

/**
 * The preload's transport for buildApi. Listeners never see the Electron event object (it carries
 * `sender`, a way back into IPC), and every subscription returns its own unsubscribe.
 */
export function ipcTransport(ipc: IpcRendererLike): Transport {
  return {
    invoke: (channel, input) => ipc.invoke(channel, input) as Promise<IpcResult<unknown>>,
    subscribe(channel, listener) {
      const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload)
      ipc.on(channel, forward)
      return () => {
        ipc.removeListener(channel, forward)
      }
    },
  }
}
