import type { Browser } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { RunProgress, RunRow } from '../../src/shared/contract'
import { getBatch, listInvoices } from '../../src/main/journal/reads'
import type { Harness } from './harness'
import { eventsIn, recordFrames, seedBatch, eventually, withHarness } from './run-helpers'

describe('run progress reaches the page in batches', () => {
  let harness: Harness
  let browser: Browser

  withHarness((h, b) => {
    harness = h
    browser = b
  })

  it('1,000 row changes arrive in a handful of messages, and the page ends with every row right', async () => {
    const batchId = seedBatch(harness.db, 1000, { bad: [10, 500], settings: { rate: 2000, concurrency: 32 } })
    const app = await harness.open(browser, { locale: 'en-GB' })
    const frames = recordFrames(app.page)
    // Let the first load finish: a reload mid-load aborts its requests.
    await app.page.getByTestId('start-screen').waitFor()
    await app.page.reload()
    await app.page.getByTestId('nav-history').click()
    await app.page.getByTestId(`open-batch-${batchId}`).click()
    await app.page.getByTestId('open-run').click()
    await app.page.getByTestId('run-resume').click()
    const t0 = Date.now()
    await eventually(() => app.page.getByTestId('run-state').getAttribute('data-state'), {
      timeout: 60_000,
    }).toBe('finished')
    const seconds = (Date.now() - t0) / 1000
    expect(getBatch(harness.db, batchId)?.state).toBe('finished')

    const rowMsgs = eventsIn<{ batchId: string; rows: RunRow[] }>(frames.received, 'runs:rows')
    const progressMsgs = eventsIn<RunProgress>(frames.received, 'runs:progress')
    const pushes = rowMsgs.length + progressMsgs.length
    const changes = rowMsgs.reduce((n, m) => n + m.rows.length, 0)
    console.log(
      `batching: ${changes} row changes in ${rowMsgs.length} runs:rows + ${progressMsgs.length} runs:progress messages over ${seconds.toFixed(1)} s`,
    )
    // Every invoice changed at least once; pushes are bounded by time (≤ ~5 a second), not by rows.
    expect(changes).toBeGreaterThanOrEqual(1000)
    expect(pushes).toBeLessThanOrEqual(Math.max(15, Math.ceil(seconds * 5) + 2))
    expect(changes / rowMsgs.length).toBeGreaterThan(20)

    // Reducing the pushes by id gives exactly the journal's final states.
    const last = new Map<number, string>()
    for (const m of rowMsgs) for (const r of m.rows) last.set(r.id, r.state)
    const journal = listInvoices(harness.db, batchId, { limit: 2000 })
    expect(last.size).toBe(1000)
    for (const inv of journal) expect(last.get(inv.id)).toBe(inv.state)
    app.assertClean()
  })
})
