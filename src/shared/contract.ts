import { z } from 'zod'
import { returns } from './ipc'
import {
  FEATURE_TOGGLES,
  type FeatureToggle,
  INVOICE_CHANNELS,
  type InvoiceChannel,
  PRODUCT_TYPES,
  type ProductType,
} from './kravia'
import { type BatchState, INVOICE_STATES, type InvoiceState } from './states'

/**
 * The one place that declares every main↔renderer operation and push event.
 * Channels are `area:verb`. The preload, the test bridge, the main-process dispatcher and the
 * renderer's `window.api` type are all derived from these two objects.
 */

export type EnvironmentKind = 'sandbox' | 'test' | 'production'

export interface AppInfo {
  name: string
  version: string
  environment: EnvironmentKind
  account: string
  dataDir: string
  locale: string
  theme: 'light' | 'dark'
}

// ─── runs:*, batches:*, settings:* — the run half of the desktop UI (screens 6–8) ─────────────
// Types the renderer sees for runs, history and settings. Secrets never appear here: the renderer
// only learns whether credentials are stored.

export type RunInvoiceState = InvoiceState
export type RunBatchState = BatchState
export type StateCounts = Partial<Record<RunInvoiceState, number>>

/** One invoice as the run grid shows it (kept small: a 100k-row batch pages these from main). */
export interface RunRow {
  id: number
  reference: string
  customer: string
  amount: number
  state: RunInvoiceState
  invoiceNumber: string | null
  channel: 'kravia' | 'merchant'
  error: string | null
  /** A follow-up batch that re-sends this invoice after a fix. */
  supersededBy: string | null
}

export interface BatchSummary {
  id: string
  state: RunBatchState
  /** Why a paused batch waits: 'new' (planned, not started), 'user', 'canary', 'auth', … */
  pauseReason: string | null
  environment: EnvironmentKind
  account: string
  sourceName: string
  createdAt: string
  finishedAt: string | null
  total: number
  totalAmount: number
  counts: StateCounts
  /** Amounts (øre) per payment bucket, for the history chart. */
  amounts: { paid: number; partPaid: number; unpaid: number; voided: number; failed: number }
  parentId: string | null
}

export interface RunProgress {
  batchId: string
  state: RunBatchState
  pauseReason: string | null
  total: number
  done: number
  failed: number
  counts: StateCounts
  /** Requests per second over the last few seconds. */
  rate: number
  /** Seconds left, null while unknown. */
  etaSeconds: number | null
}

export interface InvoiceAttempt {
  at: string
  durationMs: number | null
  httpStatus: number | null
  code: string | null
  message: string | null
  transactionId: string | null
  kind: string | null
}

export interface InvoiceDetail {
  row: RunRow
  sourceRows: number[]
  request: unknown
  attempts: InvoiceAttempt[]
  transactionId: string | null
  kid: string | null
  account: string | null
  dueDate: string | null
  invoiceUrl: string | null
}

export type Selection = { all: true } | { ids: number[] }

export interface SelectionPreview {
  count: number
  amount: number
  ids: number[]
}

export interface ActionOutcome {
  done: number
  failed: number
  errors: { id: number; reference: string; message: string }[]
}

export interface EnvironmentSettings {
  accountId: string | null
  credentialsStored: boolean
}

export interface RunDefaults {
  daysUntilDue: number
  productType: ProductType
  invoiceChannel: InvoiceChannel
  callbackUrl: string
  rate: number
  concurrency: number
  /** Dintero duplicate protection; 'off' only takes effect in the sandbox. */
  toggle: FeatureToggle | 'off'
}

export interface SettingsView {
  environment: EnvironmentKind
  environments: { test: EnvironmentSettings; production: EnvironmentSettings }
  secureStore: { secure: boolean; backend: string }
  defaults: RunDefaults
  language: 'nb' | 'en' | null
}

const batchId = z.string().min(1).max(64)
const invoiceStateSchema = z.enum(INVOICE_STATES)
const selectionSchema = z.union([
  z.object({ all: z.literal(true) }).strict(),
  z.object({ ids: z.array(z.number().int().positive()).min(1).max(200_000) }).strict(),
])
const envSchema = z.enum(['sandbox', 'test', 'production'])

