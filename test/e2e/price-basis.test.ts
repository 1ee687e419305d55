import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, launchChromium, startHarness } from './harness'

const text = async (page: Page, testId: string) => (await page.getByTestId(testId).textContent()) ?? ''

// Two invoices with a `Pris` column that does not say whether it includes VAT:
// 2 × 100,00 at 25 % and 1 × 80,00 at 15 %.
const CSV =
  'Fakturanr;Kundetype;Forfall;Fornavn;Etternavn;E-post;Telefon;Adresse;Postnr;Poststed;Beskrivelse;Antall;Pris;Mva %\r\n' +
  'P-1;Privat;14;Kari;Nordmann;kari@example.no;98765432;Lillegata 5;5003;Bergen;Abonnement;2;100,00;25\r\n' +
  'P-2;Privat;14;Ola;Hansen;ola@example.no;91234567;Storgata 1;0151;Oslo;Matkasse;1;80,00;15\r\n'

describe('price basis on the Map screen, in Chromium with the real services', () => {
  let harness: Harness
  let browser: Browser
  let dir: string

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kb-e2e-basis-'))
    const file = join(dir, 'priser.csv')
    writeFileSync(file, CSV)
    const stated = join(dir, 'ordre.csv')
    writeFileSync(
      stated,
      'Fakturanr;Kundetype;Forfall;Fornavn;Etternavn;E-post;Telefon;Adresse;Postnr;Poststed;Beskrivelse;Antall;Enhetspris eks. mva;Beløp;Mva %\r\n' +
        'Q-1;Privat;14;Kari;Nordmann;kari@example.no;98765432;Lillegata 5;5003;Bergen;Abonnement;2;100,00;250,00;25\r\n',
    )
    harness = await startHarness({ dialogs: { openFile: [file, stated] }, locale: 'en-GB' })
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await harness?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('shows an ambiguous Pris as incl. VAT; one click reads it excl. VAT and the totals grow by exactly the VAT', async () => {
    const app = await harness.open(browser, { locale: 'en-GB', viewport: { width: 1366, height: 768 } })
    const { page } = app
    await page.getByTestId('start-screen').waitFor()
    await page.getByTestId('open-file').click()
    await page.getByTestId('read-preview').waitFor()
    await page.getByTestId('to-mapping').click()
    await page.getByTestId('mapping-table').waitFor()

    expect(await page.getByTestId('map-select-unit_price').inputValue()).toBe('Pris')
    expect(await text(page, 'map-basis-tag-unit_price')).toBe('incl. VAT')
    expect(await text(page, 'map-basis-unit_price')).toContain('the header does not say')
    await page.getByTestId('map-basis-unit_price').scrollIntoViewIfNeeded()
    await app.screenshot('screens/map-price-basis-incl-en')

    // Review, including VAT: 200,00 + 80,00; VAT 40,00 + 10,43.
    await page.getByTestId('to-review').click()
    await page.getByTestId('review-grid').waitFor()
    await expect.poll(() => text(page, 'totals-amount')).toBe('NOK 280.00')
    expect(await text(page, 'totals-price-basis')).toBe(
      'Prices including VAT, from column "Pris" (Unit price incl. VAT). The header "Pris" does not say; read as including VAT.',
    )

    // Back to Map: one click reads the same column excluding VAT.
    await page.getByRole('button', { name: 'Back' }).click()
    await page.getByTestId('mapping-table').waitFor()
    await page.getByTestId('map-flip-unit_price').click()
    await expect.poll(() => page.getByTestId('map-select-unit_price_excl_vat').inputValue()).toBe('Pris')
    expect(await page.getByTestId('map-select-unit_price').inputValue()).not.toBe('Pris')
    expect(await text(page, 'map-basis-tag-unit_price_excl_vat')).toBe('excl. VAT')
    await page.getByTestId('map-basis-unit_price_excl_vat').scrollIntoViewIfNeeded()
    await app.screenshot('screens/map-price-basis-excl-en')

    // Review, excluding VAT: net 280,00 + VAT 50,00 + 12,00 = 342,00 — up by exactly the VAT.
    await page.getByTestId('to-review').click()
    await page.getByTestId('review-grid').waitFor()
    await expect.poll(() => text(page, 'totals-amount')).toBe('NOK 342.00')
    const vat = await page
      .getByTestId('totals-vat-row')
      .evaluateAll((rows) =>
        rows.map((r) => Array.from(r.children).map((c) => (c as { textContent: string | null }).textContent)),
      )
    expect(vat).toEqual([
      ['25 %', '1', 'NOK 250.00', 'NOK 50.00'],
      ['15 %', '1', 'NOK 92.00', 'NOK 12.00'],
    ])
    expect(await text(page, 'totals-price-basis')).toBe(
      'Prices excluding VAT, from column "Pris" (Unit price excl. VAT); VAT is added per line. The header "Pris" does not say; read as excluding VAT.',
    )
    await app.screenshot('screens/review-price-basis-excl-en')

    // The plan says the same in words.
    await page.getByTestId('to-plan').click()
    await page.getByTestId('plan-screen').waitFor()
    await expect.poll(() => text(page, 'plan-total')).toBe('NOK 342.00')
    expect(await text(page, 'plan-price-basis')).toContain('Prices excluding VAT, from column "Pris"')
    await app.screenshot('screens/plan-price-basis-en')
    app.assertClean()
  })

  it('says it in Norwegian: a header that states its basis keeps it, one that does not can be flipped', async () => {
    const app = await harness.open(browser, { locale: 'nb-NO', viewport: { width: 1366, height: 768 } })
    const { page } = app
    await page.getByTestId('start-screen').waitFor()
    await page.getByTestId('open-file').click()
    await page.getByTestId('read-preview').waitFor()
    await page.getByTestId('to-mapping').click()
    await page.getByTestId('mapping-table').waitFor()
    expect(await page.getByTestId('map-select-unit_price_excl_vat').inputValue()).toBe('Enhetspris eks. mva')
    expect(await text(page, 'map-basis-tag-unit_price_excl_vat')).toBe('eks. mva')
    expect(await text(page, 'map-basis-unit_price_excl_vat')).toContain('som overskriften sier')
    expect(await page.getByTestId('map-flip-unit_price_excl_vat').count()).toBe(0)
    expect(await page.getByTestId('map-select-amount').inputValue()).toBe('Beløp')
    expect(await text(page, 'map-basis-tag-amount')).toBe('inkl. mva')
    expect(await text(page, 'map-flip-amount')).toBe('Les som eks. mva')
    await page.getByTestId('map-basis-amount').scrollIntoViewIfNeeded()
    await app.screenshot('screens/map-price-basis-nb')
    await page.getByTestId('to-review').click()
    await page.getByTestId('review-grid').waitFor()
    // 2 × 100,00 eks. mva + 25 % = 250,00, which the Beløp column (inkl. mva) agrees with.
    await expect.poll(() => text(page, 'totals-amount')).toMatch(/^250,00/)
    expect(await text(page, 'totals-price-basis')).toBe(
      'Priser eksklusiv mva, fra kolonnen «Enhetspris eks. mva» (Enhetspris eks. mva); mva legges til per linje. Kontrollert mot kolonnen «Beløp» (Linjebeløp inkl. mva). Overskriften «Beløp» sier ikke hvilken; lest som inkludert mva.',
    )
    app.assertClean()
  })
})
