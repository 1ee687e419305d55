import { z } from 'zod'
import type { Comparison } from './comparison'
import { returns } from './ipc'
import {
  FEATURE_TOGGLES,
  type FeatureToggle,
  INVOICE_CHANNELS,
  type InvoiceChannel,
  PRODUCT_TYPES,
  type ProductType,
} from './kravia'
import type { PriceBasisSummary } from './price-basis'
import { type BatchState, INVOICE_STATES, type InvoiceState } from './states'

/** The Settings choice that lets each invoice's organisation number decide its customer type. */
export const FROM_ORG_NUMBER = 'from_org_number'

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
  /** Failed, unknown or left-out invoices not yet fixed in a follow-up batch ("fix and retry", failed-rows export). */
  fixable: number
  /** Amounts (øre) per payment bucket, for the history chart. */
  amounts: { paid: number; partPaid: number; unpaid: number; voided: number; failed: number }
  parentId: string | null
  /** When its payments were last read from Dintero (ISO); null before the first refresh. */
  refreshedAt: string | null
}

/** A payments refresh under way: transactions read so far and invoices newly paid in full. */
export interface RefreshProgressView {
  batchId: string
  checked: number
  total: number
  paid: number
  /** Øre, the newly paid invoices' amounts. */
  paidAmount: number
}

/** Something the user should know about a run now, in both languages (main writes both). */
export interface RunNotice {
  /** unreachable: no answer from Dintero at all; outage: mostly errors; transient: invoices left to resume. */
  kind: 'unreachable' | 'outage' | 'transient'
  message: string
  message_nb: string
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
  /** Dintero unreachable or failing, or why the run stopped with invoices left (absent: nothing to say). */
  notice?: RunNotice | null
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
  errors: { id: number | null; reference: string; message: string }[]
}

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

const batchId = z.string().min(1).max(64)
const repeatInput = z
  .object({
    batchId,
    pattern: z.string().min(1).max(200),
    includeVoided: z.boolean().default(false),
    includeFailed: z.boolean().default(false),
    start: z.number().int().min(0).max(1_000_000_000).default(1),
  })
  .strict()
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
  /** The page says whether the window is in the background (a long run's end is then notified). */
  'runs:attention': {
    input: z.object({ background: z.boolean() }).strict(),
    result: returns<{ background: boolean }>(),
  },
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
        /** The report's language: the UI's. */
        lang: z.enum(['nb', 'en']).default('nb'),
        columns: z.enum(['accountant', 'machine']).default('accountant'),
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

const runEvents = {
  /** Batched progress, at most about 10 a second. */
  'runs:progress': returns<RunProgress>(),
  /** Changed rows, batched, with the progress at that moment; the renderer replaces rows by id. */
  'runs:rows': returns<{ batchId: string; rows: RunRow[]; progress?: RunProgress }>(),
  'runs:ended': returns<RunProgress>(),
  /** A payments refresh of the batch, a few times a second while it reads. */
  'batches:refreshProgress': returns<RefreshProgressView>(),
  /** Payments were read in the background and some invoices changed: lists showing them reload. */
  'batches:refreshed': returns<{ batchIds: string[] }>(),
  'settings:changed': returns<SettingsView>(),
} as const
// ─── end runs/batches/settings ──────────────────────────────────────────────────────────────

// ─── import:*, template:*, drafts:*, plan:* — the import half of the desktop UI (screens 1–5) ───
// An import session lives in main (file, read options, mapping, edits, validation); the renderer
// holds only its id and asks for views and pages of rows. Sessions are kept as drafts in SQLite
// so unsaved work survives closing the window.

export interface ReadOverrides {
  encoding?: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252'
  delimiter?: ',' | ';' | '\t' | '|'
  sheet?: string
  headerRow?: number
}

export interface ImportIssueView {
  severity: 'error' | 'warning'
  code: string
  /** Row numbers as the user's spreadsheet program shows them. */
  rows: number[]
  column: string | null
  field: string | null
  value: string | null
  message: string
  message_nb: string
  reference?: string
}

export type ImportStep = 'read' | 'map' | 'review' | 'plan'

/** A preview of a new run based on an earlier batch. */
export interface RepeatPreview {
  invoices: number
  /** Øre. */
  amount: number
  /** Invoices not taken along with these choices, and how many there are of each kind in the batch. */
  left: { voided: number; failed: number }
  available: { voided: number; failed: number }
  /** The first few old → new references. */
  examples: { from: string; to: string }[]
}

