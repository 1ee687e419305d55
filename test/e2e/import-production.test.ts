import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, launchChromium, startHarness } from './harness'

const FIXTURE = join(import.meta.dirname, '../fixtures/import-ui/norsk-faktura.csv')

describe('plan in production (Chromium)', () => {
  let harness: Harness
  let browser: Browser
  let dir: string

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kb-e2e-prod-'))
    const file = join(dir, 'desember.csv')
    copyFileSync(FIXTURE, file)
    harness = await startHarness({ dialogs: { openFile: [file] }, locale: 'en-GB' })
    const ok = (r: { ok: boolean }) => expect(r.ok).toBe(true)
    ok(
      await harness.dispatch('settings:saveCredentials', {
        environment: 'production',
        accountId: 'P87654321',
        clientId: 'client',
        clientSecret: 'secret',
      }),
    )
    ok(await harness.dispatch('settings:setEnvironment', { environment: 'production' }))
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await harness?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('shows the production badge everywhere and sends only after the account id is typed', async () => {
    const app = await harness.open(browser, { locale: 'en-GB', viewport: { width: 1360, height: 900 } })
    const { page } = app
    await expect
      .poll(async () => page.getByTestId('env-badge').textContent())
      .toBe('Production — real invoices')
    await page.getByTestId('open-file').click()
    await page.getByTestId('to-mapping').click()
    await page.getByTestId('to-review').click()
    await page.getByTestId('review-grid').waitFor()
    await page.getByTestId('to-plan').click()
    await expect.poll(async () => page.getByTestId('plan-account').textContent()).toBe('P87654321')

    const send = page.getByTestId('plan-send')
    const word = page.getByTestId('plan-confirm-word')
    expect(await send.isDisabled()).toBe(true)
    await word.fill('P8765432')
    expect(await send.isDisabled()).toBe(true)
    await word.fill('P87654321')
    expect(await send.isEnabled()).toBe(true)
    mkdirSync(join(import.meta.dirname, '../../test-output/e2e/screens'), { recursive: true })
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await app.screenshot(`screens/plan-production-${scheme}`)
    }
    // Nothing was created while the user was only looking.
    expect(harness.db.prepare('SELECT COUNT(*) AS n FROM batches').get()).toEqual({ n: 0 })
    app.assertClean()
  })
})
