import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sendMonthThroughApp } from '../integration/compare/seed'
import { type Harness, launchChromium, startHarness } from './harness'
import { clubCsv } from './laptop/files'
import { LANGS, LAPTOP } from './laptop/layout'

/**
 * December's file after November was sent: the mapping is remembered, one column was renamed,
 * one was added and holds product kinds. Three notices above the field list, at 1366×768.
 */
type Box = { top: number; bottom: number; left: number; height: number }
type El = {
  getBoundingClientRect(): Box
  querySelectorAll(s: string): ArrayLike<El>
  contains(e: El): boolean
  textContent: string | null
  ownerDocument: { elementFromPoint(x: number, y: number): El | null }
}

/** Field rows wholly inside the list's scroll box (what the user sees without scrolling). */
const rowsInView = (page: Page) =>
  page.locator('.map-table').evaluate((node) => {
    const box = node as unknown as El
    const b = box.getBoundingClientRect()
    return Array.from(box.querySelectorAll('tbody tr')).filter((tr) => {
      const r = tr.getBoundingClientRect()
      return r.top >= b.top - 1 && r.bottom <= b.bottom + 1
    }).length
  })

/** Column headings that something else paints over (what the user would see instead of them). */
const coveredHeadings = (page: Page) =>
  page.locator('[data-testid=mapping-table] thead th').evaluateAll((nodes) =>
    nodes.flatMap((node) => {
      const th = node as unknown as El
      const r = th.getBoundingClientRect()
      const top = th.ownerDocument.elementFromPoint(r.left + 8, r.top + r.height / 2)
      return top && th.contains(top) ? [] : [`${th.textContent} under "${top?.textContent?.slice(0, 40)}"`]
    }),
  )

describe.each(LANGS)('Map at 1366×768 in $name', (L) => {
  let harness: Harness
  let browser: Browser
  let dir: string

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kb-e2e-laptop-map-'))
    clubCsv(join(dir, 'november.csv'), 4, { prefix: '2026-11-' })
    const december = join(dir, 'desember.csv')
    clubCsv(december, 40, { type: true })
    writeFileSync(december, readFileSync(december, 'utf8').replace('Mobil', 'Telefon'))
    harness = await startHarness({ dialogs: { openFile: [december] }, locale: L.locale })
    browser = await launchChromium()
    await sendMonthThroughApp(
      async (name, input) => {
        const r = await harness.dispatch(name as never, input as never)
        if (!r.ok) throw new Error(`${name}: ${r.error.message}`)
        return r.value as never
      },
      join(dir, 'november.csv'),
    )
  })
  afterAll(async () => {
    await browser?.close()
    await harness?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('gives the field list the window, folds the notices to a line each, and keeps the headings on top', async () => {
    const app = await harness.open(browser, { locale: L.locale, viewport: LAPTOP })
    const { page } = app
    await page.getByTestId('open-file').click()
    await page.getByTestId('read-screen').waitFor()
    await page.getByTestId('to-mapping').click()
    await page.getByTestId('mapping-table').waitFor()
    await page.getByTestId('map-ambiguous').waitFor()
    await page.getByTestId('map-remembered').waitFor()

    // A default from Settings is said in words, not as the value a file would hold.
    expect(await page.getByTestId('map-field-invoice_channel').locator('.map-samples').textContent()).toBe(
      L.lang === 'nb'
        ? 'Standard fra Innstillinger: Kravia sender fakturaen'
        : 'Default from Settings: Kravia sends the invoice',
    )

    // Each notice is one line until opened.
    for (const id of ['map-drift', 'map-ambiguous']) {
      const notice = page.getByTestId(id)
      expect((await notice.boundingBox())!.height).toBeLessThan(40)
      expect(await notice.locator('li').first().isVisible()).toBe(false)
    }
    expect(await page.getByTestId('map-drift').locator('summary').textContent()).toBe(
      L.lang === 'nb' ? 'Filen har endret seg siden sist (2)' : 'The file has changed since last time (2)',
    )

    // The list fills the window below them: many fields at once, and Continue without scrolling.
    expect(await rowsInView(page)).toBeGreaterThanOrEqual(5)
    const next = (await page.getByTestId('to-review').boundingBox())!
    expect(next.y + next.height).toBeLessThanOrEqual(LAPTOP.height)
    await app.screenshot(`laptop/map-${L.lang}`)

    // Scrolled, the field names pass under the headings, not over them.
    await page.locator('.map-table').evaluate((e) => {
      e.scrollTop = 130
    })
    await page.waitForTimeout(100)
    expect(await coveredHeadings(page)).toEqual([])
    await page.locator('.map-table').evaluate((e) => {
      e.scrollTop = 400
    })
    await page.waitForTimeout(100)
    expect(await coveredHeadings(page)).toEqual([])

    // A notice opens with a click and says what changed.
    await page.getByTestId('map-drift').locator('summary').click()
    expect(await page.getByTestId('map-drift').locator('li').first().textContent()).toBe(
      L.lang === 'nb' ? '«Mobil» heter nå «Telefon»' : '"Mobil" is now "Telefon"',
    )
    await page.getByTestId('map-ambiguous').locator('summary').click()
    expect(await page.getByTestId('map-ambiguous').textContent()).toContain('Type')
    app.assertClean()
    await app.context.close()
  })
})
