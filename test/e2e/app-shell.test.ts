import { existsSync, statSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, launchChromium, startHarness } from './harness'

describe('app shell in Chromium', () => {
  let harness: Harness
  let browser: Browser

  beforeAll(async () => {
    harness = await startHarness()
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await harness?.close()
  })

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`shows the start screen in ${colorScheme} mode with no CSP violations or page errors`, async () => {
      const app = await harness.open(browser, { colorScheme })
      await app.page.getByTestId('start-screen').waitFor({ state: 'visible' })
      // app:info went through the bridge to the real services and came back into the page.
      await app.page.getByTestId('env-badge').first().waitFor({ state: 'visible' })
      const dark = await app.page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)
      expect(dark).toBe(colorScheme === 'dark')
      const shot = await app.screenshot(`app-shell-${colorScheme}`)
      expect(existsSync(shot) && statSync(shot).size).toBeGreaterThan(1000)
      app.assertClean()
    })
  }

  it('round-trips a call from the page to main and back, and rejects bad input as data', async () => {
    const app = await harness.open(browser)
    await app.page.getByTestId('start-screen').waitFor()
    const [ok, bad] = await app.page.evaluate(async () => [
      await window.api.app.ping({ message: 'hei æøå' }),
      await window.api.app.ping({ message: 42 } as unknown as { message: string }),
    ])
    expect(ok).toMatchObject({ ok: true, value: { echo: 'hei æøå' } })
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    app.assertClean()
  })

  it('delivers events pushed by main to subscribers in the page', async () => {
    const app = await harness.open(browser)
    await app.page.getByTestId('start-screen').waitFor()
    await app.page.evaluate(() => {
      const w = window as unknown as { menuActions: string[] }
      w.menuActions = []
      window.api.on.app.menu((p) => w.menuActions.push(p.action))
    })
    harness.emit('app:menu', { action: 'about' })
    await app.page.waitForFunction(
      () => (window as unknown as { menuActions: string[] }).menuActions.length > 0,
    )
    expect(
      await app.page.evaluate(() => (window as unknown as { menuActions: string[] }).menuActions),
    ).toEqual(['about'])
  })
})
