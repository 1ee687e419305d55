import type { PriceBasisSummary } from '../../shared/price-basis'
import type { CanonicalField } from '../../shared/canonical'
import type { InvoiceChannel, PayRequest, ProductType } from '../../shared/kravia'
import type { IssueCode } from './messages'

export type Severity = 'error' | 'warning'

/** One finding, as the CLI prints it and the review grid shows it. */
export interface Issue {
  severity: Severity
  /** Stable: an IssueCode, or the reader's code for what it found (`ragged_row`, `duplicate_header` …). */
  code: IssueCode | (string & {})
  /** Row numbers as the user's program shows them (sheet row / CSV line). Empty: the whole file. */
  rows: number[]
  /** The column header the value came from; null for constants, defaults or unmapped fields. */
  column: string | null
  field: CanonicalField | null
  /** The raw value as read, or null. */
  value: string | null
  message: string
  message_nb: string
  /** The invoice it belongs to, when it belongs to one. */
  merchant_reference?: string
}

export interface ValidatedInvoice {
  merchant_reference: string
  rows: number[]
  request: PayRequest
  /** Set when the sheet gave a due date: the engine recomputes days_until_due when it sends. */
  due_date?: string
  /**
   * Set when business-day due dates are on and the due date (given, or counted from today) is not a
   * business day: the date it moves from and to, and the days that sends if sent today. The request
   * keeps the days as given; the engine applies the move on the day it sends.
   */
  due_move?: { from: string; to: string; days: number }
  /** Øre. */
  amount: number
  vat_amount: number
  /** VAT in øre of each item, in item order (for summaries and reports; not sent). */
  item_vat: number[]
  product_type: ProductType
  customer: { name: string; email: string; organization_number?: string }
  warnings: Issue[]
}

export interface InvalidInvoice {
  merchant_reference: string
  rows: number[]
  errors: Issue[]
  warnings: Issue[]
}

export interface RateSummary {
  lines: number
  amount: number
  vat_amount: number
}

export interface Summary {
  /** Valid invoices. */
  invoices: number
  invalid_invoices: number
  /** Lines of the valid invoices. */
  lines: number
  /** Øre, valid invoices. */
  total_amount: number
  by_product_type: Record<string, { invoices: number; amount: number }>
  /** Keyed by the rate as Kravia receives it: "25", "11.11". */
  by_vat_rate: Record<string, RateSummary>
  /** Which VAT basis the prices were read on, from which columns, in words. */
  price_basis: PriceBasisSummary
}

export interface ValidationResult {
  invoices: ValidatedInvoice[]
  invalid: InvalidInvoice[]
  /** Every error (file, mapping, row and invoice level), in row order. */
  errors: Issue[]
  warnings: Issue[]
  summary: Summary
}

/** Defaults for absent columns and blank cells (CLI flags / run settings). */
export interface Defaults {
  days_until_due?: number
  payment_product_type?: string
  invoice_channel?: InvoiceChannel | string
  country?: string
  currency?: string
}
