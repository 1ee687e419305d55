import type { Browser } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { MemorySecretStore } from '../support/platform-fakes'
import { callApi, type Harness, startHarness } from './harness'
import { pageStrings, recordFrames, eventually, withHarness } from './run-helpers'

const SECRET = 'Sx9-hemmelig-kQ2vT7pL0zR4'
const CLIENT_ID = 'client-id-7Fq2Lm'

describe('settings in Chromium', () => {
  let harness: Harness
  let browser: Browser

  withHarness((h, b) => {
    harness = h
    browser = b
  })

  it('stores a secret without it ever reaching the page again (DOM, window state, React state, bridge messages)', async () => {
    const app = await harness.open(browser, { locale: 'en-GB' })
    const frames = recordFrames(app.page)
    // Let the first load finish: a reload mid-load aborts its requests.
    await app.page.getByTestId('start-screen').waitFor()
    await app.page.reload()
    await app.page.getByTestId('nav-settings').click()
    await app.page.getByTestId('settings-screen').waitFor()
    const form = app.page.getByTestId('credentials-test')
    await form.getByLabel('Account id').fill('T87654321')
    await form.getByLabel('Client id').fill(CLIENT_ID)
    await app.page.getByTestId('secret-test').fill(SECRET)
    await app.page.getByTestId('save-credentials-test').click()
    await eventually(() => app.page.getByTestId('stored-test').textContent()).toContain('yes')

    // Main has it, in the secret store only.
    expect(harness.secrets.get('dintero.test.client_secret')).toBe(SECRET)
    const rows = harness.db.prepare('SELECT value FROM settings').all()
    expect(JSON.stringify(rows)).not.toContain(SECRET)

    // The page sent it once; nothing main sent back contains it or the client id.
    expect(frames.sent.some((f) => f.includes(SECRET))).toBe(true)
    expect(frames.received.length).toBeGreaterThan(0)
    for (const f of frames.received) {
      expect(f).not.toContain(SECRET)
      expect(f).not.toContain(CLIENT_ID)
    }
    const html = await app.page.content()
    expect(html).not.toContain(SECRET)
    const strings = await pageStrings(app.page)
    expect(strings.length).toBeGreaterThan(100)
    expect(strings.filter((s) => s.includes(SECRET) || s.includes(CLIENT_ID))).toEqual([])
    // Nor in the log file.
    const { readFileSync } = await import('node:fs')
    expect(readFileSync(`${harness.dataDir}/kravia-batch.log`, 'utf8')).not.toContain(SECRET)

    // The environment can now be switched to Test and back; the top bar's badge follows.
    const env = async () => {
      const r = await callApi(app.page, 'settings:get', {})
      return r.ok ? r.value.environment : null
    }
    const badge = () => app.page.getByTestId('env-badge').first().getAttribute('data-env')
    await app.page.getByTestId('env-test').click()
    await eventually(env).toBe('test')
    await eventually(badge).toBe('test')
    await app.page.getByTestId('env-sandbox').click()
    await eventually(env).toBe('sandbox')
    await eventually(badge).toBe('sandbox')
    app.assertClean()
  })

  it('tests the connection to the built-in sandbox, saves defaults and switches language', async () => {
    const app = await harness.open(browser, { locale: 'en-GB' })
    await app.page.getByTestId('nav-settings').click()
    await app.page.getByTestId('test-connection-sandbox').click()
    await eventually(() => app.page.getByTestId('connection-result-sandbox').textContent(), {
      timeout: 15_000,
    }).toMatch(/Connected to Sandbox as T12345678/)
    await app.page.getByTestId('days-until-due').fill('21')
    await app.page.getByTestId('save-defaults').click()
    await eventually(async () => (await callApi(app.page, 'settings:get', {})).ok).toBe(true)
    await eventually(async () => {
      const r = await callApi(app.page, 'settings:get', {})
      return r.ok ? r.value.defaults.daysUntilDue : null
    }).toBe(21)
    // Keyboard: the language radios are reachable and switch the whole UI.
    await app.page.getByTestId('lang-nb').focus()
    await app.page.keyboard.press('Space')
    await app.page.getByRole('heading', { name: 'Innstillinger' }).waitFor()
    const saved = await callApi(app.page, 'settings:get', {})
    expect(saved.ok && saved.value.language).toBe('nb')
    // The screen scrolled to the language section; shoot it from the top.
    await app.page.evaluate("for (const e of document.querySelectorAll('*')) e.scrollTop = 0")
    for (const scheme of ['light', 'dark'] as const) {
      await app.page.emulateMedia({ colorScheme: scheme })
      await app.screenshot(`screens/settings-${scheme}`)
    }
    app.assertClean()
  })

  it('refuses production credentials on a machine without a secure store, and says so', async () => {
    const insecure = await startHarness({
      locale: 'en-GB',
      secrets: new MemorySecretStore({ secure: false, backend: 'basic_text' }),
    })
    try {
      const app = await insecure.open(browser, { locale: 'en-GB' })
      await app.page.getByTestId('nav-settings').click()
      await eventually(() => app.page.getByTestId('secure-store').textContent()).toContain(
        'plain-text storage only',
      )
      expect(await app.page.getByTestId('save-credentials-production').isDisabled()).toBe(true)
      const r = await callApi(app.page, 'settings:saveCredentials', {
        environment: 'production',
        accountId: 'P12345678',
        clientId: 'x',
        clientSecret: SECRET,
      })
      expect(r).toMatchObject({ ok: false, error: { code: 'insecure_secret_store' } })
      expect(insecure.secrets.get('dintero.production.client_secret')).toBeNull()
    } finally {
      await insecure.close()
    }
  })
})
