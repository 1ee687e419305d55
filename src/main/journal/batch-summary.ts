import type { InvalidInvoice, Summary, ValidatedInvoice } from '../invoice/types'
import { summarize } from '../invoice/summary'

/** What a run will do, for the confirmation screen and the CLI, before anything is sent. */
export interface PreSendSummary
  extends Pick<Summary, 'invoices' | 'total_amount' | 'lines' | 'by_product_type' | 'by_vat_rate'> {
  /** Invoices with errors, left out of the batch (includes the already-invoiced ones). */
  invalid: number
  /** References that already have an invoice in this environment and account. */
  already_invoiced: number
  left_out: {
    merchant_reference: string
    rows: number[]
    reason: 'invalid' | 'already_invoiced'
    message: string
  }[]
  /** At the batch's rate, when no limit slows it down. */
  eta_seconds: number
  /** Which VAT basis the prices were read on, and from which columns (when validated from a file). */
  price_basis?: Summary['price_basis']
}

/**
 * The plan for a validated import: count, total, per product type and VAT rate, and which
 * invoices are left out (invalid, or already invoiced in an earlier batch of this environment
 * and account — the validator marks those with the `already_invoiced` error).
 */
export function summarizeBeforeSend(
  result: {
    invoices: readonly ValidatedInvoice[]
    invalid: readonly InvalidInvoice[]
    summary?: Pick<Summary, 'price_basis'>
  },
  rate: number,
): PreSendSummary {
  const s = summarize(result.invoices, result.invalid.length, result.summary?.price_basis)
  const left_out = result.invalid.map((i) => {
    const already = i.errors.some((e) => e.code === 'already_invoiced')
    const first = i.errors.find((e) => (already ? e.code === 'already_invoiced' : true))
    return {
      merchant_reference: i.merchant_reference,
      rows: i.rows,
      reason: already ? ('already_invoiced' as const) : ('invalid' as const),
      message: first?.message ?? 'invalid',
    }
  })
  return {
    invoices: s.invoices,
    total_amount: s.total_amount,
    lines: s.lines,
    by_product_type: s.by_product_type,
    by_vat_rate: s.by_vat_rate,
    invalid: result.invalid.length,
    already_invoiced: left_out.filter((l) => l.reason === 'already_invoiced').length,
    left_out,
    eta_seconds: rate > 0 ? Math.ceil(s.invoices / rate) : 0,
    ...(result.summary ? { price_basis: s.price_basis } : {}),
  }
}
