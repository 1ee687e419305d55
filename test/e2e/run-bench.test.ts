import type { Browser } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { report, runUiBench } from '../../bench/ui-measure'
import type { Harness } from './harness'
import { withHarness } from './run-helpers'

// The `npm run bench:ui` measurements on a smaller batch, so the suite checks they still work. Their
// figures are printed, not asserted: speed is judged by the bench on a quiet machine, beside its
// targets, never by a test that a busy machine can fail.
describe('bench:ui measurements', () => {
  let harness: Harness
  let browser: Browser

  withHarness((h, b) => {
    harness = h
    browser = b
  })

  it('measures first paint, frame times while scrolling and while 1,000 rows change, and the batching', async () => {
    const r = await runUiBench(harness, browser, 5000)
    const lines = report(r)
    console.log(lines.join('\n'))
    expect(lines).toHaveLength(5)
    expect(r.firstPaintMs).toBeGreaterThan(0)
    expect(r.scroll.frames).toBeGreaterThan(30)
    expect(r.scroll.p50).toBeGreaterThan(0)
    expect(r.updates.rowsChanged).toBeGreaterThanOrEqual(1000)
    expect(r.updates.p50).toBeGreaterThan(0)
    // Batched: many row changes per message, never one message per row.
    expect(r.updates.rowsChanged / r.updates.messages).toBeGreaterThan(10)
  })
})
