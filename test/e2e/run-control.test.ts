import type { Browser } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { getBatch, getCounts, getInvoiceByReference, listInvoices } from '../../src/main/journal/reads'
import type { Harness } from './harness'
import { seedBatch, eventually, withHarness } from './run-helpers'
import { setInvoiceState } from '../../src/main/journal/invoice-state'

const state = (harness: Harness, batchId: string) => getBatch(harness.db, batchId)?.state
const sent = (harness: Harness, batchId: string) => {
  const c = getCounts(harness.db, batchId)
  return (c.authorized ?? 0) + (c.failed ?? 0)
}

describe('run control in Chromium: pause, continue, cancel, resume offer, fix and retry', () => {
  let harness: Harness
  let browser: Browser

  withHarness((h, b) => {
    harness = h
    browser = b
  })

  it('pauses, continues and cancels a run; nothing left pending after a cancel', async () => {
    const batchId = seedBatch(harness.db, 60, { prefix: 'PC', settings: { rate: 5, concurrency: 1 } })
    const app = await harness.open(browser, { locale: 'en-GB' })
    const { page } = app
    await page.getByTestId('nav-history').click()
    await page.getByTestId(`open-batch-${batchId}`).click()
    await page.getByTestId('open-run').click()
    await page.getByTestId('run-resume').click()
    await eventually(() => page.getByTestId('run-state').getAttribute('data-state')).toBe('running')
    await eventually(() => page.getByTestId('run-rate').textContent()).toMatch(
      /per second · (Done about|Estimating)/,
    )
    await eventually(() => sent(harness, batchId)).toBeGreaterThan(2)

    await page.getByTestId('run-pause').click()
    await eventually(() => state(harness, batchId), { timeout: 15_000 }).toBe('paused')
    await eventually(() => page.getByTestId('run-paused').textContent()).toContain('The batch is paused.')
    const atPause = sent(harness, batchId)
    await new Promise((r) => setTimeout(r, 600))
    expect(sent(harness, batchId)).toBe(atPause)

    await page.getByTestId('run-resume').click()
    await eventually(() => sent(harness, batchId)).toBeGreaterThan(atPause)
    await page.getByTestId('run-cancel').click()
    await page.getByTestId('cancel-dialog').waitFor()
    await page.getByTestId('cancel-confirm').click()
    await eventually(() => page.getByTestId('run-state').getAttribute('data-state'), {
      timeout: 15_000,
    }).toBe('cancelled')
    const counts = getCounts(harness.db, batchId)
    expect(counts.pending ?? 0).toBe(0)
    expect(counts.sending ?? 0).toBe(0)
    expect((counts.cancelled ?? 0) + (counts.authorized ?? 0)).toBe(60)
    expect(counts.cancelled).toBeGreaterThan(0)
    app.assertClean()
  })

  it('continues when Continue is pressed while a pause is still finishing', async () => {
    const batchId = seedBatch(harness.db, 10, { prefix: 'PR', settings: { rate: 10, concurrency: 2 } })
    await harness.dispatch('runs:start', { batchId })
    await eventually(() => sent(harness, batchId)).toBeGreaterThan(0)
    const paused = await harness.dispatch('runs:pause', { batchId })
    const resumed = await harness.dispatch('runs:resume', { batchId })
    expect(paused.ok && resumed.ok).toBe(true)
    await eventually(() => state(harness, batchId), { timeout: 20_000 }).toBe('finished')
    expect(getCounts(harness.db, batchId)).toEqual({ authorized: 10 })
  })

  it('stops after the canary, says so (in Norwegian too), and sends the rest on Continue', async () => {
    const batchId = seedBatch(harness.db, 10, { prefix: 'CY', settings: { canary: 3 } })
    const app = await harness.open(browser, { locale: 'nb-NO' })
    const { page } = app
    await page.getByTestId('nav-history').click()
    await page.getByTestId(`open-batch-${batchId}`).click()
    await page.getByTestId('open-run').click()
    await page
      .getByRole('heading', { name: /^invoices\.csv · \d+\. \w+\.? \d{4} kl\. \d{2}\.\d{2}$/ })
      .waitFor()
    expect(await page.getByTestId('run-batch-id').textContent()).toBe(`Kjøring ${batchId}`)
    await page.getByTestId('run-resume').click()
    await eventually(() => getBatch(harness.db, batchId)?.pause_reason).toBe('canary')
    expect(getCounts(harness.db, batchId)).toEqual({ authorized: 3, pending: 7 })
    await eventually(() => page.getByTestId('run-paused').textContent()).toContain(
      'De første fakturaene er sendt',
    )
    expect(await page.getByTestId('run-resume').textContent()).toBe('Fortsett')
    await page.getByTestId('run-resume').click()
    await eventually(() => state(harness, batchId)).toBe('finished')
    expect(getCounts(harness.db, batchId)).toEqual({ authorized: 10 })
    app.assertClean()
  })

  it('offers to resume an unfinished batch when the app starts, and finishes it', async () => {
    const batchId = seedBatch(harness.db, 12, { prefix: 'RS', settings: { rate: 4, concurrency: 1 } })
    await harness.dispatch('runs:start', { batchId })
    await eventually(() => sent(harness, batchId)).toBeGreaterThan(0)
    await harness.dispatch('runs:pause', { batchId })
    await eventually(() => state(harness, batchId)).toBe('paused')

    const app = await harness.open(browser, { locale: 'en-GB' })
    const { page } = app
    await page.getByTestId('resume-dialog').waitFor()
    expect(await page.getByTestId('resume-dialog').textContent()).toContain(batchId)
    await page.getByTestId(`resume-${batchId}`).click()
    await page.getByTestId('run-screen').waitFor()
    await page.getByTestId('run-resume').click()
    await eventually(() => state(harness, batchId), { timeout: 20_000 }).toBe('finished')
    expect(getCounts(harness.db, batchId)).toEqual({ authorized: 12 })
    app.assertClean()
  })

  it('treats a batch left "running" by a crash as paused, and finishes it without sending anything twice', async () => {
    const batchId = seedBatch(harness.db, 8, { prefix: 'CR' })
    // What a crash mid-run leaves: the batch running with no live lease, rows committed as sending.
    harness.db.prepare(`UPDATE batches SET state = 'running', pause_reason = NULL WHERE id = ?`).run(batchId)
    for (const inv of listInvoices(harness.db, batchId).slice(0, 3))
      setInvoiceState(harness.db, inv.id, 'sending')

    const app = await harness.open(browser, { locale: 'en-GB' })
    const { page } = app
    await page.getByTestId(`resume-${batchId}`).click()
    await eventually(() => page.getByTestId('run-paused').textContent()).toContain(
      'Sending stopped unexpectedly',
    )
    await page.getByTestId('run-resume').click()
    await eventually(() => state(harness, batchId), { timeout: 20_000 }).toBe('finished')
    expect(getCounts(harness.db, batchId)).toEqual({ authorized: 8 })
    // Each reference exists exactly once at the sandbox.
    const inv = getInvoiceByReference(harness.db, batchId, 'CR-00001')!
    const all = (await (
      await fetch(`${new URL(inv.invoice_url!).origin}/__sandbox/transactions`)
    ).json()) as {
      merchant_reference: string
    }[]
    for (let i = 1; i <= 8; i++) {
      const ref = `CR-${String(i).padStart(5, '0')}`
      expect(all.filter((t) => t.merchant_reference === ref)).toHaveLength(1)
    }
    app.assertClean()
  })

  it('fixes failed invoices in the review grid and sends them as a follow-up batch', async () => {
    const batchId = seedBatch(harness.db, 6, { prefix: 'FX', bad: [2] })
    await harness.dispatch('runs:start', { batchId })
    await eventually(() => state(harness, batchId)).toBe('finished')
    expect(getCounts(harness.db, batchId)).toEqual({ authorized: 5, failed: 1 })

    const app = await harness.open(browser, { locale: 'en-GB', viewport: { width: 1360, height: 900 } })
    const { page } = app
    await page.getByTestId('nav-history').click()
    await page.getByTestId(`open-batch-${batchId}`).click()
    await page.getByTestId('open-run').click()
    await page.getByTestId('fix-retry').click()
    await page.getByTestId('review-grid').waitFor()
    const bad = page.locator('.grid-cell.cell-error', { hasText: 'not-a-phone' })
    await bad.dblclick()
    await page.getByTestId('cell-editor').fill('+4791234567')
    await page.getByTestId('cell-editor').press('Enter')
    await eventually(() => page.getByTestId('totals-invoices').textContent()).toBe('1')
    await page.getByTestId('to-plan').click()
    await page.getByTestId('plan-send').click()
    await page.getByTestId('run-screen').waitFor()
    const followUp = (
      harness.db.prepare('SELECT id FROM batches WHERE parent_batch_id = ?').get(batchId) as { id: string }
    ).id
    await eventually(() => state(harness, followUp), { timeout: 20_000 }).toBe('finished')
    expect(getCounts(harness.db, followUp)).toEqual({ authorized: 1 })
    expect(getInvoiceByReference(harness.db, batchId, 'FX-00003')?.superseded_by_batch).toBe(followUp)

    // The original batch's row now says where it went.
    await page.getByTestId('nav-history').click()
    await page.getByTestId(`open-batch-${batchId}`).click()
    await page.getByTestId('open-run').click()
    await page.getByTestId('state-filter').selectOption('failed')
    await eventually(() => page.getByTestId('run-grid').textContent()).toContain(
      `Superseded by batch ${followUp}`,
    )
    // Nothing is left to fix there, so "fix and retry" is no longer offered.
    expect(await page.getByTestId('fix-retry').count()).toBe(0)
    app.assertClean()
  })
})
