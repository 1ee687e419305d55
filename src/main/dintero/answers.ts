import type { CallClass } from './errors'
import { parseTransaction, transactionListSchema } from './schemas'
import { DinteroError, type Transaction } from './types'

/** Reading Dintero's answers: a body that is not what it should be is an error that says so. */

/** Statuses a fresh pay may answer with that mean the invoice exists and is valid. */
const SUCCESS = new Set([
  'AUTHORIZED',
  'CAPTURED',
  'PARTIALLY_CAPTURED',
  'PARTIALLY_REFUNDED',
  'PARTIALLY_CAPTURED_REFUNDED',
  'REFUNDED',
])
/** A 200 with one of these is Dintero saying no (documented for MIT; WooCommerce does the same). */
const REFUSED = new Set(['FAILED', 'DECLINED', 'AUTHORIZATION_VOIDED'])

export function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** One transaction; an unreadable one after a pay leaves it unknown whether the invoice exists. */
export function readTransaction(
  res: { status: number; body: string },
  c: CallClass,
  what: string,
): Transaction {
  const tx = parseTransaction(safeJson(res.body))
  if (!tx) {
    throw new DinteroError({
      kind: c === 'pay' ? 'ambiguous' : 'retryable',
      status: res.status,
      message: `${what}: Dintero's answer could not be read as a transaction`,
    })
  }
  return tx
}

/** A page of `GET /v1/transactions`. */
export function readList(res: { body: string }, what: string): Transaction[] {
  const list = transactionListSchema.safeParse(safeJson(res.body))
  if (!list.success)
    throw new DinteroError({ kind: 'retryable', status: 200, message: `${what}: unreadable answer` })
  return list.data.map((item) => {
    const tx = parseTransaction(item)
    if (!tx)
      throw new DinteroError({ kind: 'retryable', status: 200, message: `${what}: unreadable transaction` })
    return tx
  })
}

/**
 * The transaction a successful pay answered with, when it means the invoice exists; otherwise
 * Dintero refused it (rejected) or left it in a state that says neither (ambiguous).
 */
export function createdInvoice(tx: Transaction, status: number, what: string): Transaction {
  if (SUCCESS.has(tx.status)) return tx
  const event = [...(tx.events ?? [])].reverse().find((e) => e.error || e.success === false)
  const reason = event?.error?.message ? `: ${event.error.message}` : ''
  throw new DinteroError({
    kind: REFUSED.has(tx.status) ? 'rejected' : 'ambiguous',
    status,
    code: event?.error?.code,
    message: `${what}: Dintero answered with status ${tx.status}${reason}`,
    transaction: tx,
  })
}
