import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getBatch, getInvoiceByReference, listInvoices } from '../../src/main/journal/reads'
import { type Harness, launchChromium, startHarness } from './harness'
import { eventually } from './run-helpers'

const FIXTURE = join(import.meta.dirname, '../fixtures/import-ui/norsk-faktura.csv')
const rowsOnScreen = (page: Page) => page.locator('[data-testid=run-grid] [role=row][data-row]')

/** Splits one CSV line with `;`, honouring quotes (the report quotes cells that need it). */
function cells(line: string): string[] {
  const out: string[] = []
  let cur = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"'
        i++
      } else if (c === '"') quoted = false
      else cur += c
    } else if (c === '"') quoted = true
    else if (c === ';') {
      out.push(cur)
      cur = ''
    } else cur += c
  }
  out.push(cur)
  return out
}

describe('the whole flow in Chromium: spreadsheet → invoices → void → payment → report', () => {
  let harness: Harness
  let browser: Browser
  let dir: string

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kb-e2e-flow-'))
    const file = join(dir, 'fakturaer-mars.csv')
    copyFileSync(FIXTURE, file)
    harness = await startHarness({
      locale: 'en-GB',
      dialogs: { openFile: [file], saveFile: [join(dir, 'rapport.csv')] },
    })
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await harness?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('runs end to end against the sandbox', async () => {
    const app = await harness.open(browser, { locale: 'en-GB', viewport: { width: 1360, height: 900 } })
    const { page } = app

    // Import: open the Norwegian CSV (semicolons, decimal commas, a bad e-mail, a row without a description).
    await page.getByTestId('start-screen').waitFor()
    await page.getByTestId('open-file').click()
    await page.getByTestId('read-preview').waitFor()
    await page.getByTestId('to-mapping').click()
    await page.getByTestId('mapping-table').waitFor()
    expect(await page.getByTestId('map-select-merchant_reference').inputValue()).toBe('Fakturanr')
    await page.getByTestId('to-review').click()
    await page.getByTestId('review-grid').waitFor()

    // Fix the bad e-mail inline; invoice 1004 stays invalid and is left out.
    const badCell = page.locator('.grid-cell.cell-error', { hasText: 'eva.berg(at)example.no' })
    await badCell.dblclick()
    await page.getByTestId('cell-editor').fill('eva.berg@example.no')
    await page.getByTestId('cell-editor').press('Enter')
    await eventually(() => page.getByTestId('totals-invoices').textContent()).toBe('4')

    // Confirm the plan: the Run screen starts sending at once.
    await page.getByTestId('to-plan').click()
    await eventually(() => page.getByTestId('plan-invoices').textContent()).toBe('4')
    await page.getByTestId('plan-send').click()
    await page.getByTestId('run-screen').waitFor()
    const batchId = (harness.db.prepare('SELECT id FROM batches').get() as { id: string }).id

    // Statuses arrive: every invoice is invoiced at Kravia, with a number shown in the grid.
    await eventually(() => page.getByTestId('run-state').getAttribute('data-state'), {
      timeout: 30_000,
    }).toBe('finished')
    await eventually(() => page.getByTestId('run-progress').textContent()).toContain('4 of 4 done, 0 failed')
    await eventually(() => rowsOnScreen(page).count()).toBe(4)
    const refs = listInvoices(harness.db, batchId).map((i) => i.merchant_reference)
    expect(refs.sort()).toEqual(['1001', '1002', '1003', '1005'])
    for (const ref of refs) expect(getInvoiceByReference(harness.db, batchId, ref)?.state).toBe('authorized')
    expect(await page.getByTestId('run-grid').textContent()).not.toContain('Waiting')

    // Void one invoice (1002) after the confirmation names count and amount.
    await page.getByTestId('select-1002').check()
    await page.getByTestId('void-selected').click()
    await eventually(() => page.getByTestId('action-summary').textContent()).toContain(
      '1 invoice of NOK 850.00',
    )
    await page.getByTestId('action-confirm').click()
    await eventually(() => getInvoiceByReference(harness.db, batchId, '1002')?.state).toBe('voided')
    await eventually(() =>
      page.locator('[data-testid=run-grid] [role=row]', { hasText: '1002' }).textContent(),
    ).toContain('Voided')

    // The customer of 1001 pays in full (the sandbox's payment control), then History refreshes.
    const paid = getInvoiceByReference(harness.db, batchId, '1001')!
    const sandbox = new URL(paid.invoice_url!).origin
    const res = await fetch(
      `${sandbox}/__sandbox/transactions/${encodeURIComponent(paid.transaction_id!)}/pay`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ amount: paid.amount }),
      },
    )
    expect(res.status).toBe(200)
    await page.getByTestId('nav-history').click()
    await page.getByTestId(`open-batch-${batchId}`).click()
    await page.getByTestId('refresh-payments').click()
    const bucket = (name: string) =>
      page.locator(`[data-testid=payment-chart] g[data-bucket=${name}]`).getAttribute('data-amount')
    await eventually(() => bucket('paid')).toBe(String(paid.amount))
    expect(await bucket('voided')).toBe('85000')
    expect(getInvoiceByReference(harness.db, batchId, '1001')?.state).toBe('paid')

    // Export the report and read what was written.
    await page.getByTestId('export-csv').click()
    await eventually(() => {
      try {
        return readFileSync(join(dir, 'rapport.csv'), 'utf8').length
      } catch {
        return 0
      }
    }).toBeGreaterThan(0)
    const csv = readFileSync(join(dir, 'rapport.csv'), 'utf8').replace(/^\uFEFF/, '')
    const [header, ...lines] = csv.trim().split(/\r?\n/).map(cells)
    const col = (name: string) => header.indexOf(name)
    expect(lines).toHaveLength(4)
    // The accountant's report in the UI's language (English here).
    const byRef = new Map(lines.map((l) => [l[col('Invoice no.')], l]))
    expect(byRef.get('1001')?.[col('Status')]).toBe('Paid')
    expect(byRef.get('1001')?.[col('Amount paid')]).toBe(byRef.get('1001')?.[col('Amount incl. VAT')])
    expect(byRef.get('1001')?.[col('Customer')]).toBe('Fjordkraft Rør AS')
    expect(byRef.get('1001')?.[col('Kravia invoice no.')]).toBe(paid.invoice_number)
    expect(byRef.get('1001')?.[col('KID')]).toBe(paid.kid)
    expect(byRef.get('1002')?.[col('Status')]).toBe('Voided')
    expect(byRef.get('1003')?.[col('Email')]).toBe('eva.berg@example.no')
    expect(byRef.get('1005')?.[col('Status')]).toBe('Invoiced')
    expect(getBatch(harness.db, batchId)?.state).toBe('finished')
    app.assertClean()
  })
})
