import type { Clock } from './clock'

export interface SchedulerOptions {
  /** The rate asked for (requests/s): the scheduler starts here and never goes above it. */
  rate: number
  /** Requests in flight at most. */
  concurrency: number
  clock: Clock
  /** The floor a run of throttles can cut the rate to (default: a tenth of `rate`, at least 0.5/s). */
  minRate?: number
  /** Multiplicative cut on a throttle, applied to the rate the server was accepting (default 0.9). */
  decrease?: number
  /** Share of the current rate added per second while no throttle comes (default 0.01 = 1 %/s). */
  increasePerSecond?: number
}

const WINDOW_MS = 2000

/**
 * Rate + concurrency limiter for requests to Dintero, which publishes no limits. A token bucket
 * (100 ms of burst, to absorb timer lateness) paces requests; on a throttle (429, 503) it waits
 * Retry-After and cuts the rate to just under what the server was actually accepting, at most once
 * per cool-down; then it probes upward by about 1 %/s. The slow probe is what makes it settle just
 * under an unknown server limit instead of bouncing off it (a bounce costs a whole Retry-After).
 */
export class Scheduler {
  private rateNow: number
  private readonly maxRate: number
  private readonly minRate: number
  private readonly decrease: number
  private readonly increase: number
  private readonly concurrency: number
  private readonly clock: Clock
  private tokens = 1
  private lastRefill: number
  private holdUntil = 0
  private lastCutAt = Number.NEGATIVE_INFINITY
  private inFlight = 0
  private slotWaiters: (() => void)[] = []
  /** Times of answers the server accepted (not throttled), for the accepted-rate estimate. */
  private accepted: number[] = []
  /** Times of finished requests of any kind, for the progress display's rate. */
  private finished: number[] = []
  private readonly startedAt: number
  throttles = 0

  constructor(options: SchedulerOptions) {
    this.clock = options.clock
    this.maxRate = options.rate
    this.rateNow = options.rate
    this.minRate = Math.min(options.rate, options.minRate ?? Math.max(0.5, options.rate / 10))
    this.decrease = options.decrease ?? 0.9
    this.increase = options.increasePerSecond ?? 0.01
    this.concurrency = options.concurrency
    this.lastRefill = this.clock.now()
    this.startedAt = this.lastRefill
  }

  /** The rate the scheduler currently allows (requests/s). */
  get rate(): number {
    return this.rateNow
  }

  get active(): number {
    return this.inFlight
  }

  private refill(now: number): void {
    const dt = Math.max(0, now - this.lastRefill)
    this.lastRefill = now
    // Probe upward only once the cool-down after the last cut is over.
    if (now >= this.holdUntil && now - this.lastCutAt > WINDOW_MS && this.rateNow < this.maxRate) {
      this.rateNow = Math.min(this.maxRate, this.rateNow * (1 + (this.increase * dt) / 1000))
    }
    const burst = Math.max(1, this.rateNow * 0.1)
    this.tokens = Math.min(burst, this.tokens + (this.rateNow * dt) / 1000)
  }

  /**
   * Waits for a free slot and a token. Returns false (holding nothing) when `signal` aborts.
   * Every true must be matched by one `release()`.
   */
  async acquire(signal?: AbortSignal): Promise<boolean> {
    for (;;) {
      if (signal?.aborted) return false
      if (this.inFlight >= this.concurrency) {
        await new Promise<void>((resolve) => {
          const done = () => {
            signal?.removeEventListener('abort', done)
            resolve()
          }
          this.slotWaiters.push(done)
          signal?.addEventListener('abort', done, { once: true })
        })
        continue
      }
      const now = this.clock.now()
      this.refill(now)
      if (now < this.holdUntil) {
        await this.clock.sleep(this.holdUntil - now, signal)
        continue
      }
      if (this.tokens >= 1) {
        this.tokens -= 1
        this.inFlight++
        return true
      }
      await this.clock.sleep(Math.ceil(((1 - this.tokens) / this.rateNow) * 1000), signal)
    }
  }

  /** Gives back a slot taken by a true `acquire()`; `accepted` = the server did not throttle it. */
  release(outcome: 'accepted' | 'throttled' | 'none' = 'accepted'): void {
    this.inFlight = Math.max(0, this.inFlight - 1)
    const now = this.clock.now()
    if (outcome !== 'none') this.finished.push(now)
    if (outcome === 'accepted') this.accepted.push(now)
    this.prune(now)
    const next = this.slotWaiters.shift()
    next?.()
  }

  /** Gives back a slot that was not used for a request (nothing was ready to send). */
  refund(): void {
    this.tokens = Math.min(this.tokens + 1, Math.max(1, this.rateNow * 0.1))
    this.release('none')
  }

  /** Wakes everything waiting for a slot (stop requested). */
  wakeAll(): void {
    const waiters = this.slotWaiters
    this.slotWaiters = []
    for (const w of waiters) w()
  }

  private prune(now: number): void {
    const cut = now - WINDOW_MS * 2.5
    while (this.accepted.length && this.accepted[0] < cut) this.accepted.shift()
    while (this.finished.length && this.finished[0] < cut) this.finished.shift()
  }

  private acceptedRate(now: number): number {
    const from = now - WINDOW_MS
    let n = 0
    for (let i = this.accepted.length - 1; i >= 0 && this.accepted[i] >= from; i--) n++
    const span = Math.min(WINDOW_MS, Math.max(250, now - this.startedAt))
    return (n * 1000) / span
  }

  /** Requests finished per second over the last few seconds (for progress and ETA). */
  observedRate(): number {
    const now = this.clock.now()
    this.prune(now)
    const span = Math.min(5000, Math.max(1000, now - this.startedAt))
    let n = 0
    for (let i = this.finished.length - 1; i >= 0 && this.finished[i] >= now - span; i--) n++
    return (n * 1000) / span
  }

  /**
   * The server pushed back (429, or 503). Waits `retryAfterMs` before the next request and, at most
   * once per cool-down, cuts the rate to just under what the server was accepting.
   */
  throttle(retryAfterMs = 1000): void {
    const now = this.clock.now()
    this.throttles++
    this.holdUntil = Math.max(this.holdUntil, now + Math.max(0, retryAfterMs))
    if (now - this.lastCutAt < Math.max(WINDOW_MS, retryAfterMs)) return
    this.lastCutAt = now
    const base = Math.min(this.rateNow, Math.max(this.acceptedRate(now), this.minRate))
    this.rateNow = Math.max(this.minRate, base * this.decrease)
    this.tokens = Math.min(this.tokens, 1)
  }
}
