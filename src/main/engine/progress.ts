import type { RunNotice, RunProgress, RunRow } from '../../shared/contract'
import { type BatchState, type InvoiceState, isOpen } from '../../shared/states'
import type { Db } from '../db/open'
import { silentNotice, transientNotice } from './notice'
import type { Counts, InvoiceListItem } from '../journal/types'

/** One batched update: the run's figures and every row that changed since the last one. */
export interface RunUpdate {
  progress: RunProgress
  rows: RunRow[]
}

const ROW_SQL = `SELECT id, merchant_reference, customer_name, amount, state, invoice_number, invoice_channel,
  error_message, lookup_reason, fail_reason, superseded_by_batch FROM invoices WHERE id IN `

type RowDb = Pick<
  InvoiceListItem,
  | 'id'
  | 'merchant_reference'
  | 'customer_name'
  | 'amount'
  | 'state'
  | 'invoice_number'
  | 'invoice_channel'
  | 'error_message'
  | 'lookup_reason'
  | 'fail_reason'
  | 'superseded_by_batch'
>

/**
 * A journal row as the run grid shows it, the same whether it came in a page or a live update.
 * Its text is the latest error, else why it is being looked up, else why it failed.
 */
export function toRunRow(r: RowDb): RunRow {
  return {
    id: r.id,
    reference: r.merchant_reference,
    customer: r.customer_name ?? '',
    amount: r.amount,
    state: r.state,
    invoiceNumber: r.invoice_number,
    channel: r.invoice_channel,
    error: r.error_message ?? r.lookup_reason ?? r.fail_reason,
    supersededBy: r.superseded_by_batch,
  }
}

export function readRunRows(db: Db, ids: readonly number[]): RunRow[] {
  const out: RunRow[] = []
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500)
    const rows = db
      .prepare(`${ROW_SQL}(${chunk.map(() => '?').join(',')}) ORDER BY id`)
      .all(...chunk) as RowDb[]
    for (const r of rows) out.push(toRunRow(r))
  }
  return out
}

/** done = rows no longer open (sent and settled, failed or cancelled). */
export function makeProgress(
  batchId: string,
  state: BatchState,
  total: number,
  counts: Counts,
  rate: number,
  pauseReason: string | null = null,
  /** Invoices settled per second, for the ETA (requests include lookups and 429s). */
  settleRate: number = rate,
  /** What to tell the user now; by default what the pause reason calls for. */
  notice: RunNotice | null = null,
): RunProgress {
  let open = 0
  for (const [s, n] of Object.entries(counts)) if (isOpen(s as InvoiceState)) open += n ?? 0
  const done = total - open
  return {
    batchId,
    state,
    pauseReason,
    total,
    done,
    failed: counts.failed ?? 0,
    counts: { ...counts },
    rate: Math.round(rate * 10) / 10,
    etaSeconds: open === 0 ? 0 : settleRate > 0.05 ? Math.ceil(open / settleRate) : null,
    notice:
      notice ??
      (state === 'paused' && pauseReason === 'transient'
        ? transientNotice(counts.pending ?? 0)
        : state === 'paused' && pauseReason === 'unreachable'
          ? silentNotice(null)
          : null),
  }
}

/**
 * Counts kept in memory as the engine moves rows, and the ids that changed, so the listener gets
 * at most one update per interval however many rows move (a 100k-row run must not send 100k
 * messages).
 */
export class ProgressTracker {
  readonly counts: Counts
  private changed = new Set<number>()
  private settled: number[] = []
  private readonly startedAt: number

  constructor(
    initial: Counts,
    private readonly now: () => number = Date.now,
  ) {
    this.counts = { ...initial }
    this.startedAt = now()
  }

  /** Invoices that left the open states per second over the last few seconds. */
  settleRate(): number {
    const t = this.now()
    while (this.settled.length && this.settled[0] < t - 10_000) this.settled.shift()
    const span = Math.min(10_000, Math.max(1000, t - this.startedAt))
    let n = 0
    for (let i = this.settled.length - 1; i >= 0 && this.settled[i] >= t - span; i--) n++
    return (n * 1000) / span
  }

  move(id: number, from: InvoiceState, to: InvoiceState): void {
    if (isOpen(from) && !isOpen(to)) this.settled.push(this.now())
    if (from !== to) {
      this.counts[from] = Math.max(0, (this.counts[from] ?? 0) - 1)
      if (this.counts[from] === 0) delete this.counts[from]
      this.counts[to] = (this.counts[to] ?? 0) + 1
    }
    this.changed.add(id)
  }

  get dirty(): boolean {
    return this.changed.size > 0
  }

  takeChanged(): number[] {
    const ids = [...this.changed]
    this.changed.clear()
    return ids
  }
}
