import type { Db } from '../db/open'
import type { InvoiceListItem } from '../journal/types'
import type { Cell, Table } from './table'

/** Rows read from the journal per page: a 100k-row batch never sits in memory as journal rows. */
const PAGE = 2000

export const REPORT_HEADERS = [
  'source_rows',
  'merchant_reference',
  'customer',
  'organization_number',
  'email',
  'amount',
  'vat_amount',
  'product_type',
  'invoice_channel',
  'state',
  'payment',
  'transaction_id',
  'transaction_status',
  'invoice_number',
  'invoice_url',
  'kid',
  'account',
  'iban',
  'invoice_date',
  'due_date',
  'error',
  'superseded_by_batch',
  'first_sent_at',
  'completed_at',
  'updated_at',
] as const

/**
 * A part-paid invoice whose unpaid rest was cancelled: Dintero keeps `PARTIALLY_CAPTURED` and adds
 * a VOID event, the journal moves the row to `voided` — the transaction status tells the two apart.
 */
export function isRestCancelled(inv: Pick<InvoiceListItem, 'state' | 'transaction_status'>): boolean {
  return inv.state === 'voided' && (inv.transaction_status ?? '').startsWith('PARTIALLY_CAPTURED')
}

/** A short payment word for the report: paid, part paid, part paid – rest cancelled, cancelled, unpaid. */
export function paymentLabel(inv: Pick<InvoiceListItem, 'state' | 'transaction_status'>): string {
  if (isRestCancelled(inv)) return 'part paid, rest cancelled'
  switch (inv.state) {
    case 'paid':
      return 'paid'
    case 'part_paid':
      return 'part paid'
    case 'voided':
      return 'cancelled'
    case 'void_pending':
      return 'cancelling'
    case 'authorized':
    case 'awaiting_capture':
      return 'unpaid'
    default:
      return ''
  }
}

export function errorText(
  inv: Pick<InvoiceListItem, 'error_code' | 'error_message' | 'lookup_reason' | 'fail_reason'>,
): string {
  const message = inv.error_message ?? inv.lookup_reason ?? inv.fail_reason ?? ''
  if (!message) return ''
  return inv.error_code && !message.includes(inv.error_code) ? `${message} (${inv.error_code})` : message
}

/** The journal columns a report row needs (`rows_json` unparsed: it is only joined for display). */
export type ReportSource = Pick<
  InvoiceListItem,
  | 'seq'
  | 'merchant_reference'
  | 'customer_name'
  | 'customer_org'
  | 'customer_email'
  | 'amount'
  | 'vat_amount'
  | 'product_type'
  | 'invoice_channel'
  | 'state'
  | 'transaction_id'
  | 'transaction_status'
  | 'invoice_number'
  | 'invoice_url'
  | 'kid'
  | 'account_bban'
  | 'account_iban'
  | 'invoice_date'
  | 'kravia_due_date'
  | 'due_date'
  | 'error_code'
  | 'error_message'
  | 'lookup_reason'
  | 'fail_reason'
  | 'superseded_by_batch'
  | 'first_sent_at'
  | 'completed_at'
  | 'updated_at'
> & {
  rows_json: string
  /** Paid so far (øre) and when, from the capture events a transaction read saw; null if never read. */
  paid_amount: number | null
  paid_at: string | null
}

const COLUMNS = `seq, rows_json, merchant_reference, customer_name, customer_org, customer_email, amount, vat_amount,
  product_type, invoice_channel, state, transaction_id, transaction_status, invoice_number, invoice_url, kid,
  account_bban, account_iban, invoice_date, kravia_due_date, due_date, error_code, error_message, lookup_reason,
  fail_reason, superseded_by_batch, first_sent_at, completed_at, updated_at, paid_amount, paid_at`

/** `[3,4]` → `3, 4` without a JSON parse per row. */
const rowsText = (json: string) => json.slice(1, -1).replaceAll(',', ', ')

export function reportRow(inv: ReportSource): Cell[] {
  return [
    rowsText(inv.rows_json),
    inv.merchant_reference,
    inv.customer_name,
    inv.customer_org,
    inv.customer_email,
    { ore: inv.amount },
    inv.vat_amount === null ? null : { ore: inv.vat_amount },
    inv.product_type,
    inv.invoice_channel,
    inv.state,
    paymentLabel(inv),
    inv.transaction_id,
    inv.transaction_status,
    inv.invoice_number,
    inv.invoice_url,
    inv.kid,
    inv.account_bban,
    inv.account_iban,
    inv.invoice_date,
    inv.kravia_due_date ?? inv.due_date,
    errorText(inv),
    inv.superseded_by_batch,
    inv.first_sent_at,
    inv.completed_at,
    inv.updated_at,
  ]
}

/**
 * The batch's invoices in sending order, page by page. Keyset on `seq` walks the (batch_id, seq)
 * index with no sort step (paging by id sorts the whole batch for every page), and only the
 * columns the report shows are read.
 */
export function* batchReportSources(db: Db, batchId: string): Generator<ReportSource> {
  const page = db.prepare(
    `SELECT ${COLUMNS} FROM invoices WHERE batch_id = ? AND seq > ? ORDER BY seq LIMIT ${PAGE}`,
  )
  let afterSeq = 0
  for (;;) {
    const rows = page.all(batchId, afterSeq) as ReportSource[]
    yield* rows
    if (rows.length < PAGE) return
    afterSeq = rows[rows.length - 1].seq
  }
}

/** The whole-batch report. Rows are produced lazily while the writer consumes them. */
export function batchReport(db: Db, batchId: string): Table {
  return {
    headers: REPORT_HEADERS,
    rows: (function* () {
      for (const inv of batchReportSources(db, batchId)) yield reportRow(inv)
    })(),
  }
}
