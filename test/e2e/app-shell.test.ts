import { existsSync, statSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  callApi,
  type Harness,
  launchChromium,
  pageColorScheme,
  recordEvents,
  recordedEvents,
  startHarness,
} from './harness'

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
      expect(await pageColorScheme(app.page)).toBe(colorScheme)
      const shot = await app.screenshot(`app-shell-${colorScheme}`)
      expect(existsSync(shot) && statSync(shot).size).toBeGreaterThan(1000)
      app.assertClean()
    })
  }

  it('round-trips a call from the page to main and back, and rejects bad input as data', async () => {
    const app = await harness.open(browser)
    await app.page.getByTestId('start-screen').waitFor()
    const ok = await callApi(app.page, 'app:ping', { message: 'hei æøå' })
    const bad = await callApi(app.page, 'app:ping', { message: 42 } as unknown as { message: string })
    expect(ok).toMatchObject({ ok: true, value: { echo: 'hei æøå' } })
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    app.assertClean()
  })

  it('delivers events pushed by main to subscribers in the page', async () => {
    const app = await harness.open(browser)
    await app.page.getByTestId('start-screen').waitFor()
    await recordEvents(app.page, 'app:menu')
    harness.emit('app:menu', { action: 'about' })
    expect(await recordedEvents(app.page, 'app:menu')).toEqual([{ action: 'about' }])
  })

  it("keeps the app's CSP: an injected inline script is blocked and reported", async () => {
    const app = await harness.open(browser)
    await app.page.getByTestId('start-screen').waitFor()
    const ran = await app.page.evaluate(() => {
      const g = globalThis as unknown as {
        document: {
          createElement(t: string): { textContent: string }
          head: { appendChild(n: unknown): void }
        }
        injectedRan?: boolean
      }
      const script = g.document.createElement('script')
      script.textContent = 'globalThis.injectedRan = true'
      g.document.head.appendChild(script)
      return g.injectedRan === true
    })
    expect(ran).toBe(false)
    await expect.poll(() => app.problems.cspViolations.length).toBeGreaterThan(0)
    expect(app.problems.cspViolations.join('\n')).toMatch(/script-src/)
  })
})
