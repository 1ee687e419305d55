import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { Harness } from './harness'
import { LANGS, LAPTOP } from './laptop/layout'
import { withFileHarness } from './run-helpers'

const FIXTURE = join(import.meta.dirname, '../fixtures/import-ui/norsk-faktura.csv')

describe.each(LANGS)('Import at 1366×768 in $name', (L) => {
  let harness: Harness
  let browser: Browser
  withFileHarness(
    L.locale,
    (dir) => {
      const file = join(dir, 'des2.csv')
      // Saved by an older Excel: Windows-1252 (every letter here is in Latin-1).
      writeFileSync(file, Buffer.from(readFileSync(FIXTURE, 'utf8').replace(/–/g, '-'), 'latin1'))
      return file
    },
    (h, b) => {
      harness = h
      browser = b
    },
  )

  it('titles the open dialog in the UI language, shows the encoding as information, and F8 visits only rows with notes', async () => {
    const app = await harness.open(browser, { locale: L.locale, viewport: LAPTOP })
    const { page } = app
    await page.getByTestId('start-screen').waitFor()
    await page.getByTestId('open-file').click()
    await page.getByTestId('read-preview').waitFor()
    const call = harness.dialogs.calls?.find((c) => c.kind === 'openFile')
    expect((call?.options as { title?: string } | undefined)?.title).toBe(
      L.lang === 'nb' ? 'Åpne regnearket med fakturaene' : 'Open the invoice spreadsheet',
    )

    await page.getByTestId('to-mapping').click()
    await page.getByTestId('mapping-table').waitFor()
    await page.getByTestId('to-review').click()
    await page.getByTestId('review-grid').waitFor()
    // Read as Windows-1252: told, as information, not as an error.
    const notes = page.getByTestId('file-issues')
    await notes.waitFor()
    expect(await notes.getAttribute('class')).not.toContain('alert-error')
    expect(await notes.locator('[data-code=encoding_fallback]').getAttribute('data-kind')).toBe('info')

    // F8 all the way round: every stop has notes to read.
    const none = L.lang === 'nb' ? 'Ingen merknader' : 'No notes'
    const seen = new Set<string>()
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('F8')
      await expect.poll(() => page.getByTestId('row-issues').textContent()).toMatch(/\d/)
      const text = (await page.getByTestId('row-issues').textContent()) ?? ''
      expect(text).not.toContain(none)
      seen.add(text)
    }
    expect(seen.size).toBeGreaterThan(1)
    app.assertClean()
  })
})
