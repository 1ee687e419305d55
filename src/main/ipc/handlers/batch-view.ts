import type { BatchSummary, InvoiceDetail as InvoiceDetailView, RunRow } from '../../../shared/contract'
import { AppError } from '../../../shared/errors'
import type { Statement as BetterStatement } from 'better-sqlite3'
import type { Db } from '../../db/open'
import { countFailedForExport } from '../../reports/failed-rows'
import { getBatch } from '../../journal/reads'
import { readRunRows, toRunRow } from '../../engine/progress'
import { chartAmounts, paymentSummary } from '../../after-send/refresh'
import type { Batch, InvoiceDetail } from '../../journal/types'
import type { InvoiceState } from '../../../shared/states'

/** Journal records → the small shapes the run and history screens show. */

export function toDetailView(d: InvoiceDetail): InvoiceDetailView {
  return {
    row: toRunRow(d),
    sourceRows: d.rows,
    request: d.request,
    attempts: d.attempts.map((a) => ({
      at: a.started_at,
      durationMs: a.duration_ms,
      httpStatus: a.http_status,
      code: a.dintero_code,
      message: a.dintero_message,
      transactionId: a.transaction_id,
      kind: a.outcome ? `${a.kind}: ${a.outcome}` : a.kind,
    })),
    transactionId: d.transaction_id,
    kid: d.kid,
    account: d.account_iban ?? d.account_bban,
    dueDate: d.kravia_due_date ?? d.due_date,
    invoiceUrl: d.invoice_url,
  }
}

export function toSummary(db: Db, b: Batch): BatchSummary {
  return {
    id: b.id,
    state: b.state,
    pauseReason: b.pause_reason,
    environment: b.env,
    account: b.account,
    sourceName: b.source_name,
    createdAt: b.created_at,
    finishedAt: b.finished_at,
    total: b.invoice_count,
    totalAmount: b.total_amount,
    counts: b.counts,
    fixable: countFailedForExport(db, b.id),
    resendable: countFailedForExport(db, b.id, { resendable: true }),
    amounts: chartAmounts(paymentSummary(db, b.id)),
    parentId: b.parent_batch_id,
    refreshedAt: b.refreshed_at,
  }
}

export function requireBatch(db: Db, batchId: string): Batch {
  const b = getBatch(db, batchId)
  if (!b) {
    throw new AppError('no_batch', `Batch "${batchId}" does not exist.`, {
      message_nb: `Kjøringen «${batchId}» finnes ikke.`,
    })
  }
  return b
}

const pageStatements = new WeakMap<Db, { all: Statement; byState: Statement }>()
type Statement = BetterStatement<unknown[], unknown>

/**
 * A page of the grid by position. The ids come from the (batch_id, seq) index alone, so a jump to
 * row 99,800 of 100k does not walk every earlier row's JSON (≈300 ms → a few ms); the rows are
 * then read by id, in the same shape as the live pushes.
 */
export function pageByPosition(
  db: Db,
  batchId: string,
  state: InvoiceState | undefined,
  offset: number,
  limit: number,
): RunRow[] {
  let s = pageStatements.get(db)
  if (!s) {
    s = {
      all: db.prepare('SELECT id FROM invoices WHERE batch_id = ? ORDER BY seq LIMIT ? OFFSET ?').pluck(),
      byState: db
        .prepare('SELECT id FROM invoices WHERE batch_id = ? AND state = ? ORDER BY seq LIMIT ? OFFSET ?')
        .pluck(),
    }
    pageStatements.set(db, s)
  }
  const ids = (
    state ? s.byState.all(batchId, state, limit, offset) : s.all.all(batchId, limit, offset)
  ) as number[]
  return readRunRows(db, ids)
}
