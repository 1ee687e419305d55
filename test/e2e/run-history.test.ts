import { readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import { getBatch, getInvoiceByReference } from '../../src/main/journal/reads'
import { callApi, type Harness, launchChromium, startHarness } from './harness'
import { customerPays, eventually, seedBatch } from './run-helpers'

async function runToEnd(harness: Harness, batchId: string): Promise<void> {
  const r = await harness.dispatch('runs:start', { batchId })
  expect(r.ok).toBe(true)
  await eventually(() => getBatch(harness.db, batchId)?.state, { timeout: 30_000 }).toMatch(/finished|paused/)
}

describe('history in Chromium', () => {
  let harness: Harness
  let browser: Browser
  let outDir: string
  let skew = 0

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'kravia-history-'))
    harness = await startHarness({
      locale: 'en-GB',
      clock: () => new Date(Date.now() + skew),
      dialogs: {
        saveFile: [join(outDir, 'report.csv'), join(outDir, 'report.xlsx'), join(outDir, 'failed.csv')],
      },
    })
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await harness?.close()
    await rm(outDir, { recursive: true, force: true })
  })

  it('shows batches, refreshes payments into the chart, and exports the report and failed rows', async () => {
    const batchId = seedBatch(harness.db, 12, { bad: [11] })
    await runToEnd(harness, batchId)
    const paid = getInvoiceByReference(harness.db, batchId, 'INV-00001')!
    const part = getInvoiceByReference(harness.db, batchId, 'INV-00002')!
    await customerPays(harness, batchId, 'INV-00001', paid.amount)
    await customerPays(harness, batchId, 'INV-00002', 5000)

    const app = await harness.open(browser, { locale: 'en-GB' })
    const page = app.page
    await page.getByTestId('nav-history').click()
    await page.getByTestId(`open-batch-${batchId}`).click()
    await page.getByTestId('batch-detail').waitFor()
    await page.getByTestId('refresh-payments').click()
    const bucket = (name: string) =>
      page.locator(`[data-testid=payment-chart] g[data-bucket=${name}]`).getAttribute('data-amount')
    await eventually(() => bucket('paid')).toBe(String(paid.amount))
    expect(await bucket('partPaid')).toBe(String(part.amount))
    const counts = await page.getByTestId('state-counts').textContent()
    expect(counts).toMatch(/Part-paid\s*1/)
    expect(counts).toMatch(/(^|[^-])Paid\s*1/)
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await app.screenshot(`screens/history-${scheme}`)
    }

    await page.getByTestId('export-csv').click()
    await eventually(() => harness.dialogs.calls?.filter((c) => c.kind === 'saveFile').length).toBe(1)
    await eventually(() => readFileSync(join(outDir, 'report.csv'), 'utf8').length, {
      timeout: 5000,
    }).toBeGreaterThan(0)
    const csv = readFileSync(join(outDir, 'report.csv'), 'utf8')
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    const lines = csv.trim().split(/\r?\n/)
    expect(lines).toHaveLength(13)
    expect(lines.find((l) => l.includes('INV-00001'))).toContain(paid.invoice_number!)
    expect(lines.find((l) => l.includes('INV-00012'))).toMatch(/phone_number/)

    await page.getByTestId('export-xlsx').click()
    await eventually(() => harness.dialogs.calls?.filter((c) => c.kind === 'saveFile').length).toBe(2)
    await eventually(() => {
      try {
        return readFileSync(join(outDir, 'report.xlsx')).length
      } catch {
        return 0
      }
    }).toBeGreaterThan(0)
    const wb = XLSX.read(readFileSync(join(outDir, 'report.xlsx')))
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets[wb.SheetNames[0]])
    // Twelve invoices and the totals row; the summary sheet second, both in the UI's language.
    expect(wb.SheetNames).toEqual(['Invoices', 'Summary'])
    expect(rows).toHaveLength(13)
    expect(rows[12]['Invoice no.']).toBe('Total')

    await page.getByTestId('export-failed').click()
    await eventually(() => {
      try {
        return readFileSync(join(outDir, 'failed.csv'), 'utf8')
      } catch {
        return ''
      }
    }).toContain('INV-00012')
    app.assertClean()
  })

  it('notifies from main when a long run ends while the window is in the background, and not in the foreground', async () => {
    const app = await harness.open(browser, { locale: 'en-GB' })
    await app.page.getByTestId('start-screen').waitFor()
    const before = harness.notifier.sent.length

    await callApi(app.page, 'runs:attention', { background: false })
    const quick = seedBatch(harness.db, 3, { prefix: 'FG', settings: { rate: 2, concurrency: 1 } })
    await harness.dispatch('runs:start', { batchId: quick })
    skew += 60_000
    await eventually(() => getBatch(harness.db, quick)?.state, { timeout: 30_000 }).toBe('finished')
    await new Promise((r) => setTimeout(r, 300))
    expect(harness.notifier.sent.length).toBe(before)

    await callApi(app.page, 'runs:attention', { background: true })
    const long = seedBatch(harness.db, 3, { prefix: 'BG', settings: { rate: 2, concurrency: 1 } })
    await harness.dispatch('runs:start', { batchId: long })
    // The run "takes" a minute by the app's clock (it is paced at 2/s, so it is still going).
    expect(getBatch(harness.db, long)?.state).toBe('running')
    skew += 60_000
    await eventually(() => harness.notifier.sent.length, { timeout: 30_000 }).toBe(before + 1)
    expect(harness.notifier.sent.at(-1)).toEqual({
      title: `Batch ${long} is finished`,
      body: '3 of 3 sent, 0 failed.',
    })
  })
})
