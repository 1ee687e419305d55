import { describe, expect, it } from 'vitest'
import { openMemoryAppDb } from '../../../src/main/db/store'
import { MemorySecretStore } from '../../support/platform-fakes'
import { createSettingsStore } from '../../../src/main/settings/store'
import { checkCallbackUrl, effectiveToggle } from '../../../src/main/settings/values'

const SECRET = 'very-secret-value-123'

function setup(backend = { secure: true, backend: 'keychain' }) {
  const db = openMemoryAppDb()
  const secrets = new MemorySecretStore(backend)
  return { db, secrets, store: createSettingsStore(db, secrets) }
}

describe('settings store', () => {
  it('starts in the sandbox with conservative defaults and nothing stored', () => {
    const { store } = setup()
    const v = store.view()
    expect(v.environment).toBe('sandbox')
    expect(v.environments.test).toEqual({ accountId: null, credentialsStored: false })
    expect(v.defaults.toggle).toBe('strict-success-merchant-reference')
    expect(v.language).toBeNull()
  })

  it('keeps credentials in the secret store only, and the view says just "stored"', () => {
    const { db, secrets, store } = setup()
    const v = store.saveCredentials('test', { accountId: 'T12345678', clientId: 'cid', clientSecret: SECRET })
    expect(v.environments.test).toEqual({ accountId: 'T12345678', credentialsStored: true })
    expect(JSON.stringify(v)).not.toContain(SECRET)
    expect(JSON.stringify(v)).not.toContain('cid')
    const rows = db.prepare('SELECT key, value FROM settings').all()
    expect(JSON.stringify(rows)).not.toContain(SECRET)
    expect(secrets.keys().sort()).toEqual(['dintero.test.client_id', 'dintero.test.client_secret'])
    expect(store.credentials('test')).toEqual({
      accountId: 'T12345678',
      clientId: 'cid',
      clientSecret: SECRET,
    })
  })

  it('refuses production secrets when the OS store is basic_text, but allows a test account', () => {
    const { secrets, store } = setup({ secure: false, backend: 'basic_text' })
    expect(() =>
      store.saveCredentials('production', { accountId: 'P12345678', clientId: 'c', clientSecret: SECRET }),
    ).toThrow(/no secure password store \(basic_text\)/)
    expect(secrets.keys()).toEqual([])
    expect(store.view().secureStore).toEqual({ secure: false, backend: 'basic_text' })
    store.saveCredentials('test', { accountId: 'T12345678', clientId: 'c', clientSecret: SECRET })
    expect(store.view().environments.test.credentialsStored).toBe(true)
  })

  it('checks account ids against the environment', () => {
    const { store } = setup()
    expect(() =>
      store.saveCredentials('test', { accountId: 'P12345678', clientId: 'c', clientSecret: 's' }),
    ).toThrow(/T followed by 8 digits/)
    expect(() =>
      store.saveCredentials('production', { accountId: 'P1234', clientId: 'c', clientSecret: 's' }),
    ).toThrow(/P followed by 8 digits/)
  })

  it('switches environment only with credentials, and falls back to the sandbox when they are removed', () => {
    const { store } = setup()
    expect(() => store.setEnvironment('test')).toThrow(/Store the Test account/)
    store.saveCredentials('test', { accountId: 'T12345678', clientId: 'c', clientSecret: 's' })
    expect(store.setEnvironment('test').environment).toBe('test')
    const v = store.clearCredentials('test')
    expect(v.environment).toBe('sandbox')
    expect(v.environments.test).toEqual({ accountId: null, credentialsStored: false })
  })

  it('saves defaults and language, rejecting a non-https callback', () => {
    const { store } = setup()
    const d = { ...store.defaults(), daysUntilDue: 30, rate: 5, callbackUrl: 'https://example.no/cb' }
    expect(store.saveDefaults(d).defaults).toMatchObject({
      daysUntilDue: 30,
      rate: 5,
      callbackUrl: 'https://example.no/cb',
    })
    expect(() => store.saveDefaults({ ...d, callbackUrl: 'http://example.no' })).toThrow(/https/)
    expect(() => checkCallbackUrl('https://127.0.0.1/cb')).toThrow(/local address/)
    expect(store.setLanguage('en').language).toBe('en')
  })

  it('sends no duplicate toggle only in the sandbox', () => {
    expect(effectiveToggle('sandbox', 'off')).toBeNull()
    expect(effectiveToggle('production', 'off')).toBe('strict-success-merchant-reference')
    expect(effectiveToggle('test', 'strict-merchant-reference')).toBe('strict-merchant-reference')
  })
})

describe('pace per environment', () => {
  it('uses the engine defaults per environment until saved, and saves pace for the active environment only', () => {
    const { store } = setup()
    const sandbox = store.defaults()
    expect(sandbox.rate).toBe(50)
    store.saveDefaults({ ...sandbox, rate: 20, concurrency: 8 })
    expect(store.defaults()).toMatchObject({ rate: 20, concurrency: 8 })
    store.saveCredentials('test', { accountId: 'T12345678', clientId: 'c', clientSecret: 's' })
    store.setEnvironment('test')
    expect(store.defaults()).toMatchObject({ rate: 5, concurrency: 4 })
    expect(store.batchSettings()).toMatchObject({ rate: 5, toggle: 'strict-success-merchant-reference' })
  })
})
