import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getBatch } from '../../src/main/journal/reads'
import { type Harness, launchChromium, startHarness } from './harness'
import { clippedText, LANGS, LAPTOP } from './laptop/layout'
import { eventually, seedBatch } from './run-helpers'

const LONG_NAME = 'Andelslaget Fjellvegen Borettslag og Vedlikeholdsselskap for Nordre Gardsbruk AS'

/** Nothing in the grid is cut without "…", and whatever ends in "…" has its whole text as tooltip. */
async function expectGridWhole(page: Page) {
  const clipped = await clippedText(page, '[data-testid=run-grid]')
  for (const c of clipped) expect([c.text, c.ellipsis, c.title]).toEqual([c.text, true, c.text])
  return clipped.map((c) => c.text)
}

/**
 * The run grid at 1366×768 when it has less room than the whole pane: beside an open invoice, and
 * filtered to the failed invoice (its long message is the widest text of all).
 */
describe.each(LANGS)('Run grid layout at 1366×768 in $name', (L) => {
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
  })
  afterAll(async () => {
    await browser?.close()
    await harness?.close()
  })

  it('cuts no text silently beside an open invoice, nor filtered to the failed one', async () => {
    const app = await harness.open(browser, { locale: L.locale, viewport: LAPTOP })
    const { page } = app
    await page.getByTestId('nav-history').click()
    await page.getByTestId(`open-batch-${batchId}`).click()
    await page.getByTestId('open-run').click()
    await page.locator('[data-testid=run-grid] [role=row][data-row="0"] .state-chip').waitFor()

    await page
      .locator('[data-testid=run-grid] [role=row][data-row="2"] [role=gridcell][aria-colindex="3"]')
      .click()
    await page.getByTestId('row-drawer').waitFor()
    await page.waitForTimeout(300)
    // The long name is cut beside the drawer, with its tooltip; the column headings stay whole.
    expect(await expectGridWhole(page)).toContain(LONG_NAME)
    const headings = await page.locator('[data-testid=run-grid] .grid-hcell').allTextContents()
    expect(headings).toContain(L.lang === 'nb' ? 'Fakturanr.' : 'Invoice no.')
    await page.getByTestId('row-drawer').press('Escape')

    await page.getByTestId('state-filter').selectOption('failed')
    await eventually(() => page.locator('[data-testid=run-grid] .state-chip').count()).toBe(1)
    await expectGridWhole(page)
    app.assertClean()
    await app.context.close()
  })
})
