import { z } from 'zod'
import { returns } from '../ipc'
import { INVOICE_STATES } from '../states'
import { batchId } from './fields'
import type { BatchSummary, RunRow } from './runs'

// Batches after the fact: history, one invoice's detail, payments refresh and reports.

/** A payments refresh under way: transactions read so far and invoices newly paid in full. */
export interface RefreshProgressView {
  batchId: string
  checked: number
  total: number
  paid: number
  /** Øre, the newly paid invoices' amounts. */
  paidAmount: number
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

const invoiceStateSchema = z.enum(INVOICE_STATES)

export const batchesRequests = {
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
} as const

export const batchesEvents = {
  /** A payments refresh of the batch, a few times a second while it reads. */
  'batches:refreshProgress': returns<RefreshProgressView>(),
  /** Payments were read in the background and some invoices changed: lists showing them reload. */
  'batches:refreshed': returns<{ batchIds: string[] }>(),
} as const
