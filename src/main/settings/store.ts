import type { EnvironmentKind, RunDefaults, SettingsView } from '../../shared/contract'
import { AppError } from '../../shared/errors'
import type { Db } from '../db/open'
import type { SecretStore } from '../platform'
import { DEFAULT_SETTINGS } from '../engine/settings'
import type { BatchSettings } from '../journal/types'
import {
  backgroundRefreshDefault,
  checkAccountId,
  checkCallbackUrl,
  effectiveToggle,
  parseDefaults,
} from './values'

/**
 * The app's settings in the `settings` key/value table, and Dintero credentials in the OS secret
 * store. Secrets only leave this module through `credentials()`, which main uses to build a
 * client; the renderer's view says only whether they are stored.
 */

export type RealEnvironment = 'test' | 'production'

export interface Credentials {
  accountId: string
  clientId: string
  clientSecret: string
}

export interface SettingsStore {
  view(): SettingsView
  environment(): EnvironmentKind
  defaults(): RunDefaults
  setEnvironment(env: EnvironmentKind): SettingsView
  saveDefaults(
    defaults: Omit<RunDefaults, 'backgroundRefresh'> & { backgroundRefresh?: boolean },
  ): SettingsView
  setLanguage(language: 'nb' | 'en'): SettingsView
  saveCredentials(env: RealEnvironment, credentials: Credentials): SettingsView
  clearCredentials(env: RealEnvironment): SettingsView
  /** What a new batch in the active environment is sent with (the Plan screen freezes it into the batch). */
  batchSettings(): Partial<BatchSettings>
  /** Main only: the stored credentials for building a Dintero client, or null. */
  credentials(env: RealEnvironment): Credentials | null
}

const KEY = {
  environment: 'environment',
  defaults: 'run_defaults',
  // Rate and concurrency are per environment: the sandbox can go fast, real accounts start slow.
  pace: (env: EnvironmentKind) => `pace.${env}`,
  backgroundRefresh: (env: EnvironmentKind) => `background_refresh.${env}`,
  language: 'language',
  account: (env: RealEnvironment) => `account.${env}`,
  clientId: (env: RealEnvironment) => `dintero.${env}.client_id`,
  clientSecret: (env: RealEnvironment) => `dintero.${env}.client_secret`,
}

const ENVIRONMENTS: readonly EnvironmentKind[] = ['sandbox', 'test', 'production']

