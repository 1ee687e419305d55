import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getBatch } from '../../src/main/journal/reads'
import { sendMonthThroughApp } from '../integration/compare/seed'
import { type Harness, launchChromium, startHarness } from './harness'
import { clubCsv } from './laptop/files'
import { LANGS, LAPTOP } from './laptop/layout'
import { eventually, seedBatch } from './run-helpers'

/**
 * "Fix and retry" on finished runs counts only what a fix can really send: a run that failed none
 * and left out only a sum line and a note under the list offers nothing; a run that left out one
 * mistyped invoice (beside one already invoiced) offers that one, worded as left out, not failed.
 */
describe.each(LANGS)('Fix and retry after a finished run, 1366×768 in $name', (L) => {
  let harness: Harness
  let browser: Browser
  let december: string
  let january: string
  let refused: string
  let dir: string

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kb-e2e-laptop-retry-'))
    const dec = join(dir, 'desember.csv')
    clubCsv(dec, 3)
    const decText = readFileSync(dec, 'utf8')
    writeFileSync(
      dec,
      `${decText};;;;;;;;;;Sum;;1 425,00;\r\nBetales til konto 1234.56.78903;;;;;;;;;;;;;\r\n`,
    )
    // January: one invoice whose e-mail lost its @, one fine, one December already invoiced.
    const jan = join(dir, 'januar.csv')
    clubCsv(jan, 2, { bad: 1, prefix: '2027-01-' })
    writeFileSync(jan, `${readFileSync(jan, 'utf8')}${decText.split('\r\n')[1]}\r\n`)
    harness = await startHarness({ locale: L.locale })
    browser = await launchChromium()
    const call = async (name: string, input: unknown) => {
      const r = await harness.dispatch(name as never, input as never)
      if (!r.ok) throw new Error(`${name}: ${r.error.message}`)
      return r.value as never
    }
    december = await sendMonthThroughApp(call, dec)
    january = await sendMonthThroughApp(call, jan)
    // A run where the sandbox refused one invoice.
    refused = seedBatch(harness.db, 4, { bad: [1], prefix: 'R' })
    expect((await harness.dispatch('runs:start', { batchId: refused })).ok).toBe(true)
    for (let i = 0; i < 300 && getBatch(harness.db, refused)?.state !== 'finished'; i++)
      await new Promise((r) => setTimeout(r, 100))
  })
  afterAll(async () => {
    await browser?.close()
    await harness?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  async function openRun(batchId: string) {
    const app = await harness.open(browser, { locale: L.locale, viewport: LAPTOP })
    await app.page.getByTestId('nav-history').click()
    await app.page.getByTestId(`open-batch-${batchId}`).click()
    await app.page.getByTestId('open-run').click()
    await app.page.getByTestId('run-screen').waitFor()
    await eventually(() => app.page.getByTestId('run-state').getAttribute('data-state')).toBe('finished')
    await app.page.locator('[data-testid=run-grid] [role=row][data-row="0"] .state-chip').waitFor()
    return app
  }

  it('offers nothing when only a sum line and a note were left out and nothing failed', async () => {
    const app = await openRun(december)
    const { page } = app
    await eventually(() => page.getByTestId('run-progress').textContent()).toContain(
      L.lang === 'nb' ? '3 av 3' : '3 of 3',
    )
    // The screen has settled (the batch summary is in): still no fix-and-retry.
    await page.getByTestId('run-batch-id').waitFor()
    expect(await page.getByTestId('fix-retry').count()).toBe(0)
    await app.screenshot(`laptop/run-no-retry-${L.lang}`)
    app.assertClean()
    await app.context.close()
  })

  it('offers the one mistyped invoice as left out, and opens it for fixing', async () => {
    const app = await openRun(january)
    const { page } = app
    await eventually(() => page.getByTestId('fix-retry').textContent()).toBe(
      L.lang === 'nb' ? 'Rett de utelatte og send (1)' : 'Fix the left-out and send (1)',
    )
    await page.getByTestId('fix-retry').click()
    await page.getByTestId('review-screen').waitFor()
    await eventually(() => page.locator('.grid-cell', { hasText: 'medlem1.example.no' }).count()).toBe(1)
    expect(await page.locator('.grid-cell', { hasText: '2026-12-0001' }).count()).toBe(0)
    app.assertClean()
    await app.context.close()
  })

  it('says "fix and retry" for an invoice the sandbox refused', async () => {
    const app = await openRun(refused)
    await eventually(() => app.page.getByTestId('fix-retry').textContent()).toBe(
      L.lang === 'nb' ? 'Rett og send på nytt (1)' : 'Fix and retry (1)',
    )
    app.assertClean()
    await app.context.close()
  })
})
