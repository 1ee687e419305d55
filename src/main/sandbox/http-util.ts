import type { IncomingHttpHeaders } from 'node:http'
import type { SandboxFaults } from './faults'
import type { SandboxStore, TxRow } from './store'

/** What a route handler sees: the parsed request, no sockets. */
export interface Req {
  method: string
  path: string
  query: URLSearchParams
  headers: IncomingHttpHeaders
  body: string
}

export interface Reply {
  status: number
  body: string
  contentType?: string
  headers?: Record<string, string>
}

/** State shared by the routes of one running sandbox. */
export interface SandboxState {
  accountId: string
  clientId: string
  clientSecret: string
  tokenTtlSeconds: number
  voidDelayMs: number
  lenient: boolean
  clock: () => number
  random: () => number
  faults: SandboxFaults
  store: SandboxStore
  /** Bearer token → expiry (ms). In memory: after a restart clients simply sign in again. */
  tokens: Map<string, number>
  /** Voids answered 202 and not finished yet. */
  pendingVoids: Map<string, { timer: NodeJS.Timeout; requestId: string }>
  /** Pays answered ON_HOLD, turning AUTHORIZED shortly (`pendingStatusRate`). */
  pendingHolds: Map<string, { timer: NodeJS.Timeout; final: TxRow }>
  /** seq → when a new transaction may show in lists (`listLagMs`). */
  listHiddenUntil: Map<number, number>
  baseUrl: string
  closed: boolean
}

export const json = (status: number, value: unknown): Reply => ({ status, body: JSON.stringify(value) })

export interface FieldError {
  field: string
  message: string
}

/** Dintero's error body: `{"error": {"code", "message", "errors"?}}`. */
export function dinteroError(status: number, code: string, message: string, errors?: FieldError[]): Reply {
  return json(status, { error: { code, message, ...(errors && errors.length > 0 ? { errors } : {}) } })
}

export function fieldError(code: string, problems: FieldError[]): Reply {
  const first = problems[0]
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem(s))` : ''
  return dinteroError(400, code, `${first.field}: ${first.message}${more}`, problems)
}

export function parseJsonBody(body: string): { value: unknown } | { error: Reply } {
  if (body.trim() === '') return { value: undefined }
  try {
    return { value: JSON.parse(body) }
  } catch {
    return { error: dinteroError(400, 'INVALID_JSON', 'body: the request body is not valid JSON') }
  }
}

export function chance(state: SandboxState, rate: number): boolean {
  return rate > 0 && state.random() < rate
}
