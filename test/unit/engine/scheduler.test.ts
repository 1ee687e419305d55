import { describe, expect, it } from 'vitest'
import { FakeClock } from '../../support/fake-clock'
import { Scheduler } from '../../../src/main/engine/scheduler'

/** A server with an undisclosed token-bucket limit (burst = limit), as the sandbox's --rate-limit. */
function bucketServer(clock: FakeClock, limit: number) {
  let tokens = limit
  let last = clock.now()
  return (): { ok: true } | { ok: false; retryAfterMs: number } => {
    const now = clock.now()
    tokens = Math.min(limit, tokens + ((now - last) * limit) / 1000)
    last = now
    if (tokens >= 1) {
      tokens -= 1
      return { ok: true }
    }
    return { ok: false, retryAfterMs: Math.ceil((1 - tokens) / limit) * 1000 }
  }
}

async function drive(clock: FakeClock, seconds: number, body: (end: number) => Promise<void>[]) {
  const end = clock.now() + seconds * 1000
  const workers = body(end)
  while (clock.now() < end + 1000) await clock.advance(5)
  await Promise.all(workers)
}

describe('Scheduler', () => {
  it('paces requests at the configured rate', async () => {
    const clock = new FakeClock()
    const s = new Scheduler({ rate: 20, concurrency: 100, clock })
    const times: number[] = []
    const worker = async (end: number) => {
      while (clock.now() < end && (await s.acquire())) {
        times.push(clock.now())
        s.release()
      }
    }
    await drive(clock, 10, (end) => [worker(end)])
    // 10 s at 20/s, plus at most a 100 ms burst.
    const inTen = times.filter((t) => t < times[0] + 10_000).length
    expect(inTen).toBeGreaterThanOrEqual(198)
    expect(inTen).toBeLessThanOrEqual(203)
  })

  it('never has more requests in flight than the concurrency limit', async () => {
    const clock = new FakeClock()
    const s = new Scheduler({ rate: 1000, concurrency: 3, clock })
    let inFlight = 0
    let peak = 0
    let done = 0
    const worker = async (end: number) => {
      while (clock.now() < end && (await s.acquire())) {
        inFlight++
        peak = Math.max(peak, inFlight)
        await clock.sleep(100)
        inFlight--
        done++
        s.release()
      }
    }
    await drive(clock, 2, (end) => Array.from({ length: 10 }, () => worker(end)))
    expect(peak).toBe(3)
    expect(done).toBeGreaterThanOrEqual(57) // 3 per 100 ms for 2 s
  })

  it('waits Retry-After and cuts the rate once per cool-down on a throttle', async () => {
    const clock = new FakeClock()
    const s = new Scheduler({ rate: 100, concurrency: 10, clock })
    expect(await s.acquire()).toBe(true)
    s.release()
    const before = s.rate
    s.throttle(2000)
    s.throttle(2000)
    expect(s.rate).toBeLessThan(before)
    const cut = s.rate
    const t0 = clock.now()
    const got = s.acquire()
    await clock.advance(1999)
    let resolved = false
    void got.then(() => {
      resolved = true
    })
    await clock.advance(0)
    expect(resolved).toBe(false)
    await clock.advance(50)
    expect(await got).toBe(true)
    expect(clock.now() - t0).toBeGreaterThanOrEqual(2000)
    expect(s.rate).toBeGreaterThanOrEqual(cut * 0.99) // the second throttle did not cut again
  })

  it('settles just under an undisclosed 50/s limit (150 ms latency) when asked for 100/s', async () => {
    const clock = new FakeClock()
    const server = bucketServer(clock, 50)
    const s = new Scheduler({ rate: 100, concurrency: 32, clock })
    let accepted = 0
    let throttled = 0
    const seconds = 60
    const worker = async (end: number) => {
      while (clock.now() < end && (await s.acquire())) {
        const answer = server()
        await clock.sleep(150)
        if (answer.ok) {
          accepted++
          s.release('accepted')
        } else {
          throttled++
          s.throttle(answer.retryAfterMs)
          s.release('throttled')
        }
      }
    }
    await drive(clock, seconds, (end) => Array.from({ length: 32 }, () => worker(end)))
    const share = accepted / (50 * seconds)
    expect(share).toBeGreaterThanOrEqual(0.85)
    // It settles rather than bouncing: few throttled requests compared with the accepted ones.
    expect(throttled / accepted).toBeLessThan(0.1)
  })

  it('keeps the asked rate when answers are errors without a rate signal (5xx, lost answers)', async () => {
    const clock = new FakeClock()
    const s = new Scheduler({ rate: 20, concurrency: 4, clock })
    let sent = 0
    let n = 0
    const worker = async (end: number) => {
      while (clock.now() < end && (await s.acquire())) {
        sent++
        await clock.sleep(30)
        // A quarter of the answers are faults, spread out: no outage.
        s.release(n++ % 4 === 0 ? 'error' : 'accepted')
      }
    }
    await drive(clock, 20, (end) => Array.from({ length: 4 }, () => worker(end)))
    expect(s.rate).toBe(20)
    expect(s.outage()).toBeNull()
    expect(sent).toBeGreaterThanOrEqual(398)
  })

  it('climbs back to the asked rate within about 15 s once throttling stops', async () => {
    const clock = new FakeClock()
    let limit = 3
    let server = bucketServer(clock, limit)
    const s = new Scheduler({ rate: 40, concurrency: 8, clock })
    const worker = async (end: number) => {
      while (clock.now() < end && (await s.acquire())) {
        const answer = server()
        await clock.sleep(30)
        if (answer.ok) s.release('accepted')
        else {
          s.throttle(answer.retryAfterMs)
          s.release('throttled')
        }
      }
    }
    let lifted = 0
    let backAt = 0
    const watch = async (end: number) => {
      while (clock.now() < end) {
        await clock.sleep(100)
        if (!lifted && clock.now() - start >= 10_000) {
          limit = 1000
          server = bucketServer(clock, limit)
          lifted = clock.now()
        }
        if (lifted && !backAt && s.rate >= 40) backAt = clock.now()
      }
    }
    const start = clock.now()
    await drive(clock, 40, (end) => [...Array.from({ length: 8 }, () => worker(end)), watch(end)])
    expect(s.throttles).toBeGreaterThan(0)
    expect(lifted).toBeGreaterThan(0)
    expect(backAt).toBeGreaterThan(lifted)
    // The last throttle can come a moment after the lift (requests already answered 429).
    expect(backAt - lifted).toBeLessThanOrEqual(16_000)
  })

  it('pauses with a growing backoff when most answers are errors, probes with one request, then resumes at full pace', async () => {
    const clock = new FakeClock()
    const s = new Scheduler({ rate: 50, concurrency: 8, clock })
    let up = false
    const sentAt: number[] = []
    let inFlight = 0
    let peakWhileDown = 0
    const worker = async (end: number) => {
      while (clock.now() < end && (await s.acquire())) {
        sentAt.push(clock.now())
        inFlight++
        if (s.outage()) peakWhileDown = Math.max(peakWhileDown, inFlight)
        await clock.sleep(20)
        inFlight--
        s.release(up ? 'accepted' : 'error')
      }
    }
    const statuses: number[] = []
    const watch = async (end: number) => {
      while (clock.now() < end) {
        await clock.sleep(50)
        const o = s.outage()
        if (o && !statuses.includes(o.level)) statuses.push(o.level)
        if (clock.now() - t0 >= 12_000) up = true
      }
    }
    const t0 = clock.now()
    await drive(clock, 30, (end) => [...Array.from({ length: 8 }, () => worker(end)), watch(end)])
    // Down for 12 s: a handful of probes after growing pauses (2, 4, 8 s), not 600 requests.
    const whileDown = sentAt.filter((t) => t < t0 + 12_000).length
    expect(whileDown).toBeLessThan(40)
    expect(statuses.length).toBeGreaterThanOrEqual(3)
    expect(peakWhileDown).toBeLessThanOrEqual(8)
    // Once a probe is answered, full pace: about 50/s over the last 5 s.
    const lastFive = sentAt.filter((t) => t >= t0 + 25_000 && t < t0 + 30_000).length
    expect(lastFive).toBeGreaterThanOrEqual(240)
    expect(s.outage()).toBeNull()
  })
})
