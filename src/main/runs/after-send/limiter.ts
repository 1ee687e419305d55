import { DinteroError } from '../../dintero/types'

/**
 * A small paced worker pool for the after-sending actions (void, capture, refresh): at most
 * `concurrency` requests in flight, starts spaced 1/rate apart, and a 429's Retry-After holds every
 * worker, not just the one that got it. The submit scheduler adapts its rate; these runs are short
 * and user-triggered, so a fixed pace at the batch's configured rate is enough.
 */

export interface Clock {
  now(): number
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (ms <= 0 || signal?.aborted) return resolve()
      const t = setTimeout(done, ms)
      function done() {
        clearTimeout(t)
        signal?.removeEventListener('abort', done)
        resolve()
      }
      signal?.addEventListener('abort', done, { once: true })
    }),
}

export interface PaceOptions {
  /** Requests per second. */
  rate: number
  concurrency: number
  signal?: AbortSignal
  clock?: Clock
}

export interface RetryOptions {
  /** Tries per item for retryable errors (429, 5xx, network), the first included. */
  maxTries: number
  baseMs: number
  maxMs: number
}

export const DEFAULT_RETRY: RetryOptions = { maxTries: 5, baseMs: 500, maxMs: 15_000 }

export class Pacer {
  private nextAt = 0
  private readonly interval: number
  private readonly clock: Clock

  constructor(
    rate: number,
    clock: Clock,
    private readonly signal?: AbortSignal,
  ) {
    this.interval = rate > 0 ? 1000 / rate : 0
    this.clock = clock
  }

  /** Waits for this request's start slot. */
  async slot(): Promise<void> {
    const now = this.clock.now()
    const at = Math.max(now, this.nextAt)
    this.nextAt = at + this.interval
    if (at > now) await this.clock.sleep(at - now, this.signal)
  }

  /** A 429: nobody starts before the server's Retry-After has passed. */
  holdFor(ms: number): void {
    this.nextAt = Math.max(this.nextAt, this.clock.now() + ms)
  }
}

/** Full-jitter exponential backoff, capped. */
export function backoffMs(tryNo: number, retry: RetryOptions, random: () => number = Math.random): number {
  const ceiling = Math.min(retry.maxMs, retry.baseMs * 2 ** Math.max(0, tryNo - 1))
  return Math.round(ceiling / 2 + (random() * ceiling) / 2)
}

export function isRetryable(e: unknown): e is DinteroError {
  return e instanceof DinteroError && (e.kind === 'retryable' || e.kind === 'rate_limited')
}

/**
 * Calls `fn` for each item with pacing and retries. `fn(item, tryNo)` is called once per try
 * (so each try can be journaled); a retryable DinteroError is tried again after a backoff (or the
 * Retry-After), anything else — and the last retryable one — is handed to `onError`.
 * Stops starting new items once `signal` aborts.
 */
export async function forEachPaced<T>(
  items: readonly T[],
  fn: (item: T, tryNo: number) => Promise<void>,
  onError: (item: T, error: unknown) => Promise<void> | void,
  options: PaceOptions & { retry?: RetryOptions },
): Promise<void> {
  const clock = options.clock ?? realClock
  const retry = options.retry ?? DEFAULT_RETRY
  const pacer = new Pacer(options.rate, clock, options.signal)
  let next = 0
  const worker = async () => {
    while (next < items.length && !options.signal?.aborted) {
      const item = items[next++]
      for (let tryNo = 1; ; tryNo++) {
        await pacer.slot()
        if (options.signal?.aborted) return
        try {
          await fn(item, tryNo)
          break
        } catch (e) {
          if (!isRetryable(e) || tryNo >= retry.maxTries) {
            await onError(item, e)
            break
          }
          const wait = e.info.retryAfterMs ?? backoffMs(tryNo, retry)
          if (e.info.retryAfterMs !== undefined) pacer.holdFor(wait)
          else await clock.sleep(wait, options.signal)
        }
      }
    }
  }
  const n = Math.max(1, Math.min(options.concurrency, items.length))
  await Promise.all(Array.from({ length: n }, worker))
}
