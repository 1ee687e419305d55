import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  describeBackend,
  SafeStorageSecretStore,
  type SafeStorageLike,
  SECRETS_FILE,
} from '../../../src/main/electron/secrets'
import { openMemoryAppDb } from '../../../src/main/db/store'
import { MemorySecretStore } from '../../support/platform-fakes'
import { createSettingsStore } from '../../../src/main/settings/store'

type Backend = ReturnType<SafeStorageLike['getSelectedStorageBackend']>

/** Stands in for Electron's safeStorage: a reversible transform so the blob is not the plain text. */
function fakeSafeStorage(available = true, backend: Backend = 'gnome_libsecret') {
  const state = { available, backend }
  const storage: SafeStorageLike = {
    isEncryptionAvailable: () => state.available,
    getSelectedStorageBackend: () => state.backend,
    encryptString: (plain) => Buffer.from(`enc:${state.backend}:${Buffer.from(plain).toString('hex')}`),
    decryptString: (blob) => {
      const [tag, backend, hex] = blob.toString().split(':')
      if (tag !== 'enc' || backend !== state.backend) throw new Error('Error while decrypting the ciphertext')
      return Buffer.from(hex, 'hex').toString()
    },
  }
  return { storage, state }
}

describe('safeStorage secret store', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kravia-secrets-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('keeps secrets encrypted on disk, readable only through the store', () => {
    const store = new SafeStorageSecretStore(fakeSafeStorage().storage, dir, 'linux')
    store.set('dintero:T11223344', 'client-secret-æøå')
    store.set('other', 'x')
    const file = join(dir, SECRETS_FILE)
    expect(readFileSync(file, 'utf8')).not.toContain('client-secret')
    expect(store.get('dintero:T11223344')).toBe('client-secret-æøå')
    expect(new SafeStorageSecretStore(fakeSafeStorage().storage, dir, 'linux').get('other')).toBe('x')
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600)
  })

  it('returns null for unknown keys and forgets deleted ones', () => {
    const store = new SafeStorageSecretStore(fakeSafeStorage().storage, dir, 'linux')
    expect(store.get('nope')).toBeNull()
    store.set('k', 'v')
    store.delete('k')
    store.delete('k')
    expect(store.get('k')).toBeNull()
  })

  it('refuses to save when the OS cannot encrypt', () => {
    const store = new SafeStorageSecretStore(fakeSafeStorage(false).storage, dir, 'linux')
    expect(store.isSecure()).toEqual({ secure: false, backend: 'unavailable' })
    expect(() => store.set('k', 'v')).toThrow(expect.objectContaining({ code: 'secrets_unavailable' }))
  })

  it('reports Linux basic_text as not secure', () => {
    const { storage } = fakeSafeStorage(true, 'basic_text')
    expect(describeBackend('linux', storage)).toEqual({ secure: false, backend: 'basic_text' })
    expect(describeBackend('linux', fakeSafeStorage(true, 'kwallet5').storage)).toEqual({
      secure: true,
      backend: 'kwallet5',
    })
    expect(describeBackend('darwin', storage)).toEqual({ secure: true, backend: 'keychain' })
    expect(describeBackend('win32', storage)).toEqual({ secure: true, backend: 'dpapi' })
  })

  it('says so clearly when the keyring changed and a saved secret cannot be decrypted', () => {
    const { storage, state } = fakeSafeStorage(true, 'gnome_libsecret')
    const store = new SafeStorageSecretStore(storage, dir, 'linux')
    store.set('k', 'v')
    state.backend = 'basic_text'
    expect(() => store.get('k')).toThrow(expect.objectContaining({ code: 'secret_unreadable' }))
  })

  it.each([
    ['cut short', '{"version":1,"entries":{"k":{"backend":"gnome'],
    ['not JSON at all', '\u0000\u0000\u0000'],
    ['JSON of the wrong shape', '{"version":1,"entries":["x"]}'],
    ['an entry without its blob', '{"version":1,"entries":{"k":{"backend":"gnome_libsecret"}}}'],
  ])('a damaged file (%s) gives one clear error, in Settings too, and a reset starts over', (_what, text) => {
    const file = join(dir, SECRETS_FILE)
    writeFileSync(file, text)
    const store = new SafeStorageSecretStore(fakeSafeStorage().storage, dir, 'linux')
    expect(() => store.get('k')).toThrow(expect.objectContaining({ code: 'secrets_damaged' }))
    expect(() => store.set('k', 'v')).toThrow(/damaged and cannot be read\. Reset it in Settings/)

    const settings = createSettingsStore(openMemoryAppDb(), store)
    expect(settings.view().secretsProblem).toMatchObject({
      message: expect.stringContaining(file),
      message_nb: expect.stringContaining('skadet'),
    })

    store.reset()
    expect(settings.view().secretsProblem).toBeNull()
    store.set('k', 'new')
    expect(store.get('k')).toBe('new')
    // The damaged file is kept beside it, owner-only, not deleted.
    const aside = readdirSync(dir).filter((f) => f.startsWith(`${SECRETS_FILE}.damaged-`))
    expect(aside).toHaveLength(1)
    expect(readFileSync(join(dir, aside[0]), 'utf8')).toBe(text)
    if (process.platform !== 'win32') expect(statSync(join(dir, aside[0])).mode & 0o777).toBe(0o600)
  })
})

describe('in-memory secret store (tests and harness)', () => {
  it('stores values and can play an insecure or unavailable machine', () => {
    const store = new MemorySecretStore()
    store.set('a', 'b')
    expect(store.get('a')).toBe('b')
    expect(new MemorySecretStore({ secure: false, backend: 'basic_text' }).isSecure().secure).toBe(false)
    expect(() => new MemorySecretStore({ secure: false, backend: 'unavailable' }).set('a', 'b')).toThrow()
  })
})
