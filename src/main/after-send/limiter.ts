import { DinteroError } from '../dintero/types'
import { backoffDelay } from '../engine/backoff'
import { type Clock, realClock } from '../engine/clock'
import { Scheduler } from '../engine/scheduler'

/**
 * Runs the after-sending actions (void, capture, refresh) through the engine's adaptive scheduler:
 * at most `concurrency` requests in flight, paced at `rate`, and a 429/503 holds every worker for
 * Retry-After and lowers the pace, as a submit run does.
 */

export interface PaceOptions {
  /** Requests per second (the most the scheduler will use). */
  rate: number
  concurrency: number
  signal?: AbortSignal
  clock?: Clock
  random?: () => number
}

export interface RetryOptions {
  /** Tries per item for retryable errors (429, 5xx, network), the first included. */
  maxTries: number
  baseMs: number
  maxMs: number
}

export const DEFAULT_RETRY: RetryOptions = { maxTries: 5, baseMs: 500, maxMs: 15_000 }

export function isRetryable(e: unknown): e is DinteroError {
  return e instanceof DinteroError && (e.kind === 'retryable' || e.kind === 'rate_limited')
}

/** A rate signal (429, or 503 with Retry-After); other 5xx are faults of one request. */
function isThrottle(e: unknown): e is DinteroError {
  return e instanceof DinteroError && e.info.rateSignal === true
}

/**
 * Calls `fn` for each item. `fn(item, tryNo)` runs once per try (so each try can be journaled); a
 * retryable DinteroError is tried again after Retry-After or a jittered backoff, anything else —
 * and the last retryable one — goes to `onError`. Stops taking new items once `signal` aborts;
 * items never started are simply not handled (the caller counts them as stopped).
 */
export async function forEachPaced<T>(
  items: readonly T[],
  fn: (item: T, tryNo: number) => Promise<void>,
  onError: (item: T, error: unknown) => Promise<void> | void,
  options: PaceOptions & { retry?: RetryOptions },
): Promise<void> {
  const clock = options.clock ?? realClock
  const random = options.random ?? Math.random
  const retry = options.retry ?? DEFAULT_RETRY
  const { signal } = options
  const scheduler = new Scheduler({ rate: options.rate, concurrency: options.concurrency, clock })
  const onAbort = () => scheduler.wakeAll()
  signal?.addEventListener('abort', onAbort, { once: true })
  let next = 0
  const worker = async () => {
    while (next < items.length && !signal?.aborted) {
      const item = items[next++]
      for (let tryNo = 1; ; tryNo++) {
        if (!(await scheduler.acquire(signal))) return
        let failure: unknown
        let ok = false
        try {
          await fn(item, tryNo)
          ok = true
        } catch (e) {
          failure = e
        }
        const throttled = !ok && isThrottle(failure) ? failure : null
        scheduler.release(throttled ? 'throttled' : isRetryable(failure) ? 'error' : 'accepted')
        if (ok) break
        if (throttled) scheduler.throttle(throttled.info.retryAfterMs ?? 1000)
        if (!isRetryable(failure) || tryNo >= retry.maxTries || signal?.aborted) {
          await onError(item, failure)
          break
        }
        if (!throttled) await clock.sleep(backoffDelay(tryNo, retry.baseMs, retry.maxMs, random), signal)
      }
    }
  }
  try {
    await Promise.all(
      Array.from({ length: Math.max(1, Math.min(options.concurrency, items.length)) }, worker),
    )
  } finally {
    signal?.removeEventListener('abort', onAbort)
  }
}
