import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, launchChromium, type OpenedPage, startHarness } from './harness'

const FIXTURE = join(import.meta.dirname, '../fixtures/import-ui/norsk-faktura.csv')

/** Every import screen, light and dark, into test-output/e2e/screens/. */
async function shoot(app: OpenedPage, name: string) {
  mkdirSync(join(import.meta.dirname, '../../test-output/e2e/screens'), { recursive: true })
  for (const scheme of ['light', 'dark'] as const) {
    await app.page.emulateMedia({ colorScheme: scheme })
    await app.screenshot(`screens/${name}-${scheme}`)
  }
  await app.page.emulateMedia({ colorScheme: 'light' })
}

const text = async (page: Page, testId: string) => (await page.getByTestId(testId).textContent()) ?? ''

describe('import flow in Chromium (Start → Read → Map → Review → Plan), real services and files', () => {
  let harness: Harness
  let browser: Browser
  let dir: string
  let file: string

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kb-e2e-import-'))
    file = join(dir, 'fakturaer-mars.csv')
    copyFileSync(FIXTURE, file)
    // Other references than the first test's, which the first test may already have invoiced.
    const second = join(dir, 'fakturaer-april.csv')
    writeFileSync(second, readFileSync(FIXTURE, 'utf8').replace(/^100(\d);/gm, '200$1;'))
    harness = await startHarness({ dialogs: { openFile: [file, second, file] }, locale: 'en-GB' })
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await harness?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('opens a Norwegian CSV with bad rows, maps it, shows and fixes an error inline, and plans the right totals', async () => {
    const app = await harness.open(browser, { locale: 'en-GB', viewport: { width: 1360, height: 900 } })
    const { page } = app
    await page.getByTestId('start-screen').waitFor()
    await expect.poll(() => text(page, 'env-badge')).toBe('Sandbox — no real invoices are sent')
    await shoot(app, 'start')

    // 1 → 2: the native dialog (faked) returns the file; Read shows what was detected.
    await page.getByTestId('open-file').click()
    await page.getByTestId('read-screen').waitFor()
    await page.getByTestId('read-preview').waitFor()
    expect(await page.getByTestId('read-delimiter').inputValue()).toBe(';')
    expect(await page.getByTestId('read-encoding').inputValue()).toMatch(/^utf-8/)
    expect(await text(page, 'read-preview')).toContain('Fjordkraft Rør AS')
    await shoot(app, 'read')

    // Changing the delimiter re-reads the preview; changing it back restores it.
    await page.getByTestId('read-delimiter').selectOption(',')
    await expect.poll(() => page.getByTestId('read-preview').locator('th').count()).toBeLessThan(5)
    await page.getByTestId('read-delimiter').selectOption(';')
    await expect.poll(() => page.getByTestId('read-preview').locator('th').count()).toBe(17)
    await page.getByTestId('read-reset').click()
    await page.getByTestId('read-reset').waitFor({ state: 'detached' })
    expect(await page.getByTestId('read-delimiter').inputValue()).toBe(';')

    // 3: columns map by themselves from their Norwegian names.
    await page.getByTestId('to-mapping').click()
    await page.getByTestId('mapping-table').waitFor()
    expect(await page.getByTestId('map-select-merchant_reference').inputValue()).toBe('Fakturanr')
    expect(await page.getByTestId('map-select-email').inputValue()).toBe('E-post')
    expect(await page.getByTestId('map-select-vat').inputValue()).toBe('MVA-sats')
    // A field the file lacks can get one fixed value for every row.
    await page.getByTestId('map-select-invoice_channel').selectOption({ label: 'Fixed value for all rows …' })
    await page.getByTestId('map-constant-invoice_channel').selectOption('kravia')
    await expect.poll(() => text(page, 'map-confidence-invoice_channel')).toBe('Fixed value')
    await shoot(app, 'map')

    // 4: the bad e-mail is marked on its own cell, with the reason.
    await page.getByTestId('to-review').click()
    await page.getByTestId('review-grid').waitFor()
    await expect.poll(() => text(page, 'totals-invoices')).toBe('3')
    expect(await text(page, 'totals-invalid')).toBe('2')
    const badCell = page.locator('.grid-cell.cell-error', { hasText: 'eva.berg(at)example.no' })
    await badCell.waitFor()
    expect(await badCell.getAttribute('title')).toMatch(/e-?mail/i)
    const missing = page.locator('.grid-row', { hasText: 'per.as@example.no' }).locator('.cell-error')
    expect(await missing.count()).toBeGreaterThan(0)

    // Next problem lands on a problem row and lists its notes.
    await page.getByTestId('next-problem').click()
    await expect.poll(() => text(page, 'row-issues')).toMatch(/Row \d+/)
    await shoot(app, 'review')

    // Fix it inline: the invoice is checked again and the totals follow.
    await badCell.dblclick()
    const editor = page.getByTestId('cell-editor')
    await editor.fill('eva.berg@example.no')
    await editor.press('Enter')
    await expect.poll(() => text(page, 'totals-invoices')).toBe('4')
    await page.locator('.grid-cell', { hasText: 'eva.berg@example.no' }).waitFor()
    expect(await page.locator('.grid-cell.cell-error', { hasText: 'eva.berg' }).count()).toBe(0)
    expect(await text(page, 'totals-amount')).toBe('NOK 8,704.50')

    // Problems-only filter leaves the row that still has an error.
    await page.getByTestId('problems-only').check()
    await expect.poll(() => page.locator('.grid-row', { hasText: 'per.as@example.no' }).count()).toBe(1)
    // The filtered page arrives from main a moment after the click: wait for it, do not sample once.
    await expect.poll(() => page.locator('.grid-row', { hasText: 'eva.berg@example.no' }).count()).toBe(0)
    await expect.poll(() => page.locator('.grid-row', { hasText: 'per.as@example.no' }).count()).toBe(1)

    // 5: the plan states environment, counts, totals and what is left out.
    await page.getByTestId('to-plan').click()
    await page.getByTestId('plan-screen').waitFor()
    await expect.poll(() => text(page, 'plan-invoices')).toBe('4')
    expect(await text(page, 'plan-lines')).toBe('6')
    expect(await text(page, 'plan-total')).toBe('NOK 8,704.50')
    expect(await text(page, 'plan-account')).toBe('T12345678')
    expect(await text(page, 'plan-left-out')).toContain('1004')
    await page.getByTestId('plan-canary').check()
    await shoot(app, 'plan')

    // Confirm creates the batch and hands over to the Run screen.
    await page.getByTestId('plan-send').click()
    await page.getByTestId('run-screen').waitFor()
    const batches = harness.db.prepare('SELECT id, invoice_count, total_amount FROM batches').all()
    expect(batches).toMatchObject([{ invoice_count: 4, total_amount: 870450 }])

    // Start lists the new batch with its state, ready to continue.
    await page.getByTestId('nav-start').click()
    const recent = page.getByTestId('recent-batch')
    await recent.waitFor()
    expect(await recent.textContent()).toContain('fakturaer-mars.csv')
    expect(await recent.textContent()).toContain('NOK 8,704.50')
    await shoot(app, 'start-recent')
    app.assertClean()
  })

  it('fixes a cell with the keyboard alone: Ctrl+O, F8 to the problem, Enter, type, Enter', async () => {
    const app = await harness.open(browser, { locale: 'en-GB', viewport: { width: 1360, height: 900 } })
    const { page } = app
    await page.getByTestId('start-screen').waitFor()
    await page.keyboard.press('Control+o')
    await page.getByTestId('read-preview').waitFor()
    await page.getByTestId('to-mapping').focus()
    await page.keyboard.press('Enter')
    await page.getByTestId('mapping-table').waitFor()
    await page.getByTestId('to-review').focus()
    await page.keyboard.press('Enter')
    await page.getByTestId('review-grid').waitFor()
    await expect.poll(() => text(page, 'totals-invoices')).toBe('3')

    // F8 walks the problems in row order: the postal-code warning (row 2), then the bad e-mail (row 5).
    await page.keyboard.press('F8')
    await expect.poll(() => text(page, 'row-issues')).toContain('Row 2')
    await page.keyboard.press('F8')
    await expect.poll(() => text(page, 'row-issues')).toContain('Row 5')
    await page.keyboard.press('Enter')
    const editor = page.getByTestId('cell-editor')
    await editor.waitFor()
    expect(await editor.inputValue()).toBe('eva.berg(at)example.no')
    await page.keyboard.press('Control+a')
    await page.keyboard.type('eva.berg@example.no')
    await page.keyboard.press('Enter')
    await expect.poll(() => text(page, 'totals-invoices')).toBe('4')
    // Focus is back on the grid, so arrow keys keep working.
    expect(
      await page.evaluate(() =>
        (
          globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null } } }
        ).document.activeElement.getAttribute('role'),
      ),
    ).toBe('grid')
    app.assertClean()
  })

  it('flags what the first run already invoiced when the same file is opened again', async () => {
    // The Run screen started the first test's batch against the sandbox; wait until it is done.
    await expect
      .poll(
        () =>
          (
            harness.db
              .prepare(
                "SELECT COUNT(*) AS n FROM invoices WHERE state = 'authorized' AND merchant_reference LIKE '100%'",
              )
              .get() as { n: number }
          ).n,
        { timeout: 20_000 },
      )
      .toBe(4)
    const app = await harness.open(browser, { locale: 'en-GB', viewport: { width: 1360, height: 900 } })
    const { page } = app
    await page.getByTestId('open-file').click()
    await page.getByTestId('to-mapping').click()
    await page.getByTestId('to-review').click()
    const dups = page.getByTestId('totals-duplicates')
    await dups.waitFor()
    for (const ref of ['1001', '1002', '1005']) expect(await dups.textContent()).toContain(ref)
    expect(await page.locator('.grid-row', { hasText: 'Invoiced before' }).count()).toBeGreaterThan(0)
    await expect.poll(() => text(page, 'totals-invoices')).toBe('0')
    await shoot(app, 'review-duplicates')
    app.assertClean()
  })
})
