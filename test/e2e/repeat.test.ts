import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getBatch, getInvoiceByReference } from '../../src/main/journal/reads'
import { type Harness, launchChromium, startHarness } from './harness'
import { eventually, seedBatch } from './run-helpers'

/**
 * History → "Ny kjøring basert på denne" → Review: last month's customers and lines under new
 * references, voided and failed invoices left out unless ticked, in bokmål at a laptop's size.
 */
describe('repeat last month in Chromium', () => {
  let harness: Harness
  let browser: Browser

  beforeAll(async () => {
    harness = await startHarness({ locale: 'nb-NO' })
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await harness?.close()
  })

  it('opens a new run on Review with new references, leaving out the voided and the failed', async () => {
    // Five invoices; INV-00005 fails (the sandbox refuses its phone number), INV-00002 is voided.
    const batchId = seedBatch(harness.db, 5, { bad: [4] })
    expect((await harness.dispatch('runs:start', { batchId })).ok).toBe(true)
    await eventually(() => getBatch(harness.db, batchId)?.state, { timeout: 30_000 }).toBe('finished')
    const voided = getInvoiceByReference(harness.db, batchId, 'INV-00002')!
    expect((await harness.dispatch('runs:void', { batchId, ids: [voided.id] })).ok).toBe(true)
    await eventually(() => getInvoiceByReference(harness.db, batchId, 'INV-00002')?.state).toBe('voided')

    const app = await harness.open(browser, { locale: 'nb-NO', viewport: { width: 1366, height: 768 } })
    const page = app.page
    await page.getByTestId('nav-history').click()
    await page.getByTestId(`open-batch-${batchId}`).click()
    await page.getByRole('button', { name: 'Ny kjøring basert på denne' }).click()
    const dialog = page.getByTestId('repeat-dialog')
    await dialog.waitFor()

    // The default pattern: the old reference with this year and month. Three invoices are kept.
    const now = new Date()
    const yyyymm = `${now.getFullYear()}${String(now.getMonth() + 1).padStart(2, '0')}`
    const preview = page.getByTestId('repeat-preview')
    await eventually(() => preview.textContent()).toContain('3 fakturaer')
    expect(await preview.textContent()).toContain(`INV-00001 blir INV-00001-${yyyymm}`)
    await expect.poll(() => page.getByTestId('repeat-include-voided').isChecked()).toBe(false)
    expect(await dialog.textContent()).toContain('Ta med kansellerte fakturaer (1)')
    expect(await dialog.textContent()).toContain('Ta med feilede og ikke sendte fakturaer (1)')

    // The old references as they are: already invoiced, said in words, nothing can be opened.
    await page.getByTestId('repeat-pattern').fill('{ref}')
    await eventually(() => preview.textContent()).toContain('allerede er fakturert')
    expect(await page.getByTestId('repeat-open').isDisabled()).toBe(true)

    // A counter with a prefix, the voided one ticked back in.
    await page.getByTestId('repeat-pattern').fill('MEDLEM-{n:3}')
    await page.getByTestId('repeat-start').fill('41')
    await page.getByTestId('repeat-include-voided').check()
    await eventually(() => preview.textContent()).toContain('4 fakturaer')
    expect(await preview.textContent()).toContain('INV-00001 blir MEDLEM-041')
    await app.screenshot('screens/repeat-dialog-nb')
    await page.getByTestId('repeat-open').click()

    await page.getByTestId('review-screen').waitFor()
    await eventually(() => page.getByTestId('review-counts').textContent()).toMatch(/4/)
    const grid = page.getByTestId('review-grid')
    await eventually(() => grid.textContent()).toContain('MEDLEM-041')
    const text = (await grid.textContent()) ?? ''
    for (const ref of ['MEDLEM-041', 'MEDLEM-042', 'MEDLEM-043', 'MEDLEM-044']) expect(text).toContain(ref)
    // Same customers (the voided one ticked back in), the failed INV-00005 left out.
    for (const n of [1, 2, 3, 4]) expect(text).toContain(`Firma INV-0000${n} AS`)
    expect(text).not.toContain('INV-00005')
    await app.screenshot('screens/repeat-review-nb')
    app.assertClean()
  })
  it('speaks English in the dialog and refuses a pattern that gives everyone the same reference', async () => {
    const batchId = seedBatch(harness.db, 2, { prefix: 'EN' })
    expect((await harness.dispatch('runs:start', { batchId })).ok).toBe(true)
    await eventually(() => getBatch(harness.db, batchId)?.state, { timeout: 30_000 }).toBe('finished')
    const app = await harness.open(browser, { locale: 'en-GB', viewport: { width: 1366, height: 768 } })
    const page = app.page
    await page.getByTestId('nav-history').click()
    await page.getByTestId(`open-batch-${batchId}`).click()
    await page.getByRole('button', { name: 'New run based on this' }).click()
    const preview = page.getByTestId('repeat-preview')
    await eventually(() => preview.textContent()).toContain('2 invoices')
    await page.getByTestId('repeat-pattern').fill('MONTHLY-{yyyy}')
    await eventually(() => preview.textContent()).toContain(
      'would give every invoice the same reference: include {ref} or {n}.',
    )
    expect(await page.getByTestId('repeat-open').isDisabled()).toBe(true)
    const dialog = (await page.getByTestId('repeat-dialog').textContent()) ?? ''
    expect(dialog).toContain('New run based on batch')
    expect(dialog).not.toMatch(/Ny kjøring|fakturaer/)
    await app.screenshot('screens/repeat-dialog-en')
    app.assertClean()
  })
})
