import type { TransportError } from './http'
import { errorBodySchema } from './schemas'
import { DinteroError, type DinteroErrorKind, type NetworkReason } from './types'

/**
 * Which kind of failure a call is, by what the call does: `pay` creates an invoice, so anything
 * that may have reached Dintero is `ambiguous`; reads, void and capture can simply be repeated.
 */
export type CallClass = 'pay' | 'other'

export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  const at = Date.parse(trimmed)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}

/** Which kind of "no answer" a transport error is, from Node's error code. */
export function networkReason(code: string | undefined, timedOut: boolean): NetworkReason {
  if (timedOut || code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') return 'timeout'
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') return 'dns'
  if (code === 'ECONNREFUSED') return 'refused'
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'ENETDOWN') return 'unreachable'
  if (code && /CERT|TLS|SSL|EPROTO/.test(code)) return 'tls'
  return 'lost'
}

export function transportFailure(e: TransportError, call: CallClass, host = ''): DinteroError {
  let kind: DinteroErrorKind = 'retryable'
  if (call === 'pay' && (e.sent || e.timedOut)) kind = 'ambiguous'
  const why = e.sent ? 'the connection was lost after the request was sent' : 'nothing was sent'
  return new DinteroError({
    kind,
    message: `${e.message} (${why})`,
    code: e.code,
    network: { reason: networkReason(e.code, e.timedOut), host },
  })
}

interface Answer {
  status: number
  body: string
  retryAfter?: string
}

/** Turns a non-success HTTP answer into a DinteroError of the right kind for the call. */
export function httpFailure(
  answer: Answer,
  call: CallClass,
  options: { toggleSent: boolean; now: number; what: string },
): DinteroError {
  const { status } = answer
  let code: string | undefined
  let message: string | undefined
  let errors: unknown[] | undefined
  try {
    const parsed = errorBodySchema.safeParse(JSON.parse(answer.body))
    if (parsed.success) ({ code, message, errors } = parsed.data.error)
  } catch {
    // Not JSON (a proxy's HTML page, an empty 502): the status says enough.
  }
  const text = `${options.what}: Dintero answered ${status}${code ? ` ${code}` : ''}${message ? `: ${message}` : ''}`
  // Only a 429, or a 503 that says when to come back, asks everyone to slow down; any other 5xx
  // is a fault of this one request.
  const told = status === 503 ? parseRetryAfter(answer.retryAfter, options.now) : undefined
  const rateSignal = status === 429 || told !== undefined
  const retryAfterMs = status === 429 ? (parseRetryAfter(answer.retryAfter, options.now) ?? 1000) : told
  const base = { status, code, message: text, errors, retryAfterMs, rateSignal }
  if (status === 401 || status === 403) return new DinteroError({ ...base, kind: 'auth' })
  if (call === 'pay') {
    if (status === 429) return new DinteroError({ ...base, kind: 'rate_limited' })
    if (status >= 500) return new DinteroError({ ...base, kind: 'ambiguous' })
    if (status === 400 && options.toggleSent) {
      // Dintero's duplicate-reference refusal has no documented code: only a lookup can tell
      // "already created earlier" from "this request is invalid".
      return new DinteroError({ ...base, kind: 'rejected', checkByLookup: true })
    }
    return new DinteroError({ ...base, kind: status >= 400 && status < 500 ? 'rejected' : 'ambiguous' })
  }
  if (status === 429 || status >= 500) return new DinteroError({ ...base, kind: 'retryable' })
  return new DinteroError({ ...base, kind: 'rejected' })
}
