import {
  type EventName,
  type EventPayload,
  type ParsedInputOf,
  type RequestName,
  type ResultOf,
  requests,
} from '../../shared/contract'
import { isAppError } from '../../shared/errors'
import type { IpcResult } from '../../shared/ipc'
import type { Logger } from '../log'

export type Handler<K extends RequestName> = (input: ParsedInputOf<K>) => Promise<ResultOf<K>> | ResultOf<K>
export type Handlers = { [K in RequestName]: Handler<K> }

/** Pushes events to whatever renderer is attached (Electron window or test bridge). */
export interface EventSink {
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void
}

export type Dispatch = (name: string, rawInput: unknown) => Promise<IpcResult<unknown>>

/**
 * The single wrapper every operation goes through: unknown channels are refused, input is
 * zod-parsed, and any failure becomes data. Internal errors are logged, never sent as stacks.
 */
export function createDispatcher(handlers: Handlers, log: Logger): Dispatch {
  return async (name, rawInput) => {
    if (!Object.hasOwn(requests, name)) {
      return { ok: false, error: { code: 'unknown_operation', message: `Unknown operation ${name}` } }
    }
    const key = name as RequestName
    const parsed = requests[key].input.safeParse(rawInput)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const where = issue?.path.join('.') || 'input'
      return {
        ok: false,
        error: { code: 'invalid_input', message: `Invalid input for ${name}: ${where}: ${issue?.message}` },
      }
    }
    try {
      const handler = handlers[key] as (input: unknown) => unknown
      return { ok: true, value: await handler(parsed.data) }
    } catch (e) {
      if (isAppError(e)) {
        return { ok: false, error: { code: e.code, message: e.message, message_nb: e.options.message_nb } }
      }
      log.error(`operation ${name} failed`, e)
      return {
        ok: false,
        error: {
          code: 'internal',
          message: 'Something went wrong inside the app. The log file has the details.',
          message_nb: 'Noe gikk galt i appen. Loggfilen har detaljene.',
        },
      }
    }
  }
}
