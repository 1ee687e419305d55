import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { SafeStorage } from 'electron'
import { AppError } from '../../shared/errors'
import type { SecretBackend, SecretStore } from '../platform'

/** The parts of Electron's safeStorage used here (a fake in tests; Electron cannot run on CI). */
export type SafeStorageLike = Pick<
  SafeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'
>

export const SECRETS_FILE = 'secrets.json'
// Tagged so the scheme can change later without guessing what an old blob is.
const TAG = '$ss1:'

interface SecretsFile {
  version: 1
  entries: Record<string, { backend: string; blob: string }>
}

/**
 * What protects secrets on this machine. On Linux without a keyring Electron falls back to
 * `basic_text`: the blob is then only obfuscated with a fixed key, so it is reported as not secure.
 */
export function describeBackend(platform: NodeJS.Platform, safeStorage: SafeStorageLike): SecretBackend {
  if (!safeStorage.isEncryptionAvailable()) return { secure: false, backend: 'unavailable' }
  if (platform === 'darwin') return { secure: true, backend: 'keychain' }
  if (platform === 'win32') return { secure: true, backend: 'dpapi' }
  const backend = safeStorage.getSelectedStorageBackend()
  return { secure: backend !== 'basic_text' && backend !== 'unknown', backend }
}

const unreadable = (key: string) =>
  new AppError('secret_unreadable', `The saved secret ${key} can no longer be decrypted; enter it again.`, {
    message_nb: `Den lagrede hemmeligheten ${key} kan ikke lenger dekrypteres; skriv den inn på nytt.`,
  })

/** The secrets file cannot be read at all (cut short, edited by hand, overwritten by another tool). */
export const damaged = (file: string) =>
  new AppError(
    'secrets_damaged',
    `The file that keeps the saved credentials (${file}) is damaged and cannot be read. Reset it in Settings, then enter the credentials again.`,
    {
      message_nb: `Filen med de lagrede nøklene (${file}) er skadet og kan ikke leses. Tilbakestill den i Innstillinger, og skriv inn nøklene på nytt.`,
    },
  )

/** Secrets encrypted with safeStorage, kept as tagged blobs in `<dataDir>/secrets.json` (mode 600). */
export class SafeStorageSecretStore implements SecretStore {
  private readonly file: string

  constructor(
    private readonly safeStorage: SafeStorageLike,
    private readonly dataDir: string,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {
    this.file = join(dataDir, SECRETS_FILE)
  }

  isSecure(): SecretBackend {
    return describeBackend(this.platform, this.safeStorage)
  }

  set(key: string, value: string): void {
    const { backend } = this.isSecure()
    if (backend === 'unavailable') {
      throw new AppError(
        'secrets_unavailable',
        'This computer cannot encrypt secrets, so the secret was not saved.',
        {
          message_nb: 'Denne datamaskinen kan ikke kryptere hemmeligheter, så hemmeligheten ble ikke lagret.',
        },
      )
    }
    const data = this.read()
    data.entries[key] = { backend, blob: TAG + this.safeStorage.encryptString(value).toString('base64') }
    this.write(data)
  }

  get(key: string): string | null {
    const entry = this.read().entries[key]
    if (!entry) return null
    // A blob written under another backend (keyring added or removed) cannot be decrypted now.
    if (!entry.blob.startsWith(TAG) || entry.backend !== this.isSecure().backend) throw unreadable(key)
    try {
      return this.safeStorage.decryptString(Buffer.from(entry.blob.slice(TAG.length), 'base64'))
    } catch {
      throw unreadable(key)
    }
  }

  delete(key: string): void {
    const data = this.read()
    if (!(key in data.entries)) return
    delete data.entries[key]
    this.write(data)
  }

  /**
   * Moves a damaged secrets file aside (kept as `secrets.json.damaged-<time>`, owner-only) so new
   * credentials can be saved; the old ones must be entered again.
   */
  reset(): void {
    if (!existsSync(this.file)) return
    const aside = `${this.file}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`
    renameSync(this.file, aside)
    chmodSync(aside, 0o600)
  }

  private read(): SecretsFile {
    if (!existsSync(this.file)) return { version: 1, entries: {} }
    let parsed: unknown
    try {
      parsed = JSON.parse(readFileSync(this.file, 'utf8'))
    } catch {
      throw damaged(this.file)
    }
    const entries = (parsed as Partial<SecretsFile> | null)?.entries
    if (!entries || typeof entries !== 'object' || Array.isArray(entries)) throw damaged(this.file)
    for (const e of Object.values(entries)) {
      if (!e || typeof e.blob !== 'string' || typeof e.backend !== 'string') throw damaged(this.file)
    }
    return { version: 1, entries }
  }

  private write(data: SecretsFile): void {
    mkdirSync(this.dataDir, { recursive: true })
    // Write-then-rename: a crash mid-write must not destroy the other saved secrets.
    const tmp = `${this.file}.tmp`
    writeFileSync(tmp, JSON.stringify(data, null, 2), { mode: 0o600 })
    renameSync(tmp, this.file)
    chmodSync(this.file, 0o600)
  }
}
