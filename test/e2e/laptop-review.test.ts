import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { Harness } from './harness'
import { clippedText, LANGS, LAPTOP, silentlyClipped } from './laptop/layout'
import { writeMonthFile } from './laptop/month-file'
import { withFileHarness } from './run-helpers'

/** Texts under `selector` that take more than one line on screen. */
function wrapped(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    type Rect = { top: number; height: number }
    const d = (
      globalThis as unknown as {
        document: {
          querySelectorAll(s: string): ArrayLike<{ textContent: string | null }>
          createRange(): { selectNodeContents(n: unknown): void; getClientRects(): ArrayLike<Rect> }
        }
      }
    ).document
    const out: string[] = []
    for (const el of Array.from(d.querySelectorAll(sel))) {
      const r = d.createRange()
      r.selectNodeContents(el)
      const tops = new Set(
        Array.from(r.getClientRects())
          .filter((x) => x.height > 0)
          .map((x) => Math.round(x.top)),
      )
      if (tops.size > 1) out.push((el.textContent ?? '').trim())
    }
    return out
  }, selector)
}

/** Text with the thin and no-break spaces of number formatting as plain spaces. */
const plain = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ').trim()

const rowsOf = (page: Page, testId: string) =>
  page
    .getByTestId(testId)
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) =>
        Array.from(tr.children).map((c) => (c as { textContent: string | null }).textContent ?? ''),
      ),
    )
    .then((rows) => rows.map((r) => r.map(plain)))

const headingsOf = (page: Page, testId: string) =>
  page
    .getByTestId(testId)
    .locator('thead th')
    .allTextContents()
    .then((h) => h.map(plain))

// The month file (3,000 lines, 1,500 invoices, one in fifty left out for its e-mail), added up by
// hand from its lines: 980 lines at each rate are sent.
const EXPECTED = {
  nb: {
    vatHeadings: ['Sats', 'Linjer', 'Beløp inkl. mva', 'Mva'],
    vat: [
      ['25 %', '980', '1 307 602,10 kr', '261 520,40 kr'],
      ['15 %', '980', '2 614 604,20 kr', '341 035,29 kr'],
      ['0 %', '980', '3 921 606,30 kr', '0,00 kr'],
    ],
    typeHeadings: ['Kundetype', 'Fakturaer', 'Beløp inkl. mva'],
    types: [
      ['Bedrift', '490', '1 961 800,60 kr'],
      ['Privat', '980', '5 882 012,00 kr'],
    ],
    labels: ['Fakturaer som kan sendes', 'Fakturaer med feil (utelates)', 'Totalt inkl. mva', 'Herav mva'],
  },
  en: {
    vatHeadings: ['Rate', 'Lines', 'Amount incl. VAT', 'VAT'],
    vat: [
      ['25 %', '980', 'NOK 1,307,602.10', 'NOK 261,520.40'],
      ['15 %', '980', 'NOK 2,614,604.20', 'NOK 341,035.29'],
      ['0 %', '980', 'NOK 3,921,606.30', 'NOK 0.00'],
    ],
    typeHeadings: ['Customer type', 'Invoices', 'Amount incl. VAT'],
    types: [
      ['Business', '490', 'NOK 1,961,800.60'],
      ['Private', '980', 'NOK 5,882,012.00'],
    ],
    labels: [
      'Invoices that can be sent',
      'Invoices with errors (left out)',
      'Total incl. VAT',
      'Of which VAT',
    ],
  },
} as const

// Internal words that must never reach a screen.
const CODES = /\bb2[bc]\b|b2b_grouped|invoice_b2|last_name|business_name|\(memory\)/i

