import { setMaxListeners } from 'node:events'
import type { InvoicePatch } from '../journal/reads'
import { extractKraviaDetails } from '../dintero/details'
import type { Transaction } from '../dintero/types'
import { DinteroError } from '../dintero/types'
import type { Clock } from '../engine/clock'
import type { Batch } from '../journal/types'
import type { PaceOptions, RetryOptions } from './limiter'
import type { Refusal } from './select'

export interface AfterSendOptions {
  /** Requests per second; default: the batch's configured rate. */
  rate?: number
  /** Requests in flight; default: the batch's configured concurrency. */
  concurrency?: number
  signal?: AbortSignal
  clock?: Clock
  retry?: RetryOptions
  now?: () => Date
}

/** What a void or capture did, for the CLI line, the UI toast and the tests. */
export interface ActionSummary {
  /** Eligible invoices the action was sent for. */
  count: number
  /** Their total, in øre. */
  amount: number
  done: number
  /** Accepted by Dintero (202) but not finished yet; refresh confirms them. */
  pending: number
  /** Refused by Dintero, retries exhausted, or named but not eligible (nothing sent). */
  failed: number
  errors: Refusal[]
  /** Dintero refused the credentials: the rest was not sent. */
  authFailed: boolean
  /** Interrupted (SIGINT/cancel) before every invoice was handled. */
  stopped: boolean
}

export function emptySummary(): ActionSummary {
  return {
    count: 0,
    amount: 0,
    done: 0,
    pending: 0,
    failed: 0,
    errors: [],
    authFailed: false,
    stopped: false,
  }
}

/** The fields a transaction read fills in (never clears what the journal already knows). */
export function patchFromTransaction(tx: Transaction): InvoicePatch {
  const d = extractKraviaDetails(tx)
  const patch: InvoicePatch = { transaction_status: String(tx.status) }
  if (d.invoice_number) patch.invoice_number = d.invoice_number
  if (d.invoice_url) patch.invoice_url = d.invoice_url
  if (d.invoice_date) patch.invoice_date = d.invoice_date
  if (d.due_date) patch.kravia_due_date = d.due_date
  if (d.kid) patch.kid = d.kid
  if (d.bban) patch.account_bban = d.bban
  if (d.iban) patch.account_iban = d.iban
  const paid = paidFromEvents(tx)
  if (paid) {
    patch.paid_amount = paid.amount
    patch.paid_at = paid.at
  }
  return patch
}

/**
 * What the customer has paid, from the transaction's successful CAPTURE events (INITIATE_CAPTURE
 * only starts Kravia's collection and is not a payment): the sum in øre and the last one's time.
 * Undefined when the read carried no events, so an earlier figure is never cleared by a bare read.
 */
export function paidFromEvents(tx: Transaction): { amount: number; at: string | null } | undefined {
  if (!tx.events) return undefined
  let amount = 0
  let at: string | null = null
  for (const e of tx.events) {
    if (e.event !== 'CAPTURE' || e.success === false || typeof e.amount !== 'number') continue
    amount += e.amount
    if (e.created_at && (at === null || e.created_at > at)) at = e.created_at
  }
  return { amount, at }
}

export function errorMessage(e: unknown): { code: string | null; message: string } {
  if (e instanceof DinteroError) return { code: e.info.code ?? null, message: e.message }
  return { code: null, message: e instanceof Error ? e.message : String(e) }
}

export function isAuthError(e: unknown): boolean {
  return e instanceof DinteroError && e.kind === 'auth'
}

/** forEachPaced's options for a batch: the caller's rate/concurrency, else the batch's settings. */
export function batchPace(
  batch: Batch,
  options: AfterSendOptions,
  signal: AbortSignal,
): PaceOptions & { retry?: RetryOptions } {
  return {
    rate: options.rate ?? batch.settings.rate,
    concurrency: options.concurrency ?? batch.settings.concurrency,
    signal,
    clock: options.clock,
    retry: options.retry,
  }
}

/**
 * The stop of one run: the caller's signal (Ctrl-C, cancel) aborts it, and so does the run itself
 * (credentials refused) without touching the caller's. `release` detaches it when the run ends.
 */
export function linkedStop(outer: AbortSignal | undefined): { stop: AbortController; release(): void } {
  const stop = new AbortController()
  // One listener per request in flight (up to the batch's concurrency): by design, not a leak.
  setMaxListeners(256, stop.signal)
  const onOuterAbort = () => stop.abort()
  outer?.addEventListener('abort', onOuterAbort, { once: true })
  return { stop, release: () => outer?.removeEventListener('abort', onOuterAbort) }
}
