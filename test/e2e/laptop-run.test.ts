import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getBatch, getInvoiceByReference } from '../../src/main/journal/reads'
import { type Harness, launchChromium, startHarness } from './harness'
import { clippedText, LANGS, LAPTOP, silentlyClipped } from './laptop/layout'
import { eventually, seedBatch } from './run-helpers'

const LONG_NAME = 'Andelslaget Fjellvegen Borettslag og Vedlikeholdsselskap for Nordre Gardsbruk AS'

const visibleButtons = (page: Page, cls: string) =>
  page
    .locator(`.run-screen .btn-${cls}:visible`)
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))

describe.each(LANGS)('Run screen at 1366×768 in $name', (L) => {
  let harness: Harness
  let browser: Browser
  let batchId: string

  beforeAll(async () => {
    harness = await startHarness({ locale: L.locale })
    browser = await launchChromium()
    batchId = seedBatch(harness.db, 30, {
      bad: [6],
      edit: (list) => {
        list[2].request.session.order.billing_address.business_name = LONG_NAME
      },
    })
    expect((await harness.dispatch('runs:start', { batchId })).ok).toBe(true)
    for (let i = 0; i < 300 && getBatch(harness.db, batchId)?.state !== 'finished'; i++)
      await new Promise((r) => setTimeout(r, 100))
    expect(getBatch(harness.db, batchId)?.state).toBe('finished')
  })
  afterAll(async () => {
    await browser?.close()
    await harness?.close()
  })

  async function openRun() {
    const app = await harness.open(browser, { locale: L.locale, viewport: LAPTOP })
    await app.page.getByTestId('nav-history').click()
    await app.page.getByTestId(`open-batch-${batchId}`).click()
    await app.page.getByTestId('open-run').click()
    await app.page.getByTestId('run-screen').waitFor()
    await app.page.locator('[data-testid=run-grid] [role=row][data-row="0"] .state-chip').waitFor()
    return app
  }

  it('names the run by its file and local time, keeps the batch id beside it, and offers only the next step as a primary button', async () => {
    const app = await openRun()
    const { page } = app
    const created = new Date(getBatch(harness.db, batchId)!.created_at)
    const hh = String(created.getHours()).padStart(2, '0')
    const mm = String(created.getMinutes()).padStart(2, '0')
    const when =
      L.lang === 'nb'
        ? `${new Intl.DateTimeFormat('nb-NO', { day: 'numeric', month: 'short', year: 'numeric' }).format(created)} kl. ${hh}.${mm}`
        : `${new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' }).format(created)}, ${hh}:${mm}`
    await eventually(() => page.getByTestId('run-title').textContent()).toBe(`invoices.csv · ${when}`)
    expect(await page.getByTestId('run-batch-id').textContent()).toContain(batchId)

    // A finished run with a failure: its next step is fixing it; voiding everything is not a button.
    expect(await visibleButtons(page, 'danger')).toEqual([])
    expect(await visibleButtons(page, 'primary')).toEqual(['fix-retry'])
    expect(await page.getByTestId('void-all').count()).toBe(0)
    await page.getByTestId('more-actions').click()
    await page.getByTestId('void-all').click()
    // The same confirmation as before: count and amount of what can be voided, nothing done yet.
    await eventually(() => page.getByTestId('action-summary').textContent()).toContain('29')
    expect(await page.getByTestId('action-confirm').textContent()).toContain('29')
    await page.keyboard.press('Escape')
    await page.getByTestId('action-summary').waitFor({ state: 'detached' })
    expect(getInvoiceByReference(harness.db, batchId, 'INV-00001')!.state).toBe('authorized')

    // By keyboard: ArrowDown opens the menu on its item, Escape closes it back onto the button.
    await page.getByTestId('more-actions').focus()
    await page.keyboard.press('ArrowDown')
    await eventually(() => page.evaluate('document.activeElement?.dataset.testid')).toBe('void-all')
    await page.keyboard.press('Escape')
    await page.getByTestId('void-all').waitFor({ state: 'detached' })
    expect(await page.evaluate('document.activeElement?.dataset.testid')).toBe('more-actions')
    app.assertClean()
  })

  it('sizes the grid columns to their content, fills the pane, and ends long text in … with a tooltip', async () => {
    const app = await openRun()
    const { page } = app
    const grid = page.getByTestId('run-grid')
    const pane = await grid.evaluate((e) => e.clientWidth)
    const header = await grid.locator('.grid-header').evaluate((e) => e.scrollWidth)
    expect(header).toBeGreaterThanOrEqual(pane - 1)
    expect(header).toBeLessThanOrEqual(pane + 1)

    // Every invoice number is whole, so INV-2026-000001 and INV-2026-000002 can be told apart.
    const numbers = await grid.locator('[role=gridcell][aria-colindex="6"]').allTextContents()
    expect(numbers.filter((n) => n).length).toBeGreaterThan(5)
    expect(new Set(numbers.filter((n) => n)).size).toBe(numbers.filter((n) => n).length)
    const clipped = await clippedText(page, '[data-testid=run-grid]')
    expect(clipped.filter((c) => /^INV-\d{4}-/.test(c.text))).toEqual([])
    // What is cut (the very long customer name, Dintero's long message) ends in … and the whole
    // text is its tooltip.
    expect(await silentlyClipped(page, '[data-testid=run-grid]')).toEqual([])
    expect(clipped.map((c) => c.text)).toContain(LONG_NAME)
    for (const c of clipped) expect([c.ellipsis, c.title]).toEqual([true, c.text])
    app.assertClean()
  })

  it('opens a row with a single click (not from its checkbox), and keeps Enter and Escape', async () => {
    const app = await openRun()
    const { page } = app
    await page.getByTestId('select-INV-00002').check()
    await page.waitForTimeout(200)
    expect(await page.getByTestId('row-drawer').count()).toBe(0)
    await page
      .locator('[data-testid=run-grid] [role=row][data-row="3"] [role=gridcell][aria-colindex="3"]')
      .click()
    await eventually(() => page.getByTestId('row-drawer').getAttribute('aria-label')).toContain('INV-00004')
    await page.getByTestId('row-drawer').press('Escape')
    await page.getByTestId('row-drawer').waitFor({ state: 'detached' })
    await page.getByTestId('run-grid').focus()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await page.getByTestId('row-drawer').waitFor()
    app.assertClean()
  })

  it('shows the account as IBAN and Norwegian account number, and folds HTTP codes and timings away', async () => {
    const app = await openRun()
    const { page } = app
    await page
      .locator('[data-testid=run-grid] [role=row][data-row="0"] [role=gridcell][aria-colindex="2"]')
      .click()
    const drawer = page.getByTestId('row-drawer')
    await page.getByTestId('drawer-iban').waitFor()
    const iban = (await page.getByTestId('drawer-iban').textContent()) ?? ''
    expect(iban).toMatch(/^NO\d{13}$/)
    const bban = iban.slice(4)
    expect(await page.getByTestId('drawer-account').textContent()).toBe(
      `${bban.slice(0, 4)}.${bban.slice(4, 6)}.${bban.slice(6)}`,
    )
    // biome-ignore lint/performance/useDomNodeTextContent: only what is rendered (not folded away) counts
    const facts = (await drawer.locator('.run-facts').first().innerText()).split('\n')
    expect(facts).toContain('IBAN')
    expect(facts).toContain(L.lang === 'nb' ? 'Kontonummer' : 'Account number')

    // What the owner reads: when, what, and the outcome in words; no HTTP status or milliseconds.
    // biome-ignore lint/performance/useDomNodeTextContent: only what is rendered (not folded away) counts
    const seen = await drawer.innerText()
    expect(seen).not.toMatch(/\bHTTP\b|\bms\b|\b200\b/)
    expect(await page.getByTestId('drawer-attempts').textContent()).toContain(
      L.lang === 'nb' ? 'Fullført' : 'Done',
    )
    await drawer.getByText(L.lang === 'nb' ? 'Tekniske detaljer' : 'Technical details').click()
    // biome-ignore lint/performance/useDomNodeTextContent: only what is rendered (not folded away) counts
    const technical = await page.getByTestId('drawer-technical').innerText()
    expect(technical).toMatch(/\bHTTP\b/)
    expect(technical).toContain('200')
    expect(await page.getByTestId('drawer-transaction').textContent()).toMatch(/^T12345678\./)
    await app.screenshot(`laptop/run-drawer-${L.lang}`)
    app.assertClean()
  })

  it("says which field Dintero refused by its label, in the UI language, and keeps Dintero's answer for the technical details", async () => {
    const app = await openRun()
    const { page } = app
    // INV-00007 was sent with a phone number Dintero refuses.
    const row = page.locator('[data-testid=run-grid] [role=row][data-row="6"]')
    const said =
      L.lang === 'nb'
        ? 'Dintero godtok ikke verdien i «Telefon». Rett den og send på nytt.'
        : 'Dintero did not accept the value of "Phone" (international format, e.g. +4799999999). Fix it and send it again.'
    await eventually(() => row.textContent()).toContain(said)
    const internal = /\b400\b|INVALID_REQUEST|phone_number|billing_address|answered/
    expect(await row.textContent()).not.toMatch(internal)
    await row.locator('[role=gridcell][aria-colindex="3"]').click()
    const drawer = page.getByTestId('row-drawer')
    await eventually(() => drawer.getAttribute('aria-label')).toContain('INV-00007')
    await page.getByTestId('drawer-attempts').waitFor()
    // biome-ignore lint/performance/useDomNodeTextContent: only what is rendered (not folded away) counts
    const seen = await drawer.innerText()
    expect(seen).toContain(said)
    expect(seen).not.toMatch(internal)
    await drawer.getByText(L.lang === 'nb' ? 'Tekniske detaljer' : 'Technical details').click()
    expect(await page.getByTestId('drawer-dintero-answer').textContent()).toMatch(
      /Dintero answered 400 INVALID_REQUEST: .*phone_number/,
    )
    await app.screenshot(`laptop/run-refused-${L.lang}`)
    app.assertClean()
  })
})