describe.each(LANGS)('Map, Review and Plan of a month file at 1366×768 in $name', (L) => {
  let harness: Harness
  let browser: Browser
  const want = EXPECTED[L.lang]

  withFileHarness(
    L.locale,
    (dir) => {
      const file = join(dir, 'november.csv')
      writeMonthFile(file)
      return file
    },
    (h, b) => {
      harness = h
      browser = b
    },
  )

  it('ends long examples in … with the whole text as tooltip, fits the totals in 320 px with headed tables, gives the grid the height, and names customer types in words', async () => {
    const app = await harness.open(browser, { locale: L.locale, viewport: LAPTOP })
    const { page } = app
    await page.getByTestId('open-file').click()
    await page.getByTestId('to-mapping').click()
    await page.getByTestId('mapping-table').waitFor()

    // Map: the e-mail examples are wider than their column; they end in … and the tooltip has them all.
    const examples = await clippedText(page, '[data-testid=mapping-table] td.map-samples')
    expect(examples.map((c) => c.testId)).toContain('map-samples-email')
    for (const c of examples) expect([c.ellipsis, c.title]).toEqual([true, c.text])

    await page.getByTestId('to-review').click()
    await page.getByTestId('review-grid').waitFor()
    await expect
      .poll(async () => plain(await page.getByTestId('totals-invoices').textContent()))
      .toBe(L.lang === 'nb' ? '1 470' : '1,470')
    await page.locator('.grid-row').first().waitFor()
    await app.screenshot(`laptop/review-${L.lang}`)

    // Totals: 320 px, nothing scrolls sideways, no label on two lines, no text cut off.
    const panel = page.getByTestId('totals')
    expect((await panel.boundingBox())!.width).toBeLessThanOrEqual(320)
    const sideways = await panel.evaluate((e) => e.scrollWidth - e.clientWidth)
    expect(sideways).toBeLessThanOrEqual(0)
    expect(await page.getByTestId('totals-figures').locator('dt').allTextContents()).toEqual(
      expect.arrayContaining([...want.labels]),
    )
    expect(
      await wrapped(
        page,
        '[data-testid=totals] dt, [data-testid=totals] dd, [data-testid=totals] td, [data-testid=totals] tbody th',
      ),
    ).toEqual([])
    expect(await silentlyClipped(page, '[data-testid=totals]')).toEqual([])
    expect(plain(await page.getByTestId('totals-amount').textContent())).toBe(
      L.lang === 'nb' ? '7 843 812,60 kr' : 'NOK 7,843,812.60',
    )

    // The VAT table and the customer types have column headings; the types are words.
    expect(await headingsOf(page, 'totals-vat')).toEqual(want.vatHeadings)
    expect(await rowsOf(page, 'totals-vat')).toEqual(want.vat)
    expect(await headingsOf(page, 'totals-types')).toEqual(want.typeHeadings)
    expect(await rowsOf(page, 'totals-types')).toEqual(want.types)
    expect(await page.getByTestId('totals').textContent()).not.toMatch(CODES)

    // The grid takes the height left: down to the row notes, the page itself does not scroll,
    // and a dozen invoice lines are in view at 768 px.
    const grid = (await page.getByTestId('review-grid').boundingBox())!
    const notes = (await page.getByTestId('row-issues').boundingBox())!
    expect(notes.y - (grid.y + grid.height)).toBeLessThanOrEqual(12)
    expect(
      await page.evaluate('document.documentElement.scrollHeight - window.innerHeight'),
    ).toBeLessThanOrEqual(0)
    const inView = await page
      .locator('.grid-row')
      .evaluateAll(
        (rows, bottom) => rows.filter((r) => r.getBoundingClientRect().bottom <= bottom + 2).length,
        grid.y + grid.height,
      )
    expect(inView).toBeGreaterThanOrEqual(12)

    // Plan: the same headed tables with the same figures.
    await page.getByTestId('to-plan').click()
    await page.getByTestId('plan-vat').waitFor()
    expect(await headingsOf(page, 'plan-vat')).toEqual(want.vatHeadings)
    expect(await rowsOf(page, 'plan-vat')).toEqual(want.vat)
    expect(await headingsOf(page, 'plan-types')).toEqual(want.typeHeadings)
    expect(await rowsOf(page, 'plan-types')).toEqual(want.types)
    expect(await page.getByTestId('plan-screen').textContent()).not.toMatch(CODES)
    app.assertClean()
  })
})
