import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, launchChromium, startHarness } from './harness'

const LINES = 100_000
// One invoice near the end (two lines, sheet rows LINES-2 and LINES-1) has a bad e-mail.
const BROKEN_INDEX = LINES - 4
const BROKEN_LINE = BROKEN_INDEX + 2

function bigCsv(file: string) {
  const out = [
    'Fakturanr;Kundetype;Forfall;Fornavn;Etternavn;E-post;Telefon;Adresse;Postnr;Poststed;Beskrivelse;Antall;Pris;MVA-sats',
  ]
  for (let i = 0; i < LINES; i++) {
    const inv = 100_000 + Math.floor(i / 2)
    const email = Math.floor(i / 2) === BROKEN_INDEX / 2 ? 'broken(at)example.no' : `kunde${inv}@example.no`
    out.push(
      `${inv};Privat;14;Ola;Nordmann;${email};90011223;Storgata 1;0151;Oslo;Linje ${i};1;${(i % 500) + 10},50;25`,
    )
  }
  writeFileSync(file, `${out.join('\r\n')}\r\n`)
}

describe('review grid with 100k lines in Chromium', () => {
  let harness: Harness
  let browser: Browser
  let dir: string

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kb-e2e-large-'))
    const file = join(dir, 'stor.csv')
    bigCsv(file)
    harness = await startHarness({ dialogs: { openFile: [file] }, locale: 'en-GB' })
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await harness?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('pages rows from main, keeps the DOM small, jumps to the end and to the one problem', async () => {
    const app = await harness.open(browser, { locale: 'en-GB' })
    const { page } = app
    await page.getByTestId('open-file').click()
    await page.getByTestId('to-mapping').click()
    await page.getByTestId('mapping-table').waitFor({ timeout: 60_000 })
    await page.getByTestId('to-review').click()
    await page.getByTestId('review-grid').waitFor({ timeout: 60_000 })
    await expect.poll(() => page.getByTestId('review-counts').textContent()).toContain('100,000 rows')

    // Only what is in view is rendered, not 100k rows.
    const rendered = await page.locator('.grid-row').count()
    expect(rendered).toBeGreaterThan(5)
    expect(rendered).toBeLessThan(120)

    // Ctrl+End goes to the last line, fetched on demand.
    await page.getByTestId('review-grid').focus()
    await page.keyboard.press('Control+End')
    await page.locator('.grid-row', { hasText: `Linje ${LINES - 1}` }).waitFor()

    // F8 finds the only bad row from the top, wherever it is.
    await page.keyboard.press('Control+Home')
    await page.keyboard.press('F8')
    await expect.poll(() => page.getByTestId('row-issues').textContent()).toContain(`Row ${BROKEN_LINE}`)
    await page.locator('.grid-cell.cell-error', { hasText: 'broken(at)example.no' }).waitFor()
    app.assertClean()
  })
})
