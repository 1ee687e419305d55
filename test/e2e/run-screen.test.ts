import type { Browser } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { getCounts, getInvoiceByReference } from '../../src/main/journal/reads'
import type { Harness } from './harness'
import { seedBatch, eventually, withHarness } from './run-helpers'

describe('run screen in Chromium, against the built-in sandbox', () => {
  let harness: Harness
  let browser: Browser
  let batchId: string

  withHarness((h, b) => {
    harness = h
    browser = b
    batchId = seedBatch(h.db, 60, { bad: [4, 9], merchant: [20, 21] })
  })

  it('sends a planned batch: statuses arrive live, failures are explained, a row opens with Kravia details', async () => {
    const app = await harness.open(browser, { locale: 'en-GB' })
    const page = app.page
    await page.getByTestId('nav-history').click()
    await page.getByTestId(`open-batch-${batchId}`).click()
    await page.getByTestId('open-run').click()
    await page.getByTestId('run-screen').waitFor()
    await eventually(() => page.getByTestId('run-paused').textContent()).toContain('Ready to send')
    await page.getByTestId('run-resume').click()
    await eventually(() => page.getByTestId('run-state').getAttribute('data-state'), {
      timeout: 30_000,
    }).toBe('finished')
    await eventually(() => page.getByTestId('run-progress').textContent()).toContain(
      '60 of 60 done, 2 failed',
    )
    expect(getCounts(harness.db, batchId)).toEqual({ authorized: 56, awaiting_capture: 2, failed: 2 })

    // The grid shows the journal's states (first rows are on screen without scrolling).
    const firstRow = page.locator('[data-testid=run-grid] [role=row][data-row="0"]')
    await eventually(() => firstRow.textContent()).toContain('Invoiced')
    // Filter to the failures: both, with Dintero's message naming the field.
    await page.getByTestId('state-filter').selectOption('failed')
    await eventually(() => page.locator('[data-testid=run-grid] [role=row][data-row]').count()).toBe(2)
    expect(await page.getByTestId('run-grid').textContent()).toMatch(
      /INV-00005.*Dintero did not accept the value of "Phone"/,
    )
    await page.getByTestId('state-filter').selectOption('')
    await page.getByTestId('run-search').fill('INV-00033')
    await eventually(() => page.locator('[data-testid=run-grid] [role=row][data-row]').count()).toBe(1)

    // Keyboard: into the grid, Enter opens the drawer with the invoice's Kravia details.
    await page.getByTestId('run-grid').focus()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('Enter')
    const drawer = page.getByTestId('row-drawer')
    await drawer.waitFor()
    const inv = getInvoiceByReference(harness.db, batchId, 'INV-00033')!
    await eventually(() => page.getByTestId('drawer-kid').textContent()).toBe(inv.kid)
    expect(await page.getByTestId('drawer-invoice-number').textContent()).toBe(inv.invoice_number)
    expect(await page.getByTestId('drawer-attempts').textContent()).toContain('Done')
    await page.getByTestId('drawer-technical').locator('summary').click()
    expect(await page.getByTestId('drawer-attempts-technical').textContent()).toContain('200')
    await page.getByTestId('open-invoice').click()
    await eventually(() => harness.opener.opened.length).toBe(1)
    expect(harness.opener.opened[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/__sandbox\/invoices\//)
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await app.screenshot(`screens/run-${scheme}`)
    }
    // Void this one invoice from the drawer, through the same confirmation.
    await page.getByTestId('drawer-void').click()
    await eventually(() => page.getByTestId('action-summary').textContent()).toContain(
      '1 invoice of NOK 125.32',
    )
    await page.getByTestId('action-confirm').click()
    await eventually(() => page.getByTestId('drawer-state').textContent()).toBe('Voided')
    expect(await page.getByTestId('drawer-void').count()).toBe(0)
    await page.getByTestId('row-drawer').focus()
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'detached' })
    app.assertClean()
  })

  it('voids one selected invoice after a confirmation stating count and amount, and captures merchant invoices', async () => {
    const app = await harness.open(browser, { locale: 'en-GB' })
    const page = app.page
    await page.getByTestId('nav-history').click()
    await page.getByTestId(`open-batch-${batchId}`).click()
    await page.getByTestId('open-run').click()
    await page.getByTestId('run-search').fill('INV-00012')
    await eventually(() => page.locator('[data-testid=run-grid] [role=row][data-row]').count()).toBe(1)
    await page.getByTestId('select-INV-00012').check()
    await page.getByTestId('void-selected').click()
    const inv = getInvoiceByReference(harness.db, batchId, 'INV-00012')!
    await eventually(() => page.getByTestId('action-summary').textContent()).toContain(
      `1 invoice of NOK ${Math.floor(inv.amount / 100)}.${String(inv.amount % 100).padStart(2, '0')}`,
    )
    await page.getByTestId('action-confirm').click()
    await eventually(() => getInvoiceByReference(harness.db, batchId, 'INV-00012')!.state).toBe('voided')
    await eventually(() => page.getByTestId('run-grid').textContent()).toContain('Voided')

    // Capture is offered because two invoices wait for the merchant; "all" captures exactly those.
    await page.getByTestId('run-search').fill('')
    await page.getByTestId('capture-all').click()
    await eventually(() => page.getByTestId('action-summary').textContent()).toContain('2 invoices totalling')
    await page.getByTestId('action-confirm').click()
    await eventually(() => getCounts(harness.db, batchId).awaiting_capture ?? 0).toBe(0)
    app.assertClean()
  })
})