const runRequests = {
  'runs:start': { input: z.object({ batchId }).strict(), result: returns<RunProgress>() },
  'runs:pause': { input: z.object({ batchId }).strict(), result: returns<RunProgress>() },
  'runs:resume': { input: z.object({ batchId }).strict(), result: returns<RunProgress>() },
  'runs:cancel': { input: z.object({ batchId }).strict(), result: returns<RunProgress>() },
  'runs:progress': { input: z.object({ batchId }).strict(), result: returns<RunProgress>() },
  /** Unfinished batches (running or paused) the app offers to resume on start. */
  'runs:unfinished': { input: z.object({}).strict(), result: returns<BatchSummary[]>() },
  'runs:previewVoid': {
    input: z.object({ batchId, selection: selectionSchema }).strict(),
    result: returns<SelectionPreview>(),
  },
  'runs:void': {
    input: z.object({ batchId, ids: z.array(z.number().int().positive()).min(1).max(200_000) }).strict(),
    result: returns<ActionOutcome>(),
  },
  'runs:previewCapture': {
    input: z.object({ batchId, selection: selectionSchema }).strict(),
    result: returns<SelectionPreview>(),
  },
  'runs:capture': {
    input: z.object({ batchId, ids: z.array(z.number().int().positive()).min(1).max(200_000) }).strict(),
    result: returns<ActionOutcome>(),
  },
  'batches:list': { input: z.object({}).strict(), result: returns<BatchSummary[]>() },
  'batches:get': { input: z.object({ batchId }).strict(), result: returns<BatchSummary>() },
  /** A window of the batch's invoices for the virtualised grid (offset paging lets it jump anywhere). */
  'batches:rows': {
    input: z
      .object({
        batchId,
        state: invoiceStateSchema.optional(),
        search: z.string().max(200).optional(),
        offset: z.number().int().min(0),
        limit: z.number().int().min(1).max(1000),
      })
      .strict(),
    result: returns<{ total: number; offset: number; rows: RunRow[] }>(),
  },
  'batches:invoice': {
    input: z.object({ batchId, invoiceId: z.number().int().positive() }).strict(),
    result: returns<InvoiceDetail>(),
  },
  /** Main looks the URL up itself, so the page can never ask to open an arbitrary link. */
  'batches:openInvoice': {
    input: z.object({ batchId, invoiceId: z.number().int().positive() }).strict(),
    result: returns<{ opened: boolean }>(),
  },
  'batches:refresh': { input: z.object({ batchId }).strict(), result: returns<BatchSummary>() },
  'batches:export': {
    input: z
      .object({
        batchId,
        format: z.enum(['csv', 'xlsx']),
        failedOnly: z.boolean().default(false),
        delimiter: z.enum([',', ';']).default(';'),
      })
      .strict(),
    result: returns<{ path: string | null; rows: number }>(),
  },
  'settings:get': { input: z.object({}).strict(), result: returns<SettingsView>() },
  'settings:setEnvironment': {
    input: z.object({ environment: envSchema }).strict(),
    result: returns<SettingsView>(),
  },
  'settings:saveDefaults': {
    input: z
      .object({
        daysUntilDue: z.number().int().min(0).max(365),
        productType: z.enum(PRODUCT_TYPES),
        invoiceChannel: z.enum(INVOICE_CHANNELS),
        callbackUrl: z.string().max(2000),
        rate: z.number().min(0.1).max(1000),
        concurrency: z.number().int().min(1).max(64),
        toggle: z.enum([...FEATURE_TOGGLES, 'off']),
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
  'settings:testConnection': {
    input: z.object({ environment: envSchema }).strict(),
    result: returns<{ ok: boolean; message: string; message_nb: string }>(),
  },
} as const

const runEvents = {
  /** Batched progress, at most about 10 a second. */
  'runs:progress': returns<RunProgress>(),
  /** Changed rows, batched; the renderer replaces rows by id. */
  'runs:rows': returns<{ batchId: string; rows: RunRow[] }>(),
  'runs:ended': returns<RunProgress>(),
  'settings:changed': returns<SettingsView>(),
} as const
// ─── end runs/batches/settings ──────────────────────────────────────────────────────────────

export const requests = {
  ...runRequests,
  'app:info': { input: z.object({}).strict(), result: returns<AppInfo>() },
  'app:ping': {
    input: z.object({ message: z.string().max(200) }).strict(),
    result: returns<{ echo: string; at: string }>(),
  },
} as const

export const events = {
  ...runEvents,
  'app:menu': returns<{ action: 'open-file' | 'about' | 'settings' | 'history' | 'start' }>(),
} as const

export type Requests = typeof requests
export type RequestName = keyof Requests
export type EventName = keyof typeof events
export type InputOf<K extends RequestName> = z.input<Requests[K]['input']>
export type ParsedInputOf<K extends RequestName> = z.output<Requests[K]['input']>
export type ResultOf<K extends RequestName> = Requests[K]['result']
export type EventPayload<E extends EventName> = (typeof events)[E]
