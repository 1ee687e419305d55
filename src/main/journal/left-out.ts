import type { CanonicalField } from '../../shared/canonical'
import type { Db } from '../db/open'
import type { IssueFields } from '../invoice/issue-fields'

/**
 * Invoices left out of a batch at plan time (invalid, or already invoiced in an earlier batch of
 * the same environment and account), kept with the batch (migration 0005) so the "failed rows"
 * export can hand them back for fixing and `status` can list them. Building the list from a
 * validation (and reading the lines back) is in left-out-source.ts.
 */

export type LeftOutReason = 'invalid' | 'already_invoiced'

/**
 * A canonical field's value on one source line, as the user gave it (after mapping, constants and
 * defaults; before validation). Text as written; a numeric spreadsheet cell of a number field stays
 * a number (a percent cell as its percent), so the export writes it in its own decimal style.
 */
export type LineValue = string | number
export type LeftOutLine = Partial<Record<CanonicalField, LineValue>>

/**
 * One cell of the user's sheet as written: text as it stood, a numeric cell as its number (a
 * percent cell as its percent), a date as `YYYY-MM-DD`, empty as null.
 */
export type SourceCell = string | number | null

/** A left-out invoice's findings, as the validator gave them. */
export type LeftOutIssue = IssueFields

export interface LeftOutInput {
  /** Empty for a row that had no reference at all (it belongs to no invoice). */
  merchant_reference: string
  rows: readonly number[]
  reason: LeftOutReason
  issues: readonly LeftOutIssue[]
  /** One per source line, in sheet order; empty when the lines could not be read back. */
  lines: readonly LeftOutLine[]
  /** Every column's cell of each source line, as written (the failed-rows export); like `lines`. */
  cells?: readonly (readonly SourceCell[])[]
}

export interface LeftOutItem {
  id: number
  merchant_reference: string
  rows: number[]
  reason: LeftOutReason
  /** The issues' messages joined (English / Norwegian). */
  error: string
  error_nb: string
  issues: LeftOutIssue[]
  lines: LeftOutLine[]
  /** Each source line's cells as written; null for batches frozen before they were kept. */
  cells: SourceCell[][] | null
  /** A follow-up batch that took this reference up again (it is then no longer "to fix" here). */
  superseded_by: string | null
}

/**
 * Stores a batch's left-out list; inside createBatch's transaction. A follow-up batch takes up
 * the parent's left-out references it sends or leaves out again, so the parent no longer offers
 * them for fixing.
 */
export function storeLeftOut(
  db: Db,
  batchId: string,
  leftOut: readonly LeftOutInput[],
  parent: { batchId: string; references: Iterable<string> } | null,
  iso: string,
): void {
  const insert =
    db.prepare(`INSERT INTO left_out_invoices (batch_id, seq, merchant_reference, rows_json, reason,
      issues_json, lines_json, cells_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  leftOut.forEach((l, i) => {
    insert.run(
      batchId,
      i + 1,
      l.merchant_reference,
      JSON.stringify(l.rows),
      l.reason,
      JSON.stringify(l.issues),
      JSON.stringify(l.lines),
      l.cells === undefined ? null : JSON.stringify(l.cells),
      iso,
    )
  })
  if (!parent) return
  const supersede = db.prepare(`UPDATE left_out_invoices SET superseded_by_batch = ?
    WHERE batch_id = ? AND merchant_reference = ? AND superseded_by_batch IS NULL`)
  const refs = new Set(parent.references)
  for (const l of leftOut) if (l.merchant_reference) refs.add(l.merchant_reference)
  for (const ref of refs) supersede.run(batchId, parent.batchId, ref)
}

interface LeftOutDbRow {
  id: number
  merchant_reference: string
  rows_json: string
  reason: LeftOutReason
  issues_json: string
  lines_json: string
  cells_json: string | null
  superseded_by_batch: string | null
}

function toItem(r: LeftOutDbRow): LeftOutItem {
  const issues = JSON.parse(r.issues_json) as LeftOutIssue[]
  return {
    id: r.id,
    merchant_reference: r.merchant_reference,
    rows: JSON.parse(r.rows_json) as number[],
    reason: r.reason,
    error: issues.map((i) => i.message).join(' '),
    error_nb: issues.map((i) => i.message_nb).join(' '),
    issues,
    lines: JSON.parse(r.lines_json) as LeftOutLine[],
    cells: r.cells_json === null ? null : (JSON.parse(r.cells_json) as SourceCell[][]),
    superseded_by: r.superseded_by_batch,
  }
}

const PAGE = 1000

export interface LeftOutFilter {
  /** Only those no follow-up batch has taken up. */
  toFix?: boolean
  /**
   * Only those a fix can make sendable: invalid invoices with a reference and a customer. Not
   * rows that are no invoice (a sum line, a note under the list, with or without text in the
   * reference column), nor invoices already invoiced (sending them again is refused).
   */
  resendable?: boolean
}

function where(options: LeftOutFilter): string {
  return (
    (options.toFix ? ' AND superseded_by_batch IS NULL' : '') +
    (options.resendable ? " AND reason = 'invalid' AND merchant_reference <> ''" : '')
  )
}

/** Who an invoice is for: a row with none of these (only defaults and constants) is no invoice. */
const CUSTOMER_FIELDS: readonly CanonicalField[] = [
  'first_name',
  'last_name',
  'full_name',
  'business_name',
  'organization_number',
  'email',
  'phone_number',
]

function hasCustomer(item: LeftOutItem): boolean {
  return item.lines.some((line) =>
    CUSTOMER_FIELDS.some((f) => line[f] !== undefined && String(line[f]).trim() !== ''),
  )
}

/** A batch's left-out invoices in plan order, page by page (a large file may leave out many). */
export function* iterateLeftOut(
  db: Db,
  batchId: string,
  options: LeftOutFilter = {},
): Generator<LeftOutItem> {
  const page = db.prepare(
    `SELECT id, merchant_reference, rows_json, reason, issues_json, lines_json, cells_json, superseded_by_batch
     FROM left_out_invoices WHERE batch_id = ? AND id > ?${where(options)}
     ORDER BY id LIMIT ?`,
  )
  let afterId = 0
  for (;;) {
    const rows = page.all(batchId, afterId, PAGE) as LeftOutDbRow[]
    for (const r of rows) {
      const item = toItem(r)
      if (!options.resendable || hasCustomer(item)) yield item
    }
    if (rows.length < PAGE) return
    afterId = rows[rows.length - 1].id
  }
}

export function listLeftOut(db: Db, batchId: string, options: LeftOutFilter = {}): LeftOutItem[] {
  return [...iterateLeftOut(db, batchId, options)]
}

export function countLeftOut(db: Db, batchId: string, options: LeftOutFilter = {}): number {
  // Whether a row names a customer is in its stored lines: those few are read and counted.
  if (options.resendable) {
    let n = 0
    for (const _ of iterateLeftOut(db, batchId, options)) n++
    return n
  }
  return (
    db
      .prepare(`SELECT COUNT(*) AS n FROM left_out_invoices WHERE batch_id = ?${where(options)}`)
      .get(batchId) as { n: number }
  ).n
}
