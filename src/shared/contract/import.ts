import { z } from 'zod'
import { returns } from '../ipc'
import { batchId, sessionId } from './fields'

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

export interface DraftSummary {
  sessionId: string
  fileName: string
  step: ImportStep
  updatedAt: string
  followUpOf: string | null
  /** The file is gone or changed since the draft was saved; the draft can only be discarded. */
  stale: boolean
}

const repeatInput = z
  .object({
    batchId,
    pattern: z.string().min(1).max(200),
    includeVoided: z.boolean().default(false),
    includeFailed: z.boolean().default(false),
    start: z.number().int().min(0).max(1_000_000_000).default(1),
  })
  .strict()
const readOverridesSchema = z
  .object({
    encoding: z.enum(['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252']).optional(),
    delimiter: z.enum([',', ';', '\t', '|']).optional(),
    sheet: z.string().max(300).optional(),
    headerRow: z.number().int().min(1).max(1000).optional(),
  })
  .strict()

export const importRequests = {
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
  'import:close': { input: z.object({ sessionId }).strict(), result: returns<{ closed: boolean }>() },
  'template:save': {
    input: z.object({ format: z.enum(['csv', 'xlsx']) }).strict(),
    result: returns<{ path: string | null }>(),
  },
  'drafts:list': { input: z.object({}).strict(), result: returns<DraftSummary[]>() },
  'drafts:resume': { input: z.object({ sessionId }).strict(), result: returns<ImportSessionInfo>() },
  'drafts:discard': { input: z.object({ sessionId }).strict(), result: returns<{ discarded: boolean }>() },
} as const

export const importEvents = {
  /** Reading or validating a file: at most a few per second. `total` 0 = not known yet. */
  'import:progress': returns<{
    sessionId: string
    phase: 'reading' | 'validating'
    done: number
    total: number
  }>(),
} as const
