/**
 * Fault injection for the sandbox's `/v1` routes, so the app's retry, lookup and rate logic can
 * be exercised on demand. All randomness comes from one injectable generator so tests can
 * make a fault certain (rate 1) or reproducible (a seeded generator).
 */

export interface SandboxFaults {
  /** Token bucket: N requests per second, burst N, over every `/v1` route. 0 = off. */
  rateLimit: number
  /** Added before every `/v1` answer. */
  latencyMs: number
  /** Fraction (0–1) of `/v1` requests answered 500/502/503 before anything is done. */
  failRate: number
  /** Fraction of `/v1` POSTs that do their work, commit, then drop the connection unanswered. */
  lostResponseRate: number
  /** Fraction of voids answered 202 and finished a moment later. */
  voidAcceptedRate: number
  /** Fraction of pays answered 200 with a FAILED transaction. */
  failedStatusRate: number
  /** Fraction of transactions left out of `GET /v1/transactions` answers (a list lagging behind). */
  listOmitRate: number
  /** A new transaction shows in `GET /v1/transactions` only this many ms after it was made (by id at once). */
  listLagMs: number
  /** Fraction of pays answered 200 with an ON_HOLD transaction that turns AUTHORIZED about a second later. */
  pendingStatusRate: number
}

export const NO_FAULTS: SandboxFaults = {
  rateLimit: 0,
  latencyMs: 0,
  failRate: 0,
  lostResponseRate: 0,
  voidAcceptedRate: 0,
  failedStatusRate: 0,
  listOmitRate: 0,
  listLagMs: 0,
  pendingStatusRate: 0,
}

/** Mulberry32: a tiny seeded generator for reproducible fault patterns in tests and benchmarks. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** The burst is N, but at least one request (a limit below 1/s still lets one through). */
const burst = (rate: number) => (rate > 0 ? Math.max(1, rate) : 0)

/** A token bucket of `rate` per second with a burst of `rate`; returns 0 or the seconds to wait. */
export class TokenBucket {
  private tokens: number
  private last: number
  constructor(
    private rate: number,
    now: number,
  ) {
    this.tokens = burst(rate)
    this.last = now
  }

  setRate(rate: number, now: number) {
    this.refill(now)
    // Switching the limit on starts with a full burst, as a fresh limiter would.
    this.tokens = this.rate <= 0 ? burst(rate) : Math.min(this.tokens, burst(rate))
    this.rate = rate
  }

  private refill(now: number) {
    const elapsed = Math.max(0, now - this.last) / 1000
    this.tokens = Math.min(burst(this.rate), this.tokens + elapsed * this.rate)
    this.last = now
  }

  /** Takes one token; when none is left, the whole seconds until one will be (at least 1). */
  take(now: number): number {
    if (this.rate <= 0) return 0
    this.refill(now)
    if (this.tokens >= 1) {
      this.tokens -= 1
      return 0
    }
    return Math.max(1, Math.ceil((1 - this.tokens) / this.rate))
  }
}

export function checkFaults(f: Partial<SandboxFaults>): string | null {
  for (const [k, v] of Object.entries(f)) {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) return `${k} must be a non-negative number`
    if (k.endsWith('Rate') && k !== 'rateLimit' && v > 1) return `${k} is a fraction from 0 to 1`
  }
  return null
}