export interface ImportSessionInfo {
  sessionId: string
  fileName: string
  /** Where the user left off (a resumed draft continues there). */
  step: ImportStep
  /** Set when this import fixes the failed invoices of an earlier batch. */
  followUpOf: string | null
}

export interface ReadView {
  sessionId: string
  fileName: string
  format: string
  sizeBytes: number
  encoding: string | null
  delimiter: string | null
  sheets: string[]
  sheet: string | null
  headerRow: number
  headers: string[]
  preview: { line: number; cells: (string | null)[] }[]
  issues: ImportIssueView[]
  overrides: ReadOverrides
  decimalComma: boolean
}

export type MatchSource =
  | 'exact'
  | 'synonym'
  | 'fuzzy'
  | 'values'
  | 'remembered'
  | 'user'
  | 'constant'
  | 'none'

export interface MappingFieldView {
  field: string
  label_en: string
  label_nb: string
  note_en: string
  note_nb: string
  column: string | null
  constant: string | null
  /** 0–1; 1 for exact, remembered or chosen by the user. */
  confidence: number
  source: MatchSource
  /** A few values of the matched column, so the user can see the match is right. */
  samples: string[]
  /** What blank or unmapped cells get from Settings (days until due, product type, channel), if anything. */
  defaultValue: string | null
  /** Every invoice needs it (fields with an alternative, like due date for days until due, are not marked). */
  required: boolean
  /** Required and nothing provides it: no column, fixed value or default, nor its alternative. */
  missing: boolean
  /**
   * Price fields with a column: whether the prices are read including or excluding VAT, and
   * whether the header says so (then it cannot be flipped).
   */
  basis?: { basis: 'incl' | 'excl'; stated: boolean }
  /**
   * A rule provides it when nothing else does: `org_number` (customer type: Bedrift with an
   * organisation number, Privat without), `customer_name` (first and last name from the
   * customer-name column on private invoices).
   */
  rule: 'org_number' | 'customer_name' | null
}

/** A choice on the Map screen that was not applied, and why (the field keeps what it had). */
export interface MappingRefusal {
  field: string
  column: string
  message: string
  message_nb: string
  /** `full_name`: the column can be used as the full name instead (split into first and last). */
  offer: 'full_name' | null
}

/** Which VAT basis the prices were read on and from which columns, in words (Review, Plan). */
export type PriceBasisView = Pick<PriceBasisSummary, 'basis' | 'message' | 'message_nb'>

export interface MappingView {
  sessionId: string
  fields: MappingFieldView[]
  headers: string[]
  /** Columns not used by any field. */
  unused: string[]
  /** A remembered mapping for this source was applied. */
  remembered: boolean
  /** What changed since the remembered mapping was saved; null when nothing was remembered. */
  drift: { added: string[]; missing: string[]; renamed: { from: string; to: string }[] } | null
  /** Fields the matcher could not decide (e.g. `MVA`: rate or amount?), with its reason. */
  ambiguous: { field: string; column: string; message: string; message_nb: string }[]
  rowCount: number
  /** Set in the answer to a choice that was refused. */
  refusal?: MappingRefusal
}

export interface ReviewRowView {
  index: number
  line: number
  reference: string
  /** First row of its invoice (the grid draws a separator). */
  first: boolean
  /** On an invoice's first row: its total in øre incl. VAT, when the invoice is valid. */
  invoiceTotal: number | null
  /** Display text per canonical field that has a column. */
  cells: Record<string, string | null>
  issues: ImportIssueView[]
  status: 'ok' | 'warning' | 'error' | 'duplicate'
}

export interface VatLine {
  rate: string
  lines: number
  amount: number
  vatAmount: number
}

export interface ImportSummary {
  sessionId: string
  rows: number
  /** Fields shown as grid columns, in template order. */
  fields: string[]
  /** Which fields are editable per row (they come from a column). */
  editable: string[]
  invoices: number
  invalidInvoices: number
  lines: number
  totalAmount: number
  vatAmount: number
  byVat: VatLine[]
  byProductType: { type: string; invoices: number; amount: number }[]
  priceBasis: PriceBasisView
  /** References already invoiced in an earlier batch (same environment and account). */
  duplicates: { reference: string; batchId: string }[]
  errorRows: number
  warningRows: number
  /** Issues that belong to no row (mapping, file). */
  fileIssues: ImportIssueView[]
  environment: EnvironmentKind
  account: string
}

