import { CANONICAL_FIELDS } from '../../shared/canonical'
import type { PayRequest } from '../../shared/kravia'
import type { Db } from '../db/open'
import { countLeftOut, iterateLeftOut } from '../journal/left-out'
import { errorText } from './report-rows'
import { requestLines } from './request-lines'
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

const UNKNOWN_NOTE =
  'Outcome unknown: the invoice may already exist in Dintero. Resume or refresh the original batch before sending it again.'

function failedError(r: FailedDbRow): string {
  const text = errorText(r)
  if (r.state === 'unknown') return text ? `${UNKNOWN_NOTE} ${text}` : UNKNOWN_NOTE
  return text || 'Failed.'
}

/** One template row per invoice line, from the frozen request body, with the error last. */
export function failedInvoiceRows(request: PayRequest, error: string): Cell[][] {
  return requestLines(request).map((line) => [...CANONICAL_FIELDS.map((f) => line[f] ?? null), error])
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
