import { CANONICAL_FIELDS, type CanonicalField } from '../../shared/canonical'
import type { PayRequest } from '../../shared/kravia'
import type { Db } from '../db/open'
import { countLeftOut, iterateLeftOut, type LeftOutItem, type SourceCell } from '../journal/left-out'
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
  source_json: string | null
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

function* failedOf(db: Db, batchId: string): Generator<FailedDbRow> {
  const page = db.prepare(
    `SELECT id, merchant_reference, state, request_json, source_json, error_code, error_message, lookup_reason, fail_reason
     FROM invoices
     WHERE batch_id = ? AND state IN ('failed','unknown') AND superseded_by_batch IS NULL AND id > ?
     ORDER BY id LIMIT ?`,
  )
  let afterId = 0
  for (;;) {
    const rows = page.all(batchId, afterId, PAGE) as FailedDbRow[]
    yield* rows
    if (rows.length < PAGE) return
    afterId = rows[rows.length - 1].id
  }
}

function* failedRowsOf(db: Db, batchId: string): Generator<Cell[]> {
  for (const r of failedOf(db, batchId))
    yield* failedInvoiceRows(JSON.parse(r.request_json) as PayRequest, failedError(r))
}

/**
 * Invoices left out at plan time (invalid, already invoiced), after the failed ones: one row per
 * source line with the values the user gave, so what needs fixing is what they typed.
 */
function* leftOutRowsOf(db: Db, batchId: string, scope: FailedRowsScope): Generator<Cell[]> {
  for (const l of iterateLeftOut(db, batchId, { toFix: true, resendable: scope.resendable })) {
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

function* allRowsOf(db: Db, batchId: string, scope: FailedRowsScope): Generator<Cell[]> {
  yield* failedRowsOf(db, batchId)
  yield* leftOutRowsOf(db, batchId, scope)
}

export interface FailedRowsScope {
  /**
   * Only what "fix and retry" can really send again: no left-out rows that belong to no invoice
   * (a sum line, a note) and no invoices already invoiced. The export for reading keeps them all.
   */
  resendable?: boolean
}

/** The user's sheet as the batch kept it: the header row and which column held which field. */
interface SourceSheet {
  headers: string[]
  /** Canonical field → 0-based column, for values kept per field only (lines without cells). */
  columns: Partial<Record<CanonicalField, number>>
}

function sourceSheet(db: Db, batchId: string): SourceSheet | null {
  const b = db.prepare('SELECT source_headers_json, mapping_json FROM batches WHERE id = ?').get(batchId) as
    | { source_headers_json: string | null; mapping_json: string }
    | undefined
  if (!b?.source_headers_json) return null
  const headers = JSON.parse(b.source_headers_json) as string[]
  const mapping = (JSON.parse(b.mapping_json) ?? {}) as Partial<Record<CanonicalField, string | number>>
  const columns: SourceSheet['columns'] = {}
  for (const [field, ref] of Object.entries(mapping) as [CanonicalField, string | number | null][]) {
    const i = typeof ref === 'number' ? ref - 1 : ref === null ? -1 : headers.indexOf(ref)
    if (i >= 0 && i < headers.length) columns[field] = i
  }
  return { headers, columns }
}

/** One export row: the user's cells in their columns (missing ones empty), then the reason. */
function sheetRow(sheet: SourceSheet, cells: readonly Cell[], reason: string): Cell[] {
  const out: Cell[] = new Array(sheet.headers.length + 1).fill(null)
  for (let i = 0; i < sheet.headers.length && i < cells.length; i++) out[i] = cells[i]
  out[sheet.headers.length] = reason
  return out
}

/** Values kept per field only (no cells): each placed in the column its field was read from. */
function fieldRow(sheet: SourceSheet, values: Partial<Record<CanonicalField, Cell>>): Cell[] {
  const cells: Cell[] = new Array(sheet.headers.length).fill(null)
  for (const [field, i] of Object.entries(sheet.columns) as [CanonicalField, number][])
    cells[i] = values[field] ?? null
  return cells
}

function* leftOutSheetRows(sheet: SourceSheet, l: LeftOutItem): Generator<Cell[]> {
  const reason = l.error || 'Left out of the batch.'
  if (l.cells && l.cells.length > 0) for (const c of l.cells) yield sheetRow(sheet, c, reason)
  else if (l.lines.length > 0)
    for (const line of l.lines) yield sheetRow(sheet, fieldRow(sheet, line), reason)
  else yield sheetRow(sheet, fieldRow(sheet, { merchant_reference: l.merchant_reference }), reason)
}

function* sheetRowsOf(
  db: Db,
  batchId: string,
  sheet: SourceSheet,
  scope: FailedRowsScope,
): Generator<Cell[]> {
  for (const r of failedOf(db, batchId)) {
    const reason = failedError(r)
    const source = r.source_json === null ? null : (JSON.parse(r.source_json) as SourceCell[][])
    if (source && source.length > 0) for (const c of source) yield sheetRow(sheet, c, reason)
    else
      for (const line of requestLines(JSON.parse(r.request_json) as PayRequest))
        yield sheetRow(sheet, fieldRow(sheet, line), reason)
  }
  for (const l of iterateLeftOut(db, batchId, { toFix: true, resendable: scope.resendable }))
    yield* leftOutSheetRows(sheet, l)
}

/** The reason column's header; another name when the user's sheet already has one so named. */
function reasonHeader(headers: readonly string[]): string {
  let name = 'error'
  for (let n = 2; headers.includes(name); n++) name = `error ${n}`
  return name
}

/**
 * The "failed rows" export, for invoices that ended `failed` or `unknown` and for those left out at
 * plan time, unless a follow-up batch already took them up: the user's own columns (their header
 * names and order, every cell as written, prices on the basis they were written in) plus an
 * `error` column with the reason, so the fixed sheet maps and reads exactly like the original.
 * Batches frozen before the sheet was kept give the canonical template columns plus `error`.
 */
export function failedRowsReport(db: Db, batchId: string, scope: FailedRowsScope = {}): Table {
  const sheet = sourceSheet(db, batchId)
  if (!sheet) return { headers: FAILED_ROWS_HEADERS, rows: allRowsOf(db, batchId, scope) }
  return {
    headers: [...sheet.headers, reasonHeader(sheet.headers)],
    rows: sheetRowsOf(db, batchId, sheet, scope),
  }
}

/** Invoices the failed-rows export would hold (failed, unknown, left out; not yet taken up again). */
export function countFailedForExport(db: Db, batchId: string, scope: FailedRowsScope = {}): number {
  const journal = db
    .prepare(
      `SELECT COUNT(*) AS n FROM invoices
       WHERE batch_id = ? AND state IN ('failed','unknown') AND superseded_by_batch IS NULL`,
    )
    .get(batchId) as { n: number }
  return journal.n + countLeftOut(db, batchId, { toFix: true, resendable: scope.resendable })
}