export interface PlanView {
  sessionId: string
  fileName: string
  environment: EnvironmentKind
  account: string
  invoices: number
  lines: number
  totalAmount: number
  vatAmount: number
  byVat: VatLine[]
  byProductType: { type: string; invoices: number; amount: number }[]
  priceBasis: PriceBasisView
  duplicates: { reference: string; batchId: string }[]
  leftOut: { reference: string; rows: number[]; message: string; message_nb: string }[]
  rate: number
  concurrency: number
  /** Estimated seconds at the configured rate. */
  etaSeconds: number
  /** Production only: what the user must type to confirm. */
  confirmWord: string | null
  followUpOf: string | null
  /** The batch compared with itself and the previous run (warnings only); see docs/comparison.md. */
  comparison: Comparison
  /** The comparison's findings as sentences in both languages. */
  comparisonWarnings: ImportIssueView[]
  /** Invoices whose due date moves to the next business day (as if sent today). */
  dueMoved: ImportIssueView[]
  /** Invoices the user left out on this screen: not sent; they can be taken back in. */
  leftOutByUser: { reference: string; rows: number[] }[]
  /** File-level notices worth reading before sending (e.g. customer types decided by the org number). */
  notices: ImportIssueView[]
}

export interface DraftSummary {
  sessionId: string
  fileName: string
  step: ImportStep
  updatedAt: string
  followUpOf: string | null
  /** The file is gone or changed since the draft was saved; the draft can only be discarded. */
  stale: boolean
}

const sessionId = z.string().min(1).max(64)
const readOverridesSchema = z
  .object({
    encoding: z.enum(['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252']).optional(),
    delimiter: z.enum([',', ';', '\t', '|']).optional(),
    sheet: z.string().max(300).optional(),
    headerRow: z.number().int().min(1).max(1000).optional(),
  })
  .strict()

const importRequests = {
  /** Native open dialog in main; null when the user cancelled. */
  'import:openDialog': { input: z.object({}).strict(), result: returns<ImportSessionInfo | null>() },
  /** A path the page obtained from a drop (preload's webUtils) or a recent file. */
  'import:openPath': {
    input: z.object({ path: z.string().min(1).max(4096) }).strict(),
    result: returns<ImportSessionInfo>(),
  },
  /** "Fix and retry": the failed invoices of a batch as a new import linked as its follow-up. */
  'import:openFailed': { input: z.object({ batchId }).strict(), result: returns<ImportSessionInfo>() },
  /** What "a new run based on this batch" would hold with these choices (or why it cannot be made). */
  'import:repeatPreview': { input: repeatInput, result: returns<RepeatPreview>() },
  /** A new run based on a finished batch: the same customers and lines under new references, on Review. */
  'import:openRepeat': { input: repeatInput, result: returns<ImportSessionInfo>() },
  /** Without `overrides` the session keeps its own (a resumed draft); `{}` goes back to what was detected. */
  'import:read': {
    input: z.object({ sessionId, overrides: readOverridesSchema.optional() }).strict(),
    result: returns<ReadView>(),
  },
  /** Reads the whole table (in the worker, with import:progress) on first call, then matches columns. */
  'import:mapping': { input: z.object({ sessionId }).strict(), result: returns<MappingView>() },
  'import:setMapping': {
    input: z
      .object({
        sessionId,
        field: z.string().min(1).max(64),
        column: z.string().max(1000).nullable(),
        constant: z.string().max(1000).nullable(),
      })
      .strict(),
    result: returns<MappingView>(),
  },
  /** Reads a price column whose header does not say including or excluding VAT on the other basis. */
  'import:setPriceBasis': {
    input: z
      .object({ sessionId, field: z.string().min(1).max(64), basis: z.enum(['incl', 'excl']) })
      .strict(),
    result: returns<MappingView>(),
  },
  'import:validate': { input: z.object({ sessionId }).strict(), result: returns<ImportSummary>() },
  'import:rows': {
    input: z
      .object({
        sessionId,
        problemsOnly: z.boolean().default(false),
        offset: z.number().int().min(0),
        limit: z.number().int().min(1).max(1000),
      })
      .strict(),
    result: returns<{ total: number; offset: number; rows: ReviewRowView[] }>(),
  },
  /** Index (in the same filter) of the next/previous row with a problem, wrapping around. */
  'import:findProblem': {
    input: z
      .object({
        sessionId,
        problemsOnly: z.boolean().default(false),
        from: z.number().int().min(-1),
        direction: z.union([z.literal(1), z.literal(-1)]),
      })
      .strict(),
    result: returns<{ index: number | null }>(),
  },
  /** Changes one cell, revalidates its invoice and returns that invoice's rows and the new totals. */
  'import:editCell': {
    input: z
      .object({
        sessionId,
        line: z.number().int().min(1),
        field: z.string().min(1).max(64),
        value: z.string().max(32_767),
      })
      .strict(),
    result: returns<{ rows: ReviewRowView[]; summary: ImportSummary }>(),
  },
  'import:close': { input: z.object({ sessionId }).strict(), result: returns<{ closed: boolean }>() },
  'plan:get': { input: z.object({ sessionId }).strict(), result: returns<PlanView>() },
  /** Leaves one invoice out of the batch (a possible duplicate), or takes it back in. */
  'plan:leaveOut': {
    input: z.object({ sessionId, reference: z.string().min(1).max(1000), leave: z.boolean() }).strict(),
    result: returns<PlanView>(),
  },
  /** Freezes the plan into a batch (paused, not started); the Run screen starts it. */
  'plan:confirm': {
    input: z
      .object({
        sessionId,
        confirmation: z.string().max(100).default(''),
        canary: z.number().int().min(1).max(1000).nullable().default(null),
      })
      .strict(),
    result: returns<{ batchId: string }>(),
  },
  'template:save': {
    input: z.object({ format: z.enum(['csv', 'xlsx']) }).strict(),
    result: returns<{ path: string | null }>(),
  },
  'drafts:list': { input: z.object({}).strict(), result: returns<DraftSummary[]>() },
  'drafts:resume': { input: z.object({ sessionId }).strict(), result: returns<ImportSessionInfo>() },
  'drafts:discard': { input: z.object({ sessionId }).strict(), result: returns<{ discarded: boolean }>() },
} as const

