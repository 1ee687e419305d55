import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getBatch, getInvoiceByReference } from '../../src/main/journal/reads'
import { type Harness, launchChromium, startHarness } from './harness'
import { eventually, seedBatch } from './run-helpers'

const N = 1250

/** The sandbox's customer-pays control, found through an invoice's own sandbox link. */
async function customersPay(harness: Harness, batchId: string, refs: string[]): Promise<void> {
  for (const ref of refs) {
    const inv = getInvoiceByReference(harness.db, batchId, ref)!
    const base = new URL(inv.invoice_url!).origin
    const res = await fetch(`${base}/__sandbox/transactions/${encodeURIComponent(inv.transaction_id!)}/pay`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ amount: inv.amount }),
    })
    expect(res.status).toBe(200)
  }
}

/** Every text the status line showed, sampled while the refresh runs. */
async function watchStatus(page: Page, until: RegExp): Promise<string[]> {
  const seen: string[] = []
  const status = page.getByTestId('refresh-status')
  await eventually(
    async () => {
      const text = (await status.textContent()) ?? ''
      if (seen.at(-1) !== text) seen.push(text)
      return until.test(text)
    },
    { timeout: 60_000 },
  ).toBe(true)
  return seen
}

describe('refresh progress with counts', () => {
  let harness: Harness
  let browser: Browser
  let batchId: string

  beforeAll(async () => {
    harness = await startHarness({ locale: 'nb-NO' })
    browser = await launchChromium()
    batchId = seedBatch(harness.db, N)
    expect((await harness.dispatch('runs:start', { batchId })).ok).toBe(true)
    for (let i = 0; i < 600 && getBatch(harness.db, batchId)?.state !== 'finished'; i++)
      await new Promise((r) => setTimeout(r, 100))
    expect(getBatch(harness.db, batchId)?.state).toBe('finished')
    // Refreshed at 2 requests a second, 100 invoices each: long enough to see it count.
    harness.db
      .prepare(
        `UPDATE batches SET settings_json = json_set(settings_json, '$.rate', 2, '$.concurrency', 1) WHERE id = ?`,
      )
      .run(batchId)
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
    await harness?.close()
  })

  it('History (nb): "1 000 av 1 250 sjekket" while it reads, then how many were paid since last time', async () => {
    await customersPay(harness, batchId, ['INV-00001', 'INV-00002', 'INV-00003'])
    const app = await harness.open(browser, { locale: 'nb-NO', viewport: { width: 1366, height: 768 } })
    const page = app.page
    await page.getByTestId('nav-history').click()
    await page.getByTestId(`open-batch-${batchId}`).click()
    await expect
      .poll(() => page.getByTestId('refresh-status').textContent())
      .toBe('Betalingene er ikke hentet ennå')
    await page.getByTestId('refresh-payments').click()
    const seen = await watchStatus(page, /^1\s250 av 1\s250 sjekket · 3 betalt siden sist$/)
    // At least one count on the way, with Norwegian digit grouping.
    expect(seen.some((s) => /^(\d\s)?\d{3} av 1\s250 sjekket/.test(s) && !s.startsWith('1 250'))).toBe(true)
    expect(seen.filter((s) => /sjekket/.test(s)).every((s) => /^[\d\s]+ av 1\s250 sjekket/.test(s))).toBe(
      true,
    )
    await app.screenshot('screens/history-refresh-progress-nb')
    expect(getBatch(harness.db, batchId)?.refreshed_at).not.toBeNull()

    // Opened again later: when it was last updated, in Norwegian date format.
    await page.getByTestId('nav-start').click()
    await page.getByTestId('nav-history').click()
    await page.getByTestId(`open-batch-${batchId}`).click()
    await expect
      .poll(() => page.getByTestId('refresh-status').textContent())
      .toMatch(/^Sist oppdatert \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/)
    await app.context.close()
  }, 120_000)

  it('Run (en): "1,000 of 1,247 checked", then "2 paid since last time"', async () => {
    await customersPay(harness, batchId, ['INV-00004', 'INV-00005'])
    const app = await harness.open(browser, { locale: 'en-GB', viewport: { width: 1366, height: 768 } })
    const page = app.page
    await page.getByTestId('nav-history').click()
    await page.getByTestId(`open-batch-${batchId}`).click()
    await page.getByTestId('open-run').click()
    await page.getByTestId('run-screen').waitFor()
    await expect.poll(() => page.getByTestId('refresh-status').textContent()).toMatch(/^Last updated /)
    await page.getByTestId('refresh-payments').click()
    const seen = await watchStatus(page, /^1,247 of 1,247 checked · 2 paid since last time$/)
    expect(seen.some((s) => /^(1,)?\d{3} of 1,247 checked/.test(s) && !s.startsWith('1,247'))).toBe(true)
    await app.screenshot('screens/run-refresh-progress-en')
    // The grid shows the new states without reloading.
    await page.getByTestId('state-filter').selectOption('paid')
    await expect
      .poll(() => page.locator('[data-testid=state-filter] option:checked').textContent())
      .toBe('Paid (5)')
  }, 120_000)
})
