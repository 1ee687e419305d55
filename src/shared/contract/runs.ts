import { z } from 'zod'
import { returns } from '../ipc'
import type { BatchState, InvoiceState } from '../states'
import type { EnvironmentKind } from './app'
import { batchId } from './fields'

// A batch being sent and the invoices in it, as the renderer sees them: progress, the run grid's
// rows, and the actions (void, capture) on a selection of them.

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
  /** Failed, unknown or left-out invoices not yet fixed in a follow-up batch (the failed-rows export). */
  fixable: number
  /**
   * Of those, what "fix and retry" can really send again: failed or unknown invoices, and left-out
   * invoices with a reference; not rows that belong to no invoice, nor invoices already invoiced.
   */
  resendable: number
  /** Amounts (øre) per payment bucket, for the history chart. */
  amounts: { paid: number; partPaid: number; unpaid: number; voided: number; failed: number }
  parentId: string | null
  /** When its payments were last read from Dintero (ISO); null before the first refresh. */
  refreshedAt: string | null
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

const selectionSchema = z.union([
  z.object({ all: z.literal(true) }).strict(),
  z.object({ ids: z.array(z.number().int().positive()).min(1).max(200_000) }).strict(),
])

export const runsRequests = {
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
} as const

export const runsEvents = {
  /** Batched progress, at most about 10 a second. */
  'runs:progress': returns<RunProgress>(),
  /** Changed rows, batched, with the progress at that moment; the renderer replaces rows by id. */
  'runs:rows': returns<{ batchId: string; rows: RunRow[]; progress?: RunProgress }>(),
  'runs:ended': returns<RunProgress>(),
} as const
