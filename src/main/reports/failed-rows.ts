import { CANONICAL_FIELDS, type CanonicalField } from '../../shared/canonical'
import type { OrderItem, PayRequest } from '../../shared/kravia'
import type { Db } from '../db/open'
import { countLeftOut, iterateLeftOut } from '../runs/left-out'
import { errorText } from './report-rows'
import type { Cell, Table } from './table'

/** The invoices a follow-up batch would fix: rejected, or outcome unknown. */
export const FAILED_EXPORT_STATES = ['failed', 'unknown'] as const

export const FAILED_ROWS_HEADERS: readonly string[] = [...CANONICAL_FIELDS, 'error']

const PAGE = 1000

interface FailedDbRow {
  id: number
  merchant_reference: string
  state: string
  request_json: string
  error_code: string | null
  error_message: string | null
  lookup_reason: string | null
  fail_reason: string | null
}

/** The template's short customer types (what the importer reads back), from Dintero's product types. */
const SHORT_TYPE: Record<PayRequest['payment']['payment_product_type'], string> = {
  'kravia.invoice_b2b': 'b2b',
  'kravia.invoice_b2c': 'b2c',
  'kravia.invoice_b2b_grouped': 'b2b_grouped',
}

const UNKNOWN_NOTE =
  'Outcome unknown: the invoice may already exist in Dintero. Resume or refresh the original batch before sending it again.'

function failedError(r: FailedDbRow): string {
  const text = errorText(r)
  if (r.state === 'unknown') return text ? `${UNKNOWN_NOTE} ${text}` : UNKNOWN_NOTE
  return text || 'Failed.'
}

/**
 * One template row per invoice line, from the frozen request body: invoice-level fields repeated on
 * every line (the importer accepts repeats and groups lines by reference), the line amount in NOK.
 */
export function failedInvoiceRows(request: PayRequest, error: string): Cell[][] {
  const { payment, session } = request
  const order = session.order
  const a = order.billing_address
  const invoice: Partial<Record<CanonicalField, Cell>> = {
    merchant_reference: order.merchant_reference,
    payment_product_type: SHORT_TYPE[payment.payment_product_type],
    days_until_due: payment.days_until_due,
    due_date: null,
    invoice_channel: payment.invoice_channel ?? 'kravia',
    first_name: a.first_name,
    last_name: a.last_name,
    business_name: a.business_name ?? null,
    organization_number: a.organization_number ?? null,
    email: a.email,
    phone_number: a.phone_number,
    address_line: a.address_line,
    address_line_2: a.address_line_2 ?? null,
    postal_code: a.postal_code,
    postal_place: a.postal_place,
    country: a.country,
    customer_reference: a.customer_reference ?? null,
    currency: order.currency,
  }
  return order.items.map((item: OrderItem) => {
    const line: Partial<Record<CanonicalField, Cell>> = {
      ...invoice,
      line_id: item.line_id,
      id: item.id ?? null,
      description: item.description,
      quantity: item.quantity,
      // The line total is what was sent; a unit price would need a division that may not be exact.
      unit_price: null,
      amount: { ore: item.amount },
      vat: item.vat,
    }
    return [...CANONICAL_FIELDS.map((f) => line[f] ?? null), error]
  })
}

function* failedRowsOf(db: Db, batchId: string): Generator<Cell[]> {
  const page = db.prepare(
    `SELECT id, merchant_reference, state, request_json, error_code, error_message, lookup_reason, fail_reason
     FROM invoices
     WHERE batch_id = ? AND state IN ('failed','unknown') AND superseded_by_batch IS NULL AND id > ?
     ORDER BY id LIMIT ?`,
  )
  let afterId = 0
  for (;;) {
    const rows = page.all(batchId, afterId, PAGE) as FailedDbRow[]
    for (const r of rows) {
      yield* failedInvoiceRows(JSON.parse(r.request_json) as PayRequest, failedError(r))
    }
    if (rows.length < PAGE) return
    afterId = rows[rows.length - 1].id
  }
}

/**
 * Invoices left out at plan time (invalid, already invoiced), after the failed ones: one row per
 * source line with the values the user gave, so what needs fixing is what they typed.
 */
function* leftOutRowsOf(db: Db, batchId: string): Generator<Cell[]> {
  for (const l of iterateLeftOut(db, batchId, { toFix: true })) {
    const error = l.error || 'Left out of the batch.'
    if (l.lines.length === 0) {
      yield [
        ...CANONICAL_FIELDS.map((f) => (f === 'merchant_reference' ? l.merchant_reference : null)),
        error,
      ]
      continue
    }
    for (const line of l.lines) yield [...CANONICAL_FIELDS.map((f) => line[f] ?? null), error]
  }
}

function* allRowsOf(db: Db, batchId: string): Generator<Cell[]> {
  yield* failedRowsOf(db, batchId)
  yield* leftOutRowsOf(db, batchId)
}

/**
 * The "failed rows" export: the canonical template columns plus `error`, for invoices that ended
 * `failed` or `unknown` and for those left out at plan time, unless a follow-up batch already took
 * them up.
 */
export function failedRowsReport(db: Db, batchId: string): Table {
  return { headers: FAILED_ROWS_HEADERS, rows: allRowsOf(db, batchId) }
}

/** Invoices the failed-rows export would hold (failed, unknown, left out; not yet taken up again). */
export function countFailedForExport(db: Db, batchId: string): number {
  const journal = db
    .prepare(
      `SELECT COUNT(*) AS n FROM invoices
       WHERE batch_id = ? AND state IN ('failed','unknown') AND superseded_by_batch IS NULL`,
    )
    .get(batchId) as { n: number }
  return journal.n + countLeftOut(db, batchId, { toFix: true })
}
