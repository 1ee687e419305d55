import { describe, expect, it } from 'vitest'
import { FakeClock } from '../../../src/main/runs/clock'
import { Scheduler } from '../../../src/main/runs/scheduler'

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
    expect(s.rate).toBeLessThan(60)
  })
})
