import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, launchChromium, startHarness } from './harness'

/**
 * A club's member list with one Navn column ("Etternavn, Fornavn") and no customer-type column,
 * mapped in Chromium at 1366×768: the full-name field is offered, one column picked for both names
 * is refused with the reason and the split offered, Continue waits and names what is missing.
 */
const CSV = [
  'Fakturanr;Navn;E-post;Telefon;Adresse;Postnr og sted;Beskrivelse;Beløp;MVA-sats;Betalingsbetingelser',
  'M-1;Nordmann, Ola;ola@example.no;98765432;Storgata 1;0152 Oslo;Kontingent 2027;650,00;0;14 dager',
  'M-2;Ole Martin Hansen;om@example.no;90011223;Havnegata 8;9990 Båtsfjord;Kontingent 2027;650,00;0;14 dager',
].join('\r\n')

const text = async (page: Page, testId: string) => (await page.getByTestId(testId).textContent()) ?? ''

describe('Map: full names, refused choices and missing fields (Chromium)', () => {
  let harness: Harness
  let browser: Browser
  let dir: string

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kb-e2e-names-'))
    const file = join(dir, 'medlemmer.csv')
    writeFileSync(file, `${CSV}\r\n`)
    const second = join(dir, 'medlemmer-en.csv')
    writeFileSync(second, `${CSV.replace(/M-(\d)/g, 'N-$1')}\r\n`)
    harness = await startHarness({ dialogs: { openFile: [file, second] }, locale: 'nb-NO' })
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await harness?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  async function openMap(locale: string) {
    const app = await harness.open(browser, { locale, viewport: { width: 1366, height: 768 } })
    const { page } = app
    await page.getByTestId('start-screen').waitFor()
    await page.getByTestId('open-file').click()
    await page.getByTestId('read-screen').waitFor()
    await page.getByTestId('to-mapping').click()
    await page.getByTestId('mapping-table').waitFor()
    return app
  }

  it('nb: Fullt navn is offered; one column for both names is refused with why, the split fixes it', async () => {
    const app = await openMap('nb-NO')
    const { page } = app
    expect(await page.getByTestId('map-field-full_name').locator('label').textContent()).toBe('Fullt navn')
    expect(await page.getByTestId('map-select-full_name').inputValue()).toBe('Navn')
    expect(await text(page, 'map-rule-payment_product_type')).toBe(
      'Avgjøres av organisasjonsnummeret: med nummer Bedrift, uten Privat',
    )
    expect(await page.getByTestId('to-review').isEnabled()).toBe(true)
    // The screen names fields by their labels, never by internal names.
    expect(await text(page, 'mapping-table')).not.toMatch(
      /last_name|first_name|full_name|payment_product_type/,
    )

    // Navn as Fornavn: accepted, and Etternavn is now missing: Continue waits and says for what.
    await page.getByTestId('map-select-first_name').selectOption('Navn')
    await expect.poll(() => page.getByTestId('map-select-first_name').inputValue()).toBe('Navn')
    await expect
      .poll(() => text(page, 'map-missing'))
      .toBe('Velg en kolonne eller en fast verdi for: Etternavn')
    expect(await page.getByTestId('to-review').isDisabled()).toBe(true)

    // Navn as Etternavn too: refused, with the reason on screen and the full-name split offered.
    await page.getByTestId('map-select-last_name').selectOption('Navn')
    await page.getByTestId('map-refusal').waitFor()
    expect(await text(page, 'map-refusal')).toContain(
      '«Navn» er allerede kolonnen for Fornavn. Én kolonne kan ikke være både fornavn og etternavn',
    )
    expect(await page.getByTestId('map-select-last_name').inputValue()).not.toBe('Navn')
    await app.screenshot('screens/map-refusal-nb')
    await page.getByTestId('map-use-full-name').click()
    await page.getByTestId('map-refusal').waitFor({ state: 'detached' })
    await expect.poll(() => page.getByTestId('map-select-full_name').inputValue()).toBe('Navn')
    expect(await page.getByTestId('map-select-first_name').inputValue()).not.toBe('Navn')
    await page.getByTestId('map-missing').waitFor({ state: 'detached' })
    expect(await page.getByTestId('to-review').isEnabled()).toBe(true)

    // Without a description Continue waits again, naming it.
    await page.getByTestId('map-select-description').selectOption({ index: 0 })
    await expect
      .poll(() => text(page, 'map-missing'))
      .toBe('Velg en kolonne eller en fast verdi for: Beskrivelse')
    expect(await page.getByTestId('to-review').isDisabled()).toBe(true)
    await page.getByTestId('map-select-description').selectOption('Beskrivelse')
    await page.getByTestId('map-missing').waitFor({ state: 'detached' })

    // Review → Plan: the customer-type notice is shown before sending.
    await page.getByTestId('to-review').click()
    await page.getByTestId('review-screen').waitFor()
    await page.getByTestId('to-plan').click()
    await page.getByTestId('plan-screen').waitFor()
    await page.getByTestId('plan-notice-product_type_from_org_number').waitFor()
    expect(await text(page, 'plan-notice-product_type_from_org_number')).toBe(
      'Ingen kundetype er oppgitt og ingen faktura har organisasjonsnummer, så alle 2 fakturaer sendes som Privat.',
    )
    await app.screenshot('screens/plan-notice-nb')
    app.assertClean()
    await app.context.close()
  })

  it('en: the refusal speaks English and names the field by its label', async () => {
    const app = await openMap('en-GB')
    const { page } = app
    expect(await page.getByTestId('map-field-full_name').locator('label').textContent()).toBe('Full name')
    await page.getByTestId('map-select-last_name').selectOption('Navn')
    await expect.poll(() => page.getByTestId('map-select-last_name').inputValue()).toBe('Navn')
    await page.getByTestId('map-select-first_name').selectOption('Navn')
    await page.getByTestId('map-refusal').waitFor()
    expect(await text(page, 'map-refusal')).toContain('"Navn" is already the column for Last name.')
    expect(await text(page, 'map-use-full-name')).toBe('Use "Navn" as Full name')
    await expect
      .poll(() => text(page, 'map-missing'))
      .toBe('Choose a column or a fixed value for: First name')
    await app.screenshot('screens/map-refusal-en')
    app.assertClean()
    await app.context.close()
  })
})
