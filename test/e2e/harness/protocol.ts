import type { IpcResult } from '../../../src/shared/ipc'

/** Messages on the bridge WebSocket (JSON text frames). Imported by the host and the browser bridge. */
export interface InvokeMessage {
  id: number
  channel: string
  input: unknown
}

export type ServerMessage =
  | { kind: 'result'; id: number; result: IpcResult<unknown> }
  | { kind: 'event'; channel: string; payload: unknown }

/**
 * Electron IPC uses structured clone, the bridge JSON. A value where they differ (Date, Map, Set,
 * undefined inside arrays, NaN/Infinity, bigint, functions, class instances) would pass in one
 * and break in the other, so the harness refuses it. Returns the path of the first such value.
 */
export function findNonPlainValue(value: unknown, path = '$', depth = 0): string | null {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return null
  if (typeof value === 'number') return Number.isFinite(value) ? null : path
  if (value === undefined) return depth === 0 ? null : path
  if (typeof value !== 'object' || depth > 64) return path
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (value[i] === undefined) return `${path}[${i}]`
      const bad = findNonPlainValue(value[i], `${path}[${i}]`, depth + 1)
      if (bad) return bad
    }
    return null
  }
  const proto = Object.getPrototypeOf(value)
  if (proto !== Object.prototype && proto !== null) return path
  for (const [k, v] of Object.entries(value)) {
    // An undefined property simply disappears in both transports.
    if (v === undefined) continue
    const bad = findNonPlainValue(v, `${path}.${k}`, depth + 1)
    if (bad) return bad
  }
  return null
}
