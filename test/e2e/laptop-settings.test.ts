import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, launchChromium, startHarness } from './harness'
import { LANGS, LAPTOP, silentlyClipped } from './laptop/layout'
import { clippedSelects } from './laptop/selects'

/** Every choice of every drop-down in Settings, each shown in its closed control in turn. */
async function cutChoices(page: Page): Promise<string[]> {
  const cut: string[] = []
  const selects = page.locator('[data-testid=settings-screen] select')
  for (let i = 0; i < (await selects.count()); i++) {
    const select = selects.nth(i)
    const values = await select
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as unknown as { value: string }).value))
    const before = await select.inputValue()
    for (const v of values) {
      await select.selectOption(v)
      cut.push(...(await clippedSelects(page, '[data-testid=settings-screen]')))
    }
    await select.selectOption(before)
  }
  return [...new Set(cut)]
}

describe.each(LANGS)('Settings at 1366×768 in $name', (L) => {
  let harness: Harness
  let browser: Browser

  beforeAll(async () => {
    harness = await startHarness({ locale: L.locale })
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await harness?.close()
  })

  it('shows every row and every choice whole', async () => {
    const app = await harness.open(browser, { locale: L.locale, viewport: LAPTOP })
    const { page } = app
    await page.getByTestId('nav-settings').click()
    await page.getByTestId('defaults-form').waitFor()

    // The choice the trial found cut to "(a", and every other one.
    const product = page.getByTestId('defaults-form').locator('select').first()
    expect(await product.locator('option:checked').textContent()).toBe(
      L.lang === 'nb'
        ? 'Avgjøres av organisasjonsnummeret (med nummer Bedrift, uten Privat)'
        : 'Decided by the organisation number (with one Business, without Private)',
    )
    expect(await cutChoices(page)).toEqual([])
    expect(await silentlyClipped(page, '[data-testid=settings-screen]')).toEqual([])
    await page.getByTestId('save-defaults').scrollIntoViewIfNeeded()
    await app.screenshot(`laptop/settings-${L.lang}`)
    app.assertClean()
    await app.context.close()
  })
})
