import { setMaxListeners } from 'node:events'
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