export function createSettingsStore(db: Db, secrets: SecretStore): SettingsStore {
  const getStmt = db.prepare('SELECT value FROM settings WHERE key = ?')
  const setStmt = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  )
  const delStmt = db.prepare('DELETE FROM settings WHERE key = ?')
  const get = (key: string) => (getStmt.get(key) as { value: string } | undefined)?.value
  const set = (key: string, value: string) => setStmt.run(key, value)

  const stored = (env: RealEnvironment) => {
    try {
      return Boolean(secrets.get(KEY.clientId(env)) && secrets.get(KEY.clientSecret(env)))
    } catch {
      // An OS store that cannot decrypt any more (keyring reset) reads as "not stored".
      return false
    }
  }

  const environment = (): EnvironmentKind => {
    const value = get(KEY.environment)
    return ENVIRONMENTS.includes(value as EnvironmentKind) ? (value as EnvironmentKind) : 'sandbox'
  }

  const defaults = (): RunDefaults => {
    const env = environment()
    const base = parseDefaults(get(KEY.defaults))
    let pace = { rate: DEFAULT_SETTINGS[env].rate, concurrency: DEFAULT_SETTINGS[env].concurrency }
    try {
      pace = { ...pace, ...(JSON.parse(get(KEY.pace(env)) ?? '{}') as Partial<typeof pace>) }
    } catch {
      // A damaged value falls back to the engine's default for the environment.
    }
    const background = get(KEY.backgroundRefresh(env))
    return {
      ...base,
      rate: pace.rate,
      concurrency: pace.concurrency,
      backgroundRefresh: background === undefined ? backgroundRefreshDefault(env) : background === 'true',
    }
  }

  // A damaged secrets file is said in Settings (with a reset), not hidden as "no credentials".
  const secretsProblem = (): SettingsView['secretsProblem'] => {
    try {
      secrets.get(KEY.clientId('test'))
      return null
    } catch (e) {
      if (e instanceof AppError && e.code === 'secrets_damaged') {
        return { message: e.message, message_nb: e.options.message_nb ?? e.message }
      }
      return null
    }
  }

  const view = (): SettingsView => {
    const language = get(KEY.language)
    const backend = secrets.isSecure()
    return {
      environment: environment(),
      environments: {
        test: { accountId: get(KEY.account('test')) ?? null, credentialsStored: stored('test') },
        production: {
          accountId: get(KEY.account('production')) ?? null,
          credentialsStored: stored('production'),
        },
      },
      secureStore: { secure: backend.secure, backend: backend.backend },
      secretsProblem: secretsProblem(),
      defaults: defaults(),
      language: language === 'nb' || language === 'en' ? language : null,
    }
  }

  const credentials = (env: RealEnvironment): Credentials | null => {
    const accountId = get(KEY.account(env))
    const clientId = secrets.get(KEY.clientId(env))
    const clientSecret = secrets.get(KEY.clientSecret(env))
    if (!accountId || !clientId || !clientSecret) return null
    return { accountId, clientId, clientSecret }
  }

  return {
    view,
    environment,
    defaults,
    credentials,
    batchSettings() {
      const env = environment()
      const d = defaults()
      return {
        rate: d.rate,
        concurrency: d.concurrency,
        toggle: effectiveToggle(env, d.toggle),
        businessDayDue: d.businessDayDue,
        defaults: {
          days_until_due: d.daysUntilDue,
          product_type: d.productType,
          invoice_channel: d.invoiceChannel,
          callback_url: d.callbackUrl || null,
        },
      }
    },
    setEnvironment(env) {
      if (env !== 'sandbox' && !credentials(env)) {
        const name = env === 'test' ? 'Test' : 'Production'
        throw new AppError(
          'credentials_missing',
          `Store the ${name} account's credentials before switching to it.`,
          {
            message_nb: `Lagre kontoopplysningene for ${env === 'test' ? 'Test' : 'Produksjon'} før du bytter til den.`,
          },
        )
      }
      set(KEY.environment, env)
      return view()
    },
    saveDefaults(input) {
      const { rate, concurrency, backgroundRefresh, ...rest } = input
      const callbackUrl = checkCallbackUrl(rest.callbackUrl)
      db.transaction(() => {
        set(KEY.defaults, JSON.stringify({ ...rest, callbackUrl }))
        set(KEY.pace(environment()), JSON.stringify({ rate, concurrency }))
        if (backgroundRefresh !== undefined)
          set(KEY.backgroundRefresh(environment()), String(backgroundRefresh))
      })()
      return view()
    },
    setLanguage(language) {
      set(KEY.language, language)
      return view()
    },
    saveCredentials(env, input) {
      const accountId = checkAccountId(env, input.accountId)
      const backend = secrets.isSecure()
      // On Linux without a keyring Electron falls back to `basic_text`: anyone who can read the
      // data folder could read the secret. Acceptable for a test account, never for production.
      if (env === 'production' && !backend.secure) {
        throw new AppError(
          'insecure_secret_store',
          `This computer offers no secure password store (${backend.backend}), so production credentials cannot be stored.`,
          {
            message_nb: `Denne maskinen har ikke et sikkert passordlager (${backend.backend}), så produksjonsnøkler kan ikke lagres.`,
          },
        )
      }
      secrets.set(KEY.clientId(env), input.clientId.trim())
      secrets.set(KEY.clientSecret(env), input.clientSecret)
      set(KEY.account(env), accountId)
      return view()
    },
    clearCredentials(env) {
      secrets.delete(KEY.clientId(env))
      secrets.delete(KEY.clientSecret(env))
      delStmt.run(KEY.account(env))
      if (environment() === env) set(KEY.environment, 'sandbox')
      return view()
    },
  }
}
