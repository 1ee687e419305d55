import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  BACKGROUND_FIRST_MS,
  BACKGROUND_INTERVAL_MS,
  BACKGROUND_RETRY_MS,
} from '../../src/main/ipc/handlers/background-refresh'
import { FakeClock } from '../support/fake-clock'
import { getBatch, getInvoiceByReference } from '../../src/main/journal/reads'
import type { SettingsView } from '../../src/shared/contract'
import { type Harness, launchChromium, startHarness } from './harness'
import { customerPays, eventually, seedBatch } from './run-helpers'

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms))
const refreshReads = (h: Harness) =>
  h.db.prepare(`SELECT COUNT(*) FROM attempts WHERE kind = 'refresh'`).pluck().get() as number

async function until(cond: () => boolean, ms = 60_000): Promise<void> {
  for (let t = 0; t < ms && !cond(); t += 100) await wait(100)
  expect(cond()).toBe(true)
}

describe('background refresh, with the clock driven', () => {
  let harness: Harness
  let browser: Browser
  const clock = new FakeClock()

  beforeAll(async () => {
    harness = await startHarness({ locale: 'nb-NO', timers: clock })
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await harness?.close()
  })

  it('is off for the sandbox until switched on; never reads while a batch is being sent; then notifies once and opens History', async () => {
    const view = (await harness.dispatch('settings:get', {})) as { ok: true; value: SettingsView }
    expect(view.value.defaults.backgroundRefresh).toBe(false)

    const sent = seedBatch(harness.db, 30)
    expect((await harness.dispatch('runs:start', { batchId: sent })).ok).toBe(true)
    await until(() => getBatch(harness.db, sent)?.state === 'finished')
    const a = await customerPays(harness, sent, 'INV-00003')
    const b = await customerPays(harness, sent, 'INV-00017')

    // Off (the sandbox's default): start and a whole interval pass without a single read.
    await clock.advance(BACKGROUND_FIRST_MS + BACKGROUND_INTERVAL_MS)
    await wait(300)
    expect(refreshReads(harness)).toBe(0)

    const on = await harness.dispatch('settings:saveDefaults', {
      ...view.value.defaults,
      backgroundRefresh: true,
    })
    expect(on.ok).toBe(true)

    // A slow batch is being sent (2 a second): the background pass comes and stays away.
    const slow = seedBatch(harness.db, 200, { prefix: 'SLOW', settings: { rate: 2, concurrency: 1 } })
    expect((await harness.dispatch('runs:start', { batchId: slow })).ok).toBe(true)
    await until(() => getBatch(harness.db, slow)?.state === 'running')
    for (let i = 0; i < 3; i++) {
      await clock.advance(BACKGROUND_INTERVAL_MS)
      await wait(300)
      expect(refreshReads(harness)).toBe(0)
      expect(getBatch(harness.db, sent)?.refreshed_at).toBeNull()
    }
    expect(harness.notifier.sent).toEqual([])

    // The send is paused: the next look (a few minutes later) reads, gently, and notifies once.
    expect((await harness.dispatch('runs:pause', { batchId: slow })).ok).toBe(true)
    await until(() => getBatch(harness.db, slow)?.state === 'paused')
    await wait(500)
    await clock.advance(BACKGROUND_RETRY_MS)
    await until(() => getBatch(harness.db, sent)?.refreshed_at !== null)
    await until(() => harness.notifier.sent.length === 1)
    const amount = (a + b).toString()
    const kr = `${amount.slice(0, -2)},${amount.slice(-2)} kr`
    expect(harness.notifier.sent[0]).toEqual({
      title: 'Betalinger mottatt',
      body: `2 fakturaer betalt siden sist, ${kr}`,
    })
    expect(getInvoiceByReference(harness.db, sent, 'INV-00003')?.state).toBe('paid')
    expect(getInvoiceByReference(harness.db, sent, 'INV-00017')?.state).toBe('paid')
    // Only invoices that changed are journaled by the background (not one row per invoice read).
    expect(refreshReads(harness)).toBe(2)

    // Nothing new: the next pass reads again but does not notify.
    await clock.advance(BACKGROUND_INTERVAL_MS)
    await wait(1500)
    expect(harness.notifier.sent).toHaveLength(1)

    // A click on the notification opens History, where the batch says when it was last updated.
    const app = await harness.open(browser, { locale: 'nb-NO', viewport: { width: 1366, height: 768 } })
    await app.page.getByTestId('start-screen').or(app.page.getByTestId('run-screen')).first().waitFor()
    harness.notifier.click(0)
    await app.page.getByTestId('history-screen').waitFor()
    await eventually(() => app.page.getByTestId(`refreshed-${sent}`).textContent()).toMatch(
      /^sist oppdatert \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/,
    )
    await app.screenshot('screens/history-background-refresh-nb')
  }, 180_000)
})
