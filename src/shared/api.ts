import {
  type EventName,
  type EventPayload,
  events,
  type InputOf,
  type RequestName,
  type ResultOf,
  requests,
} from './contract'
import type { IpcResult } from './ipc'

/**
 * Builds `window.api` from the contract over any transport: Electron IPC in the preload, a
 * WebSocket in the browser test bridge. Both use this one function so they cannot drift.
 */
export interface Transport {
  invoke(channel: string, input: unknown): Promise<IpcResult<unknown>>
  subscribe(channel: string, listener: (payload: unknown) => void): () => void
}

type AreaOf<N extends string> = N extends `${infer A}:${string}` ? A : never

export type Api = {
  [A in AreaOf<RequestName>]: {
    [K in RequestName as K extends `${A}:${infer V}` ? V : never]: (
      input: InputOf<K>,
    ) => Promise<IpcResult<ResultOf<K>>>
  }
} & {
  on: {
    [A in AreaOf<EventName>]: {
      [E in EventName as E extends `${A}:${infer V}` ? V : never]: (
        listener: (payload: EventPayload<E>) => void,
      ) => () => void
    }
  }
}

function split(name: string): [string, string] {
  const i = name.indexOf(':')
  return [name.slice(0, i), name.slice(i + 1)]
}

export function buildApi(transport: Transport): Api {
  const api: Record<string, Record<string, unknown>> = { on: {} }
  for (const name of Object.keys(requests)) {
    const [area, verb] = split(name)
    api[area] ??= {}
    api[area][verb] = (input: unknown) => transport.invoke(name, input ?? {})
  }
  const on = api.on as Record<string, Record<string, unknown>>
  for (const name of Object.keys(events)) {
    const [area, verb] = split(name)
    on[area] ??= {}
    on[area][verb] = (listener: (payload: unknown) => void) => transport.subscribe(name, listener)
  }
  return api as unknown as Api
}

export const requestNames = Object.keys(requests) as RequestName[]
export const eventNames = Object.keys(events) as EventName[]
