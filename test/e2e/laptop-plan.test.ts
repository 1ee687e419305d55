import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { Harness } from './harness'
import { clubCsv } from './laptop/files'
import { LANGS, LAPTOP } from './laptop/layout'
import { withFileHarness } from './run-helpers'

/**
 * A 600-invoice file where every other member's e-mail lost its @: 300 invoices to send, 300 left
 * out. At 1366×768 the decision (what is sent, and Send) stays on screen.
 */
type El = { getBoundingClientRect(): { left: number; top: number; width: number; height: number } }

/** Send is inside the window and nothing paints over it. */
async function sendInView(page: Page) {
  const b = (await page.getByTestId('plan-send').boundingBox())!
  const inside = b.x >= 0 && b.y >= 0 && b.x + b.width <= LAPTOP.width && b.y + b.height <= LAPTOP.height
  const onTop = await page.getByTestId('plan-send').evaluate((node) => {
    const r = (node as unknown as El).getBoundingClientRect()
    const doc = (node as unknown as { ownerDocument: { elementFromPoint(x: number, y: number): unknown } })
      .ownerDocument
    const top = doc.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)
    return (node as unknown as { contains(e: unknown): boolean }).contains(top)
  })
  return inside && onTop
}

describe.each(LANGS)('Plan with hundreds left out at 1366×768 in $name', (L) => {
  let harness: Harness
  let browser: Browser
  withFileHarness(
    L.locale,
    (dir) => {
      const file = join(dir, 'desember.csv')
      clubCsv(file, 600, { bad: 300 })
      return file
    },
    (h, b) => {
      harness = h
      browser = b
    },
  )

  it('keeps what is sent and Send in view, and folds the left-out list to a count that opens', async () => {
    const app = await harness.open(browser, { locale: L.locale, viewport: LAPTOP })
    const { page } = app
    await page.getByTestId('open-file').click()
    await page.getByTestId('to-mapping').click()
    await page.getByTestId('to-review').click()
    await page.getByTestId('review-grid').waitFor()
    await page.getByTestId('to-plan').click()
    await page.getByTestId('plan-invoices').waitFor()

    // What is decided, beside Send: 300 invoices (every odd member, 450–600 kr each), 300 left out.
    const summary = (await page.getByTestId('plan-decision-summary').textContent())?.replace(/\u00a0/g, ' ')
    expect(summary).toBe(
      L.lang === 'nb'
        ? '300 fakturaer · 157 425,00 kr · Sandkasse · 300 utelates'
        : '300 invoices · NOK 157,425.00 · Sandbox · 300 left out',
    )
    expect(await sendInView(page)).toBe(true)
    expect(await page.getByTestId('plan-send').isEnabled()).toBe(true)

    // The left-out list is a count until opened.
    const group = page.getByTestId('plan-left-out-group')
    expect(await group.locator('summary').textContent()).toBe(
      L.lang === 'nb' ? 'Utelates: fakturaer med feil (300)' : 'Left out: invoices with errors (300)',
    )
    expect(await page.getByTestId('plan-left-out').isVisible()).toBe(false)
    await app.screenshot(`laptop/plan-${L.lang}`)

    await group.locator('summary').click()
    const first = page.getByTestId('plan-left-out').locator('li').first()
    expect(await first.isVisible()).toBe(true)
    expect(await first.textContent()).toContain('2026-12-0001')
    expect(await first.textContent()).toContain('medlem1.example.no')
    expect(await page.getByTestId('plan-left-out').locator('li').last().textContent()).toBe(
      L.lang === 'nb' ? '… og 200 til' : '… and 200 more',
    )
    expect(await sendInView(page)).toBe(true)

    // Scrolled to the end of the plan, and with the trial send chosen, Send is still there.
    await page.getByTestId('plan-canary').check()
    await page.getByTestId('plan-canary-count').waitFor()
    await page.getByTestId('plan-screen').evaluate((e) => {
      e.scrollTop = e.scrollHeight
    })
    expect(await sendInView(page)).toBe(true)
    await app.screenshot(`laptop/plan-open-${L.lang}`)
    app.assertClean()
    await app.context.close()
  })
})