const importEvents = {
  /** Reading or validating a file: at most a few per second. `total` 0 = not known yet. */
  'import:progress': returns<{
    sessionId: string
    phase: 'reading' | 'validating'
    done: number
    total: number
  }>(),
} as const
// ─── end import/template/drafts/plan ────────────────────────────────────────────────────────

export const requests = {
  ...runRequests,
  ...importRequests,
  'app:info': { input: z.object({}).strict(), result: returns<AppInfo>() },
  'app:ping': {
    input: z.object({ message: z.string().max(200) }).strict(),
    result: returns<{ echo: string; at: string }>(),
  },
  /** Spreadsheets the OS asked the app to open before the page listened ("Open with", a launch). */
  'app:openedFiles': { input: z.object({}).strict(), result: returns<{ paths: string[] }>() },
  /** Update checks of the installed app: the state, and turning the daily check on or off. */
  'app:updates': {
    input: z.object({ enabled: z.boolean().optional() }).strict(),
    result: returns<{ supported: boolean; enabled: boolean; ready: string | null }>(),
  },
  /** Restart into a downloaded update; refused while a batch is being sent. */
  'app:installUpdate': { input: z.object({}).strict(), result: returns<{ installing: boolean }>() },
} as const

export const events = {
  ...runEvents,
  ...importEvents,
  'app:menu': returns<{ action: 'open-file' | 'about' | 'settings' | 'history' | 'start' }>(),
  /** The OS asked the running app to open a spreadsheet (a second launch, "Open with"). */
  'app:openFile': returns<{ path: string }>(),
  /** A new version has been downloaded and waits for the user's word. */
  'app:updateReady': returns<{ version: string }>(),
} as const

export type Requests = typeof requests
export type RequestName = keyof Requests
export type EventName = keyof typeof events
export type InputOf<K extends RequestName> = z.input<Requests[K]['input']>
export type ParsedInputOf<K extends RequestName> = z.output<Requests[K]['input']>
export type ResultOf<K extends RequestName> = Requests[K]['result']
export type EventPayload<E extends EventName> = (typeof events)[E]
