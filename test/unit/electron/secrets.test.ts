import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  describeBackend,
  SafeStorageSecretStore,
  type SafeStorageLike,
  SECRETS_FILE,
} from '../../../src/main/electron/secrets'
import { MemorySecretStore } from '../../../src/main/platform-fakes'

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
