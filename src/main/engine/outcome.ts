import type { InvoiceChannel } from '../../shared/kravia'
import {
  type InvoiceState,
  isAuthorizedOrLater,
  isInBetween,
  stateForTransactionStatus,
} from '../../shared/states'
import { DinteroError, type Transaction } from '../dintero/types'

/**
 * What a pay answer and a lookup answer mean for an invoice, as pure functions: every status and
 * error kind Dintero can give maps to one decision here. The engine journals and schedules; these
 * decide.
 */

export type PayDecision =
  /** 200 AUTHORIZED (or later): the invoice exists. */
  | { kind: 'adopt'; state: InvoiceState; transaction: Transaction }
  /** Dintero refused it (200 FAILED/DECLINED, 4xx): final until the user retries. */
  | {
      kind: 'failed'
      reason: 'rejected'
      status?: number
      code?: string
      message: string
      transactionId?: string
    }
  /**
   * It may exist: a 5xx answer (`ambiguous`), no answer after sending (`lost`: timeout, connection
   * lost), a duplicate-toggle 400 (`rejected_toggle`), or Dintero answered with a transaction in
   * an in-between state (`in_between`: ON_HOLD, INITIATED, UNKNOWN) that may still become an
   * invoice. Look up.
   */
  | {
      kind: 'lookup'
      cause: 'ambiguous' | 'lost' | 'rejected_toggle' | 'in_between'
      status?: number
      code?: string
      message: string
      /** A rate signal came with it (503 with Retry-After): slow everyone down too. */
      throttle: boolean
      retryAfterMs?: number
      /** The in-between transaction Dintero answered with (checked by id: lists may lag). */
      transactionId?: string
      transactionStatus?: string
    }
  /** Nothing was created: send again later. 429s are not failures; refusals before sending are transient. */
  | {
      kind: 'retry'
      cause: 'rate_limited' | 'not_sent'
      status?: number
      code?: string
      message: string
      retryAfterMs?: number
      /** No answer at all (DNS, refused, TLS): Dintero could not be reached. */
      unreachable?: boolean
    }
  /** 401 even after signing in again: stop the batch. */
  | { kind: 'stop_auth'; status?: number; code?: string; message: string }

function hasEvent(tx: Transaction, name: string): boolean {
  return (tx.events ?? []).some((e) => e.event === name && e.success !== false)
}

/** The state a row takes for a transaction it owns (authorized → awaiting_capture for the merchant channel). */
export function stateForTransaction(tx: Transaction, channel: InvoiceChannel): InvoiceState | null {
  return stateForTransactionStatus(tx.status, channel, hasEvent(tx, 'INITIATE_CAPTURE'))
}

export function decidePay(
  result: { transaction: Transaction } | { error: unknown },
  channel: InvoiceChannel,
): PayDecision {
  if ('transaction' in result) {
    const state = stateForTransaction(result.transaction, channel)
    if (state) return { kind: 'adopt', state, transaction: result.transaction }
    // The client only resolves with authorized-or-later; anything else would be a client bug,
    // and the safe reading of "a 200 we do not understand" is "it may exist".
    return {
      kind: 'lookup',
      cause: 'ambiguous',
      message: `Unexpected status ${result.transaction.status}`,
      throttle: false,
    }
  }
  const e = result.error
  const held = e instanceof DinteroError ? e.info.transaction : undefined
  if (held && isInBetween(held.status)) {
    return {
      kind: 'lookup',
      cause: 'in_between',
      status: e instanceof DinteroError ? e.info.status : undefined,
      message: `Dintero holds the invoice in status ${held.status}; it may still be created.`,
      throttle: false,
      transactionId: held.id,
      transactionStatus: held.status,
    }
  }
  if (!(e instanceof DinteroError)) {
    // A bug or an abort between commit and answer: treat as "may have been sent".
    const message = e instanceof Error ? e.message : String(e)
    return { kind: 'lookup', cause: 'ambiguous', message, throttle: false }
  }
  const { status, code, message } = e.info
  switch (e.kind) {
    case 'rejected':
      if (e.info.checkByLookup)
        return { kind: 'lookup', cause: 'rejected_toggle', status, code, message, throttle: false }
      return {
        kind: 'failed',
        reason: 'rejected',
        status,
        code,
        message,
        transactionId: e.info.transaction?.id,
      }
    case 'auth':
      // 403 on the pay call refuses this request, like any other 400/403/404 or 422: failed. A 403 on
      // the sign-in (no access to the account) or a 401 after a re-auth would fail every row alike:
      // stop the batch.
      if (status === 403 && !e.info.signIn)
        return { kind: 'failed', reason: 'rejected', status, code, message }
      return { kind: 'stop_auth', status, code, message }
    case 'rate_limited':
      return {
        kind: 'retry',
        cause: 'rate_limited',
        status,
        code,
        message,
        retryAfterMs: e.info.retryAfterMs ?? 1000,
      }
    case 'ambiguous':
      return {
        kind: 'lookup',
        cause: e.info.network ? 'lost' : 'ambiguous',
        status,
        code,
        message,
        throttle: e.info.rateSignal === true,
        retryAfterMs: e.info.rateSignal ? (e.info.retryAfterMs ?? 1000) : undefined,
      }
    case 'retryable':
      return {
        kind: 'retry',
        cause: 'not_sent',
        status,
        code,
        message,
        unreachable: e.info.network !== undefined,
      }
  }
}

