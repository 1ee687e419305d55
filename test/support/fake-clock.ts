import type { Clock } from '../../src/main/engine/clock'

/** A clock for tests: time moves only when `advance` is called; sleepers wake in order. */
export class FakeClock implements Clock {
  private t: number
  private sleepers: { at: number; seq: number; resolve: () => void }[] = []
  private seq = 0

  constructor(start = Date.UTC(2026, 10, 25, 12, 0, 0)) {
    this.t = start
  }

  now(): number {
    return this.t
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal?.aborted) return resolve()
      const entry = { at: this.t + Math.max(0, ms), seq: this.seq++, resolve }
      this.sleepers.push(entry)
      signal?.addEventListener(
        'abort',
        () => {
          this.sleepers = this.sleepers.filter((s) => s !== entry)
          resolve()
        },
        { once: true },
      )
    })
  }

  /** The earliest time a sleeper waits for, if any. */
  nextWake(): number | undefined {
    let min: number | undefined
    for (const s of this.sleepers) if (min === undefined || s.at < min) min = s.at
    return min
  }

  /** Moves time forward by `ms`, waking sleepers one by one (letting their continuations run). */
  async advance(ms: number): Promise<void> {
    const end = this.t + ms
    for (;;) {
      await flush()
      const next = this.sleepers.filter((s) => s.at <= end).sort((a, b) => a.at - b.at || a.seq - b.seq)[0]
      if (!next) break
      this.t = Math.max(this.t, next.at)
      this.sleepers = this.sleepers.filter((s) => s !== next)
      next.resolve()
    }
    this.t = end
    await flush()
  }
}

async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve()
}
