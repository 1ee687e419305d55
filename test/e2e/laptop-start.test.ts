import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getBatch, getInvoiceByReference } from '../../src/main/journal/reads'
import { type Harness, launchChromium, startHarness } from './harness'
import { LANGS, LAPTOP } from './laptop/layout'
import { eventually, seedBatch } from './run-helpers'

// In the order of an invoice's life, each state in words once, with its count.
const WORDS = {
  nb: 'Fakturert 3 · Kansellert 1 · Betalt 1',
  en: 'Invoiced 3 · Voided 1 · Paid 1',
} as const

describe.each(LANGS)('Start at 1366×768 in $name', (L) => {
  let harness: Harness
  let browser: Browser
  let batchId: string

  beforeAll(async () => {
    harness = await startHarness({ locale: L.locale })
    browser = await launchChromium()
    batchId = seedBatch(harness.db, 5)
    expect((await harness.dispatch('runs:start', { batchId })).ok).toBe(true)
    for (let i = 0; i < 300 && getBatch(harness.db, batchId)?.state !== 'finished'; i++)
      await new Promise((r) => setTimeout(r, 100))
    expect(getBatch(harness.db, batchId)?.state).toBe('finished')

    // After sending: one invoice is voided, the customer of another pays it in full.
    const voided = getInvoiceByReference(harness.db, batchId, 'INV-00002')!
    expect((await harness.dispatch('runs:void', { batchId, ids: [voided.id] })).ok).toBe(true)
    const paid = getInvoiceByReference(harness.db, batchId, 'INV-00004')!
    const sandbox = new URL(paid.invoice_url!).origin
    const res = await fetch(
      `${sandbox}/__sandbox/transactions/${encodeURIComponent(paid.transaction_id!)}/pay`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ amount: paid.amount }),
      },
    )
    expect(res.status).toBe(200)
    expect((await harness.dispatch('batches:refresh', { batchId })).ok).toBe(true)
    expect(getInvoiceByReference(harness.db, batchId, 'INV-00002')!.state).toBe('voided')
    expect(getInvoiceByReference(harness.db, batchId, 'INV-00004')!.state).toBe('paid')
  })
  afterAll(async () => {
    await browser?.close()
    await harness?.close()
  })

  it('shows each recent batch by how its invoices stand now, in words, after a void and a payment', async () => {
    const app = await harness.open(browser, { locale: L.locale, viewport: LAPTOP })
    const { page } = app
    await page.getByTestId('start-screen').waitFor()
    const states = page.getByTestId('recent-batch').first().getByTestId('recent-states')
    await eventually(async () => (await states.textContent())?.replace(/\u00a0/g, ' ')).toBe(WORDS[L.lang])
    expect(
      await states.locator('[data-state]').evaluateAll((e) => e.map((x) => x.getAttribute('data-state'))),
    ).toEqual(['authorized', 'voided', 'paid'])
    await app.screenshot(`laptop/start-${L.lang}`)
    app.assertClean()
  })
})
