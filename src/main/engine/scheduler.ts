import type { Clock } from './clock'
import { AnswerWindow, type OutageStatus } from './outage'

export type { OutageStatus } from './outage'

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
  /** Once throttles stop, the time to climb from a cut back to the asked rate (default 12 s). */
  recoverMs?: number
}

/** How one request ended, for the scheduler's books. */
export type SchedulerOutcome =
  /** Dintero answered (any answer that is not an error or a rate signal, 4xx refusals included). */
  | 'accepted'
  /** A rate signal: 429, or 503 with Retry-After (call `throttle` too). */
  | 'throttled'
  /** A fault: another 5xx, a timeout, a lost answer, no connection. Counts towards an outage. */
  | 'error'
  /** Nothing was asked of Dintero with this slot. */
  | 'none'

const WINDOW_MS = 2000
/** Share of the recovery spent coming back to the rate the server accepted before the cut. */
const APPROACH_SHARE = 0.3

/**
 * Rate + concurrency limiter for requests to Dintero, which publishes no limits.
 *
 * A token bucket (100 ms of burst, to absorb timer lateness) paces requests. Only rate signals
 * (429, or 503 with Retry-After) slow everyone down: the scheduler waits Retry-After and, at most
 * once per cool-down, cuts the rate to just under what the server was accepting. When throttles
 * stop it climbs back on a curve: quickly to the rate where the server pushed back, gently past
 * it (where a bounce would cost a whole Retry-After), then faster, reaching the asked rate within
 * `recoverMs`. Other faults (5xx, timeouts, lost answers) are the invoice's own business and do
 * not touch the rate — unless most recent answers are errors, when Dintero is taken to be down:
 * sending pauses for a growing backoff, one probe request goes, and the first real answer resumes
 * full pace (see `AnswerWindow`).
 */
export class Scheduler {
  private rateNow: number
  private readonly maxRate: number
  private readonly minRate: number
  private readonly decrease: number
  private readonly recoverMs: number
  private readonly concurrency: number
  private readonly clock: Clock
  private tokens = 1
  private lastRefill: number
  private holdUntil = 0
  private lastCutAt = Number.NEGATIVE_INFINITY
  /** The recovery curve after the last cut: from `cutRate` at `recoverFrom`, via `ceiling`. */
  private recoverFrom = Number.NEGATIVE_INFINITY
  private cutRate: number
  private ceiling: number
  private inFlight = 0
  private slotWaiters: (() => void)[] = []
  /** Times of answers the server accepted (not throttled), for the accepted-rate estimate. */
  private accepted: number[] = []
  /** Times of finished requests of any kind, for the progress display's rate. */
  private finished: number[] = []
  private readonly startedAt: number
  private readonly answers: AnswerWindow
  throttles = 0

  constructor(options: SchedulerOptions) {
    this.clock = options.clock
    this.maxRate = options.rate
    this.rateNow = options.rate
    this.cutRate = options.rate
    this.ceiling = options.rate
    this.minRate = Math.min(options.rate, options.minRate ?? Math.max(0.5, options.rate / 10))
    this.decrease = options.decrease ?? 0.9
    this.recoverMs = options.recoverMs ?? 12_000
    this.concurrency = options.concurrency
    this.lastRefill = this.clock.now()
    this.startedAt = this.lastRefill
    this.answers = new AnswerWindow()
  }

  /** The rate the scheduler currently allows (requests/s). */
  get rate(): number {
    return this.rateNow
  }

  get active(): number {
    return this.inFlight
  }

  /** Dintero is answering mostly errors: when the next probe goes. null while all is well. */
  outage(): OutageStatus | null {
    return this.answers.status(this.clock.now())
  }

