import type { Browser } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { getCounts } from '../../src/main/journal/reads'
import type { Harness } from './harness'
import { eventually, seedBatch, withHarness } from './run-helpers'

/**
 * A run that ended with invoices Dintero kept answering errors to: they are not failed but
 * sendable, the run view says so in words (nb and en), and Continue sends them.
 */
describe('run view: invoices left sendable after transient errors', () => {
  let harness: Harness
  let browser: Browser

  withHarness((h, b) => {
    harness = h
    browser = b
  })

  function leftSendable(prefix: string): string {
    const batchId = seedBatch(harness.db, 3, { prefix })
    harness.db
      .prepare(`UPDATE invoices SET fail_reason = 'transient', pay_attempts = 8,
        error_message = 'Creating invoice: Dintero answered 502 SERVER_ERROR' WHERE batch_id = ?`)
      .run(batchId)
    harness.db
      .prepare(`UPDATE batches SET state = 'paused', pause_reason = 'transient' WHERE id = ?`)
      .run(batchId)
    return batchId
  }

  it('says it in Norwegian, and Continue sends them', async () => {
    const batchId = leftSendable('TRN')
    const app = await harness.open(browser, { locale: 'nb-NO' })
    const { page } = app
    // The app offers to continue the unfinished batch when it starts.
    await page.getByTestId(`resume-${batchId}`).click()
    await page.getByTestId('run-screen').waitFor()
    await eventually(() => page.getByTestId('run-paused').textContent()).toBe(
      '3 fakturaer kunne ikke sendes fordi Dintero svarte med feil gang på gang; ingenting ble opprettet for dem; fortsett kjøringen for å sende dem',
    )
    await app.screenshot('screens/run-transient-nb')
    await page.getByTestId('run-resume').click()
    await eventually(() => page.getByTestId('run-state').getAttribute('data-state'), {
      timeout: 15_000,
    }).toBe('finished')
    expect(getCounts(harness.db, batchId)).toEqual({ authorized: 3 })
    app.assertClean()
  })

  it('says it in English', async () => {
    const batchId = leftSendable('TRE')
    const app = await harness.open(browser, { locale: 'en-GB' })
    const { page } = app
    // The app offers to continue the unfinished batch when it starts.
    await page.getByTestId(`resume-${batchId}`).click()
    await page.getByTestId('run-screen').waitFor()
    await eventually(() => page.getByTestId('run-paused').textContent()).toBe(
      '3 invoices could not be sent because Dintero kept answering with errors; nothing was created for them; continue the run to send them',
    )
    await app.screenshot('screens/run-transient-en')
    app.assertClean()
  })
})
