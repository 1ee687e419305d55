import { AppError } from '../../shared/errors'
import type { InvoiceState } from '../../shared/states'
import type { Db } from '../db/open'
import type { DinteroApi } from '../dintero/types'
import { type AfterSendOptions, batchPace } from './common'
import { type RefreshCounts, type RefreshProgress, refreshRows } from './refresh-rows'
import { countInvoices, getBatch, listInvoices } from '../journal/reads'
import type { Batch, InvoiceListItem } from '../journal/types'

export {
  type PaymentBucket,
  type PaymentSummary,
  paymentSummary,
  chartAmounts,
} from './payment-summary'
export { REFRESH_PAGE, type RefreshProgress } from './refresh-rows'

/**
 * Re-reads transactions from Dintero, up to 100 per request, and moves rows on: paid, part-paid,
 * voided (also a void done elsewhere), a 202 void confirmed, a merchant capture seen. Rows still
 * `unknown` are the engine's lookup job (by reference), not refreshed here.
 */

/** Rows whose transaction can still change. `paid` and `voided` are final. */
export const REFRESHABLE_STATES: readonly InvoiceState[] = [
  'authorized',
  'awaiting_capture',
  'void_pending',
  'part_paid',
]

export interface RefreshSummary extends RefreshCounts {
  /** Rows in `unknown` left for resume's lookup. */
  unknown: number
}

export interface RefreshOptions extends AfterSendOptions {
  /** Ids per list request (default 100); 1 reads each transaction on its own. */
  pageSize?: number
  journalUnchanged?: boolean
  onProgress?(progress: RefreshProgress): void
}

function refreshable(db: Db, batchId: string): InvoiceListItem[] {
  const out: InvoiceListItem[] = []
  let afterId = 0
  for (;;) {
    const page = listInvoices(db, batchId, { state: REFRESHABLE_STATES, afterId, limit: 1000 })
    for (const inv of page) if (inv.transaction_id) out.push(inv)
    if (page.length < 1000) return out
    afterId = page[page.length - 1].id
  }
}

/** Notes when the batches' payments were read (only when every read got an answer). */
export function markRefreshed(db: Db, batchIds: readonly string[], at: Date): void {
  const stmt = db.prepare('UPDATE batches SET refreshed_at = ? WHERE id = ?')
  db.transaction(() => {
    for (const id of batchIds) stmt.run(at.toISOString(), id)
  })()
}

/** Refreshes the given batches' open invoices in one pass, at the first batch's pace unless told. */
export async function refreshBatches(
  db: Db,
  api: DinteroApi,
  batches: readonly Batch[],
  options: RefreshOptions = {},
): Promise<RefreshSummary> {
  const now = options.now ?? (() => new Date())
  const rows = batches.flatMap((b) => refreshable(db, b.id))
  const unknown = batches.reduce((n, b) => n + countInvoices(db, b.id, { state: 'unknown' }), 0)
  const stop = new AbortController()
  const counts = await refreshRows(db, api, rows, {
    pace: batches.length ? batchPace(batches[0], options, stop.signal) : { rate: 1, concurrency: 1 },
    now,
    signal: options.signal,
    pageSize: options.pageSize,
    journalUnchanged: options.journalUnchanged,
    onProgress: options.onProgress,
  })
  if (!counts.stopped && !counts.authFailed) {
    const failedIn = new Set(counts.errors.map((e) => rows.find((r) => r.id === e.id)?.batch_id))
    markRefreshed(
      db,
      batches.map((b) => b.id).filter((id) => !failedIn.has(id)),
      now(),
    )
  }
  return { ...counts, unknown }
}

export async function refreshBatch(
  db: Db,
  api: DinteroApi,
  batchId: string,
  options: RefreshOptions = {},
): Promise<RefreshSummary> {
  const batch = getBatch(db, batchId)
  if (!batch) throw new AppError('no_batch', `Batch "${batchId}" does not exist.`)
  return refreshBatches(db, api, [batch], options)
}

/**
 * The batches of one environment and account with invoices that can still change, sent since
 * `since` (newest first): what `refresh --all` and the app's background refresh go through.
 */
export function batchesToRefresh(db: Db, env: string, account: string, since: Date): Batch[] {
  const ids = db
    .prepare(
      `SELECT b.id FROM batches b
       WHERE b.env = ? AND b.account = ? AND b.created_at >= ?
         AND EXISTS (SELECT 1 FROM invoices i WHERE i.batch_id = b.id AND i.transaction_id IS NOT NULL
           AND i.state IN (${REFRESHABLE_STATES.map(() => '?').join(',')}))
       ORDER BY b.created_at DESC, b.id DESC`,
    )
    .pluck()
    .all(env, account, since.toISOString(), ...REFRESHABLE_STATES) as string[]
  return ids.map((id) => getBatch(db, id)!)
}
