import { z } from 'zod'
import { returns } from '../ipc'
import type { PriceBasisSummary } from '../price-basis'
import type { EnvironmentKind } from './app'
import { sessionId } from './fields'
import type { ImportIssueView } from './import'

// The Review step: the validated rows page by page, totals, and single-cell edits.

/** Which VAT basis the prices were read on and from which columns, in words (Review, Plan). */
export type PriceBasisView = Pick<PriceBasisSummary, 'basis' | 'message' | 'message_nb'>

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

export const reviewRequests = {
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
} as const
