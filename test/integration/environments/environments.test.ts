import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openAppDb } from '../../../src/main/db/store'
import { createConnector, SANDBOX_FILE, secretStoreCredentials } from '../../../src/main/environments/connect'
import { realConnectors } from '../../../src/main/environments/connectors'
import { createEnvironments } from '../../../src/main/environments/environments'
import { silentLogger } from '../../../src/main/log'
import { MemorySecretStore } from '../../support/platform-fakes'
import { createSettingsStore } from '../../../src/main/settings/store'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'kb-env-'))
  const db = openAppDb(dir)
  const settings = createSettingsStore(db, new MemorySecretStore())
  const connector = createConnector({
    dataDir: dir,
    credentials: secretStoreCredentials(settings),
    ...realConnectors,
  })
  const envs = createEnvironments({ settings, log: silentLogger, connector })
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  cleanups.push(() => {
    db.close()
  })
  cleanups.push(() => envs.close())
  return { dir, settings, envs }
}

describe('environments', () => {
  it('starts the sandbox on a loopback port with its file in the data dir, and connects to it', async () => {
    const { dir, envs } = setup()
    const conn = await envs.active()
    expect(conn.kind).toBe('sandbox')
    expect(conn.label.en).toBe('Sandbox — no real invoices are sent')
    expect(conn.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(existsSync(join(dir, SANDBOX_FILE))).toBe(true)
    expect(await envs.testConnection('sandbox')).toMatchObject({
      ok: true,
      message: 'Connected to Sandbox as T12345678.',
    })
    // One sandbox per app: a second connection reuses it.
    expect((await envs.forKind('sandbox')).baseUrl).toBe(conn.baseUrl)
    await envs.close()
    await expect(fetch(`${conn.baseUrl}/__sandbox/transactions`)).rejects.toThrow()
  })

  it('refuses a real environment without credentials, and a batch sent with another account', async () => {
    const { settings, envs } = setup()
    await expect(envs.forKind('test')).rejects.toThrow(/No credentials are stored for the Test environment/)
    expect(await envs.testConnection('production')).toMatchObject({ ok: false })
    settings.saveCredentials('test', { accountId: 'T11111111', clientId: 'c', clientSecret: 's' })
    const conn = await envs.forKind('test')
    expect(conn.baseUrl).toBe('https://checkout.dintero.com')
    expect(conn.accountId).toBe('T11111111')
    await expect(envs.forBatch({ env: 'test', account: 'T22222222' })).rejects.toThrow(
      /sent with account T22222222, but the stored test credentials are for T11111111/,
    )
  })

  it('sends without a duplicate toggle only when the sandbox is asked to', async () => {
    const { settings, envs } = setup()
    settings.saveDefaults({ ...settings.defaults(), toggle: 'off' })
    expect((await envs.forKind('sandbox')).toggle).toBeNull()
    settings.saveCredentials('test', { accountId: 'T11111111', clientId: 'c', clientSecret: 's' })
    expect((await envs.forKind('test')).toggle).toBe('strict-success-merchant-reference')
  })
})
