import { type EnvironmentKind, FROM_ORG_NUMBER, type RunDefaults } from '../../shared/contract'
import { AppError } from '../../shared/errors'
import type { FeatureToggle } from '../../shared/kravia'

/**
 * Pure rules for the settings screen: defaults, account ids, callback URLs and the duplicate
 * toggle. Kept apart from storage so they are unit-tested without SQLite.
 */

export const DEFAULT_RUN_DEFAULTS: RunDefaults = {
  daysUntilDue: 14,
  productType: FROM_ORG_NUMBER,
  invoiceChannel: 'kravia',
  callbackUrl: '',
  // Placeholders: the store reads the pace per environment (the engine's defaults until saved).
  rate: 5,
  concurrency: 4,
  toggle: 'strict-success-merchant-reference',
  businessDayDue: true,
  // A placeholder too: per environment, see backgroundRefreshDefault.
  backgroundRefresh: false,
}

/** Background refresh is on unless the environment is the sandbox (nothing real to wait for). */
export const backgroundRefreshDefault = (env: EnvironmentKind): boolean => env !== 'sandbox'

export const SANDBOX_LABEL = {
  en: 'Sandbox — no real invoices are sent',
  nb: 'Sandkasse — ingen ekte fakturaer sendes',
}

/** Dintero account ids: `T` + 8 digits for test, `P` + 8 digits for production. */
export function checkAccountId(env: 'test' | 'production', accountId: string): string {
  const id = accountId.trim()
  const prefix = env === 'test' ? 'T' : 'P'
  if (!new RegExp(`^${prefix}\\d{8}$`).test(id)) {
    throw new AppError(
      'invalid_account',
      `The ${env} account id must be ${prefix} followed by 8 digits, e.g. ${prefix}12345678.`,
      {
        message_nb: `Konto-ID for ${env === 'test' ? 'test' : 'produksjon'} må være ${prefix} og 8 sifre, f.eks. ${prefix}12345678.`,
      },
    )
  }
  return id
}

/** A callback URL, when set, must be https and must not point at this machine (Dintero calls it). */
export function checkCallbackUrl(raw: string): string {
  const value = raw.trim()
  if (value === '') return ''
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new AppError('invalid_callback_url', `The callback URL "${value}" is not a valid URL.`, {
      message_nb: `Callback-URL-en «${value}» er ikke en gyldig URL.`,
    })
  }
  const host = url.hostname.replace(/^\[|\]$/g, '')
  const loopback = host === 'localhost' || host === '::1' || /^127\./.test(host)
  if (url.protocol !== 'https:' || loopback) {
    throw new AppError(
      'invalid_callback_url',
      'The callback URL must start with https:// and not be a local address.',
      {
        message_nb: 'Callback-URL-en må starte med https:// og kan ikke være en lokal adresse.',
      },
    )
  }
  return url.toString()
}

/** Turning duplicate protection off is a sandbox-only choice; real accounts always send a toggle. */
export function effectiveToggle(env: EnvironmentKind, toggle: RunDefaults['toggle']): FeatureToggle | null {
  if (toggle === 'off') return env === 'sandbox' ? null : 'strict-success-merchant-reference'
  return toggle
}

/** Reads stored defaults leniently: a missing or damaged value falls back to the default. */
export function parseDefaults(json: string | undefined): RunDefaults {
  if (!json) return { ...DEFAULT_RUN_DEFAULTS }
  try {
    const stored = JSON.parse(json) as Partial<RunDefaults>
    return { ...DEFAULT_RUN_DEFAULTS, ...stored }
  } catch {
    return { ...DEFAULT_RUN_DEFAULTS }
  }
}
