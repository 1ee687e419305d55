import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { october } from '../integration/compare/months'
import { type Harness, launchChromium, SCREENSHOT_DIR, startHarness } from './harness'

// Thursday 17 December 2026, 10:00 in Oslo: 16 days is Saturday 2 January, 8 days is 1. juledag.
const THURSDAY = new Date(Date.UTC(2026, 11, 17, 9, 0, 0))

describe('due dates on business days: Review and Plan show the moved dates (Chromium, real services)', () => {
  let harness: Harness
  let browser: Browser
  let dir: string

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kb-e2e-due-'))
    const file = join(dir, 'desember.csv')
    writeFileSync(
      file,
      october()
        .replace('2026-10-001;Bedrift;14;', '2026-10-001;Bedrift;16;')
        .replace('2026-10-004;Privat;14;', '2026-10-004;Privat;8;'),
    )
    harness = await startHarness({ dialogs: { openFile: [file] }, locale: 'nb-NO', clock: () => THURSDAY })
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await harness?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('marks the moved due dates on their cells in Review and lists them on the Plan (setting on by default)', async () => {
    const app = await harness.open(browser, { locale: 'nb-NO', viewport: { width: 1366, height: 768 } })
    const { page } = app
    await page.getByTestId('start-screen').waitFor()
    await page.getByTestId('open-file').click()
    await page.getByTestId('read-screen').waitFor()
    await page.getByTestId('to-mapping').click()
    await page.getByTestId('mapping-table').waitFor()
    await page.getByTestId('to-review').click()
    await page.getByTestId('review-grid').waitFor()

    const moved = page.locator('.grid-cell.cell-warning', { hasText: /^16$/ })
    await moved.waitFor()
    expect(await moved.getAttribute('title')).toBe(
      'Rad 2: forfall flyttet fra lørdag 2.1. til mandag 4.1. (ikke en virkedag i Norge).',
    )
    const christmas = page.locator('.grid-cell.cell-warning', { hasText: /^8$/ })
    expect(await christmas.getAttribute('title')).toBe(
      'Rad 5: forfall flyttet fra fredag 25.12. til mandag 28.12. (ikke en virkedag i Norge).',
    )
    // 14 days is Thursday 31 December, a business day: no warning.
    expect(await page.locator('.grid-cell.cell-warning', { hasText: /^14$/ }).count()).toBe(0)

    await page.getByTestId('to-plan').click()
    const section = page.getByTestId('plan-comparison')
    await section.waitFor()
    await section.locator('summary', { hasText: 'Forfall flyttet til neste virkedag (2)' }).click()
    const list = (await page.getByTestId('compare-due_moved').textContent()) ?? ''
    expect(list).toContain('Rad 2: forfall flyttet fra lørdag 2.1. til mandag 4.1.')
    expect(list).toContain('Rad 5: forfall flyttet fra fredag 25.12. til mandag 28.12.')
    await section.screenshot({ path: join(SCREENSHOT_DIR, 'plan-due-moved-nb.png') })

    await page.getByTestId('language-select').selectOption('en')
    await expect
      .poll(async () => (await page.getByTestId('compare-due_moved').textContent()) ?? '')
      .toContain('Row 2: due date moved from Saturday 2 Jan to Monday 4 Jan (not a business day in Norway).')
    app.assertClean()
  })
})
