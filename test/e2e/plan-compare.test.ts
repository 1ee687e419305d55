import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { november, october } from '../integration/compare/months'
import { sendMonthThroughApp } from '../integration/compare/seed'
import { type Harness, launchChromium, SCREENSHOT_DIR, startHarness } from './harness'

const text = async (page: Page, testId: string) => (await page.getByTestId(testId).textContent()) ?? ''

describe('Plan compares November with October (Chromium, real services)', () => {
  let harness: Harness
  let browser: Browser
  let dir: string

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kb-e2e-compare-'))
    writeFileSync(join(dir, 'oktober.csv'), october())
    writeFileSync(join(dir, 'november.csv'), november())
    harness = await startHarness({ dialogs: { openFile: [join(dir, 'november.csv')] }, locale: 'nb-NO' })
    browser = await launchChromium()
    // October is sent the way the app sends it: validated, planned, confirmed, run to the end.
    await sendMonthThroughApp(
      async (name, input) => {
        const r = await harness.dispatch(name, input)
        if (!r.ok) throw new Error(`${name}: ${r.error.message}`)
        return r.value as never
      },
      join(dir, 'oktober.csv'),
    )
  })
  afterAll(async () => {
    await browser?.close()
    await harness?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('shows the totals beside October, the pasted row and the missing member, and leaves the copy out in one click', async () => {
    const app = await harness.open(browser, { locale: 'nb-NO', viewport: { width: 1366, height: 768 } })
    const { page } = app
    await page.getByTestId('start-screen').waitFor()
    await page.getByTestId('open-file').click()
    await page.getByTestId('read-screen').waitFor()
    await page.getByTestId('to-mapping').click()
    await page.getByTestId('mapping-table').waitFor()
    await page.getByTestId('to-review').click()
    await page.getByTestId('review-grid').waitFor()
    await page.getByTestId('to-plan').click()
    await page.getByTestId('plan-screen').waitFor()

    const section = page.getByTestId('plan-comparison')
    await section.waitFor()
    expect(await section.getByRole('heading').first().textContent()).toMatch(
      /^Sammenlignet med forrige kjøring \(\d{2}\.\d{2}\.\d{4}\)$/,
    )
    const totals = await text(page, 'compare-totals')
    expect(totals).toContain('12') // invoices now
    expect(totals).toContain('11') // in October
    expect(totals).toContain('+9,1 %')
    expect(totals).toContain('29\u00a0452,00 kr')
    expect(totals).toContain('23\u00a0462,00 kr')
    expect(totals).toContain('+25,5 %')

    // The duplicate is open with its action; the other lists are counts that open.
    expect(await text(page, 'compare-possible_duplicate')).toContain('2026-11-004 og 2026-11-012')
    const missing = section.locator('summary', { hasText: 'Kunder fra forrige kjøring som mangler (1)' })
    expect(await page.getByTestId('compare-customer_missing').isVisible()).toBe(false)
    await missing.click()
    await expect.poll(() => page.getByTestId('compare-customer_missing').isVisible()).toBe(true)
    expect(await text(page, 'compare-customer_missing')).toContain(
      'Per Olsen (per.olsen@example.no) ble fakturert i forrige kjøring (2026-10-007, 599,00 kr), men er ikke med i denne.',
    )
    await section.locator('summary', { hasText: 'Beløp endret mer enn 50 % (2)' }).click()
    expect(await text(page, 'compare-amount_changed')).toContain('+900,0 %')
    await section.scrollIntoViewIfNeeded()
    await section.screenshot({ path: join(SCREENSHOT_DIR, 'plan-comparison-nb.png') })
    await app.screenshot('plan-comparison-page-nb')

    // One click leaves the pasted copy out: the plan, the totals and the findings follow.
    expect(await text(page, 'plan-invoices')).toBe('12')
    await page.getByTestId('leave-out-2026-11-012').click()
    await expect.poll(() => text(page, 'plan-invoices')).toBe('11')
    expect(await text(page, 'plan-total')).toBe('28\u00a0853,00 kr')
    expect(await text(page, 'compare-left-out')).toContain('2026-11-012 (rad 14)')
    expect(await page.getByTestId('compare-possible_duplicate').count()).toBe(0)
    await section.locator('summary', { hasText: 'Beløp endret mer enn 50 % (1)' }).waitFor()
    // …and one click takes it back.
    await page.getByTestId('take-back-2026-11-012').click()
    await expect.poll(() => text(page, 'plan-invoices')).toBe('12')
    await page.getByTestId('leave-out-2026-11-012').click()
    await expect.poll(() => text(page, 'plan-invoices')).toBe('11')

    // The same section in English.
    await page.getByTestId('language-select').selectOption('en')
    await section
      .getByRole('heading', { name: /^Compared with the previous run \(\d{2}\/\d{2}\/\d{4}\)$/ })
      .waitFor()
    // What the user opened stays open across the language change.
    await section
      .locator('summary', { hasText: 'Customers from the previous run who are missing (1)' })
      .waitFor()
    await expect.poll(() => page.getByTestId('compare-customer_missing').isVisible()).toBe(true)
    expect(await text(page, 'compare-customer_missing')).toContain(
      'Per Olsen (per.olsen@example.no) was invoiced in the previous run (2026-10-007, 599.00 NOK) but is not in this one.',
    )
    expect(await text(page, 'compare-left-out')).toContain('2026-11-012 (row 14)')
    await section.screenshot({ path: join(SCREENSHOT_DIR, 'plan-comparison-en.png') })

    // Sent without the copy.
    await page.getByTestId('plan-send').click()
    await page.getByTestId('run-screen').waitFor()
    const batches = harness.db
      .prepare("SELECT invoice_count FROM batches WHERE source_name = 'november.csv'")
      .all() as { invoice_count: number }[]
    expect(batches).toEqual([{ invoice_count: 11 }])
    app.assertClean()
  })
})