  /** The rate on the recovery curve `t` ms after the hold that followed the last cut ended. */
  private recovered(t: number): number {
    const approach = this.recoverMs * APPROACH_SHARE
    const top = Math.max(this.ceiling, this.cutRate)
    if (t < approach) {
      // Concave: most of the way back at once, flattening out as it nears the old ceiling.
      const x = 1 - t / approach
      return this.cutRate + (top - this.cutRate) * (1 - x * x * x)
    }
    // Convex: probe gently just above the ceiling, then faster up to the asked rate.
    const x = Math.min(1, (t - approach) / (this.recoverMs - approach))
    return top + (this.maxRate - top) * x * x * x
  }

  private refill(now: number): void {
    const dt = Math.max(0, now - this.lastRefill)
    this.lastRefill = now
    if (this.rateNow < this.maxRate && now >= this.holdUntil && now >= this.recoverFrom) {
      this.rateNow = Math.min(this.maxRate, Math.max(this.rateNow, this.recovered(now - this.recoverFrom)))
    }
    const burst = Math.max(1, this.rateNow * 0.1)
    this.tokens = Math.min(burst, this.tokens + (this.rateNow * dt) / 1000)
  }

  private waitForSlot(signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        signal?.removeEventListener('abort', done)
        resolve()
      }
      this.slotWaiters.push(done)
      signal?.addEventListener('abort', done, { once: true })
    })
  }

  /**
   * Waits for a free slot and a token. Returns false (holding nothing) when `signal` aborts.
   * Every true must be matched by one `release()`.
   */
  async acquire(signal?: AbortSignal): Promise<boolean> {
    for (;;) {
      if (signal?.aborted) return false
      if (this.inFlight >= this.concurrency) {
        await this.waitForSlot(signal)
        continue
      }
      const now = this.clock.now()
      this.refill(now)
      const outage = this.answers.gate(now)
      if (outage === 'probing') {
        // The probe is out: nothing else goes until it answers.
        await this.waitForSlot(signal)
        continue
      }
      const until = Math.max(this.holdUntil, typeof outage === 'number' ? outage : 0)
      if (now < until) {
        await this.clock.sleep(until - now, signal)
        continue
      }
      if (outage === 'probe' || this.tokens >= 1) {
        if (outage === 'probe') this.answers.probeSent()
        else this.tokens -= 1
        this.inFlight++
        return true
      }
      await this.clock.sleep(Math.ceil(((1 - this.tokens) / this.rateNow) * 1000), signal)
    }
  }

  /** Gives back a slot taken by a true `acquire()`, saying how its request ended. */
  release(outcome: SchedulerOutcome = 'accepted'): void {
    this.inFlight = Math.max(0, this.inFlight - 1)
    const now = this.clock.now()
    if (outcome !== 'none') this.finished.push(now)
    if (outcome === 'accepted') this.accepted.push(now)
    this.answers.record(outcome, now)
    this.prune(now)
    const next = this.slotWaiters.shift()
    next?.()
    // An outage just ended or began: everyone waiting may need to re-check the gate.
    if (this.answers.changed()) this.wakeAll()
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
   * A rate signal (429, or 503 with Retry-After): waits `retryAfterMs` before the next request
   * and, at most once per cool-down, cuts the rate to just under what the server was accepting.
   * Every throttle restarts the climb back, so it begins only once throttling stops.
   */
  throttle(retryAfterMs = 1000): void {
    const now = this.clock.now()
    this.throttles++
    this.holdUntil = Math.max(this.holdUntil, now + Math.max(0, retryAfterMs))
    if (now - this.lastCutAt >= Math.max(WINDOW_MS, retryAfterMs)) {
      this.lastCutAt = now
      const base = Math.min(this.rateNow, Math.max(this.acceptedRate(now), this.minRate))
      this.ceiling = base
      this.rateNow = Math.max(this.minRate, base * this.decrease)
      this.cutRate = this.rateNow
      this.tokens = Math.min(this.tokens, 1)
    }
    this.recoverFrom = Math.max(this.holdUntil, this.lastCutAt + WINDOW_MS)
  }
}
