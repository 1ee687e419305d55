import { z } from 'zod'
import { returns } from '../ipc'
import {
  FEATURE_TOGGLES,
  type FeatureToggle,
  INVOICE_CHANNELS,
  type InvoiceChannel,
  PRODUCT_TYPES,
  type ProductType,
} from '../kravia'
import type { EnvironmentKind } from './app'

// Settings as the renderer sees them. Secrets never appear here: the renderer only learns whether
// credentials are stored.

/** The Settings choice that lets each invoice's organisation number decide its customer type. */
export const FROM_ORG_NUMBER = 'from_org_number'

export interface EnvironmentSettings {
  accountId: string | null
  credentialsStored: boolean
}

export interface RunDefaults {
  daysUntilDue: number
  /** The customer type for invoices that give none; `from_org_number`: Bedrift with an org number, else Privat. */
  productType: ProductType | typeof FROM_ORG_NUMBER
  invoiceChannel: InvoiceChannel
  callbackUrl: string
  rate: number
  concurrency: number
  /** Dintero duplicate protection; 'off' only takes effect in the sandbox. */
  toggle: FeatureToggle | 'off'
  /** A due date on a weekend or Norwegian public holiday moves to the next business day. */
  businessDayDue: boolean
  /**
   * Per environment: payments of the last 90 days are read now and then while the app is open.
   * On by default for test and production accounts, off for the sandbox.
   */
  backgroundRefresh: boolean
}

export interface SettingsView {
  environment: EnvironmentKind
  environments: { test: EnvironmentSettings; production: EnvironmentSettings }
  secureStore: { secure: boolean; backend: string }
  /** The saved credentials cannot be read (a damaged file): the message, and Settings offers a reset. */
  secretsProblem?: { message: string; message_nb: string } | null
  defaults: RunDefaults
  language: 'nb' | 'en' | null
}

const envSchema = z.enum(['sandbox', 'test', 'production'])

export const settingsRequests = {
  'settings:get': { input: z.object({}).strict(), result: returns<SettingsView>() },
  'settings:setEnvironment': {
    input: z.object({ environment: envSchema }).strict(),
    result: returns<SettingsView>(),
  },
  'settings:saveDefaults': {
    input: z
      .object({
        daysUntilDue: z.number().int().min(0).max(365),
        productType: z.enum([...PRODUCT_TYPES, FROM_ORG_NUMBER]),
        invoiceChannel: z.enum(INVOICE_CHANNELS),
        callbackUrl: z.string().max(2000),
        rate: z.number().min(0.1).max(1000),
        concurrency: z.number().int().min(1).max(64),
        toggle: z.enum([...FEATURE_TOGGLES, 'off']),
        businessDayDue: z.boolean().default(true),
        /** Left out: the stored choice stays. */
        backgroundRefresh: z.boolean().optional(),
      })
      .strict(),
    result: returns<SettingsView>(),
  },
  'settings:setLanguage': {
    input: z.object({ language: z.enum(['nb', 'en']) }).strict(),
    result: returns<SettingsView>(),
  },
  'settings:saveCredentials': {
    input: z
      .object({
        environment: z.enum(['test', 'production']),
        accountId: z.string().max(20),
        clientId: z.string().min(1).max(500),
        clientSecret: z.string().min(1).max(2000),
      })
      .strict(),
    result: returns<SettingsView>(),
  },
  'settings:clearCredentials': {
    input: z.object({ environment: z.enum(['test', 'production']) }).strict(),
    result: returns<SettingsView>(),
  },
  /** Sets a damaged credentials file aside; the credentials are then entered again. */
  'settings:resetSecrets': { input: z.object({}).strict(), result: returns<SettingsView>() },
  'settings:testConnection': {
    input: z.object({ environment: envSchema }).strict(),
    result: returns<{ ok: boolean; message: string; message_nb: string }>(),
  },
} as const

export const settingsEvents = {
  'settings:changed': returns<SettingsView>(),
} as const