export interface LookupSubject {
  /** The invoice's merchant_reference: only transactions carrying exactly this one count. */
  reference: string
  amount: number
  channel: InvoiceChannel
  /** From the invoice's request; compared only where both sides have a value. */
  customer: { organization_number?: string | null; email?: string | null }
}

export type LookupDecision =
  | { kind: 'adopt'; transaction: Transaction; state: InvoiceState }
  /** `elsewhere`: the reference's invoice exists but belongs to another journal row. */
  | { kind: 'none'; message: string; elsewhere?: boolean }
  | { kind: 'conflict'; message: string }
  /** A transaction in an in-between state may still become the invoice: wait and look again. */
  | { kind: 'in_between'; transaction: Transaction; message: string }

const norm = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim().toLowerCase() : undefined

function customerMatches(tx: Transaction, subject: LookupSubject): boolean {
  const a = tx.billing_address ?? {}
  const pairs: [unknown, string | null | undefined][] = [
    [a.organization_number, subject.customer.organization_number],
    [a.email, subject.customer.email],
  ]
  return pairs.every(([theirs, ours]) => {
    const t = norm(theirs)
    const o = norm(ours ?? undefined)
    return t === undefined || o === undefined || t === o
  })
}

/**
 * What Dintero holds for a reference. Adopt only an authorized-or-later transaction with the same
 * amount and (where present) customer, and only when it is the one such transaction not already
 * owned by another journal row. `ownedElsewhere`: transaction ids other rows (any batch of this
 * environment and account) already own — an earlier run's invoice is not this row's.
 */
export function decideLookup(
  transactions: readonly Transaction[],
  subject: LookupSubject,
  ownedElsewhere: ReadonlySet<string>,
): LookupDecision {
  // A filter Dintero ignored or matched loosely must not hand this row someone else's invoice.
  const mine = transactions.filter((t) => t.merchant_reference === subject.reference)
  const created = mine.filter((t) => isAuthorizedOrLater(t.status) && !ownedElsewhere.has(t.id))
  const waiting = mine.filter((t) => isInBetween(t.status) && !ownedElsewhere.has(t.id))
  if (created.length === 0 && waiting.length > 0) {
    const t = waiting[0]
    return {
      kind: 'in_between',
      transaction: t,
      message: `Dintero holds invoice ${t.id} in status ${t.status}; it may still be created, so it is not sent again.`,
    }
  }
  if (created.length === 0) {
    const earlier = mine.filter((t) => isAuthorizedOrLater(t.status)).length
    return {
      kind: 'none',
      elsewhere: earlier > 0,
      message:
        earlier > 0
          ? 'Dintero has an invoice with this reference, but it belongs to an earlier batch.'
          : 'Dintero has no invoice with this reference.',
    }
  }
  const matching = created.filter((t) => t.amount === subject.amount && customerMatches(t, subject))
  if (created.length === 1 && matching.length === 1) {
    const tx = matching[0]
    const state = stateForTransaction(tx, subject.channel)
    if (state) return { kind: 'adopt', transaction: tx, state }
  }
  if (created.length > 1) {
    return {
      kind: 'conflict',
      message: `Dintero has ${created.length} invoices with this reference (${created.map((t) => t.id).join(', ')}); check them in the Dintero backoffice before resuming.`,
    }
  }
  const tx = created[0]
  return {
    kind: 'conflict',
    message:
      tx.amount !== subject.amount
        ? `Dintero has invoice ${tx.id} with this reference but amount ${tx.amount} øre instead of ${subject.amount}; check it in the Dintero backoffice.`
        : `Dintero has invoice ${tx.id} with this reference for a different customer; check it in the Dintero backoffice.`,
  }
}

/**
 * Whether a 400 sent with a duplicate toggle reads as the toggle's refusal of the reference (its
 * code or text names the reference or a duplicate) rather than a verdict on the invoice's data.
 */
export function isDuplicateRefusal(r: { code?: string; message: string } | undefined): boolean {
  if (!r) return false
  return /duplicat/i.test(r.code ?? '') || /duplicat|merchant_reference|already (been )?used/i.test(r.message)
}
