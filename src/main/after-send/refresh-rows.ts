import type { Db } from '../db/open'
import type { DinteroApi, Transaction } from '../dintero/types'
import { getInvoice } from '../journal/reads'
import type { InvoiceListItem } from '../journal/types'
import { beginAttempt, finishAttempt } from './attempts'
import { errorMessage, isAuthError, linkedStop } from './common'
import { forEachPaced, type PaceOptions, type RetryOptions } from './limiter'
import { refreshOutcome } from './transaction-state'
import { patchFromTransaction, setInvoiceState } from '../journal/invoice-state'

/**
 * Reads the transactions of journal rows from Dintero a page at a time (up to 100 ids per list
 * request) through the same paced, retrying scheduler as every other call, then reads on its own
 * each id a list answer left out — a transaction missing from a list is never taken as gone.
 */

/** The most ids one list request asks for (Dintero's `limit` maximum). */
export const REFRESH_PAGE = 100

export interface RefreshProgress {
  /** Transactions read so far. */
  checked: number
  /** Transactions to read in this refresh. */
  total: number
  /** Invoices that became fully paid in this refresh, and their amount (øre). */
  paid: number
  paidAmount: number
}

export interface RefreshCounts extends RefreshProgress {
  changed: number
  /** `from→to` → count, e.g. `authorized→paid: 3`. */
  transitions: Record<string, number>
  /** Reads that failed (retries exhausted) or statuses the journal cannot follow. */
  failed: number
  errors: { id: number; reference: string; message: string }[]
  authFailed: boolean
  stopped: boolean
}

/** Counts before anything was read (of `total` rows). */
export function noRefreshCounts(total = 0): RefreshCounts {
  return {
    checked: 0,
    total,
    paid: 0,
    paidAmount: 0,
    changed: 0,
    transitions: {},
    failed: 0,
    errors: [],
    authFailed: false,
    stopped: false,
  }
}

export interface ReadOptions {
  pace: PaceOptions & { retry?: RetryOptions }
  now: () => Date
  signal?: AbortSignal
  /** Ids per list request (default 100); 1 reads every transaction on its own. */
  pageSize?: number
  /** Journal an attempt also for rows whose state did not change (the app's button does; the background does not). */
  journalUnchanged?: boolean
  onProgress?(progress: RefreshProgress): void
}

export async function refreshRows(
  db: Db,
  api: DinteroApi,
  rows: readonly InvoiceListItem[],
  options: ReadOptions,
): Promise<RefreshCounts> {
  const { now } = options
  const journalUnchanged = options.journalUnchanged ?? true
  const size = Math.max(1, Math.min(REFRESH_PAGE, options.pageSize ?? REFRESH_PAGE))
  const c = noRefreshCounts(rows.length)
  const { stop, release } = linkedStop(options.signal)
  const pace = { ...options.pace, signal: stop.signal }
  const progress = () =>
    options.onProgress?.({ checked: c.checked, total: c.total, paid: c.paid, paidAmount: c.paidAmount })
  let handled = 0

  /** Journals what one transaction says about one row (called inside a SQLite transaction). */
  const apply = (inv: InvoiceListItem, tx: Transaction, startedAt: Date) => {
    c.checked++
    const current = getInvoice(db, inv.id)
    if (!current) return
    const outcome = refreshOutcome(current.state, current.invoice_channel, tx)
    if (outcome.kind !== 'unchanged' || journalUnchanged) {
      const attempt = beginAttempt(db, inv, 'refresh', inv.transaction_id, startedAt)
      finishAttempt(db, attempt, { httpStatus: 200, outcome: String(tx.status) })
    }
    const patch = patchFromTransaction(tx)
    if (outcome.kind === 'changed') {
      const done = outcome.to === 'paid' || outcome.to === 'voided'
      setInvoiceState(
        db,
        inv.id,
        outcome.to,
        {
          ...patch,
          error_code: null,
          error_message: null,
          ...(done ? { completed_at: now().toISOString() } : {}),
        },
        now(),
      )
      c.changed++
      const key = `${outcome.from}→${outcome.to}`
      c.transitions[key] = (c.transitions[key] ?? 0) + 1
      if (outcome.to === 'paid') {
        c.paid++
        c.paidAmount += current.amount
      }
    } else if (outcome.kind === 'unchanged') {
      // Details can arrive later (a grouped invoice gets its number when Kravia makes it).
      setInvoiceState(db, inv.id, current.state, patch, now())
    } else {
      const message = `Dintero reports status ${outcome.status}, which does not follow from ${current.state}; check the invoice in Dintero.`
      c.failed++
      c.errors.push({ id: inv.id, reference: inv.merchant_reference, message })
      setInvoiceState(db, inv.id, current.state, { error_code: null, error_message: message }, now())
    }
  }

  const failed = (list: readonly InvoiceListItem[], e: unknown) => {
    if (isAuthError(e)) {
      // Credentials refused: nothing was read, and nothing more will be; the rows are untouched.
      c.authFailed = true
      stop.abort()
      return
    }
    handled += list.length
    const startedAt = now()
    db.transaction(() => {
      for (const inv of list) {
        c.failed++
        c.errors.push({
          id: inv.id,
          reference: inv.merchant_reference,
          message: `Refresh failed: ${errorMessage(e).message}`,
        })
        finishAttempt(db, beginAttempt(db, inv, 'refresh', inv.transaction_id, startedAt), { error: e })
      }
    })()
    progress()
  }

  const missing: InvoiceListItem[] = []
  if (size > 1) {
    const pages: InvoiceListItem[][] = []
    for (let i = 0; i < rows.length; i += size) pages.push(rows.slice(i, i + size))
    await forEachPaced(
      pages,
      async (page) => {
        const startedAt = now()
        const found = await api.getTransactions(
          page.map((inv) => inv.transaction_id!),
          stop.signal,
        )
        db.transaction(() => {
          for (const inv of page) {
            const tx = found.get(inv.transaction_id!)
            if (tx) apply(inv, tx, startedAt)
            else missing.push(inv)
          }
        })()
        handled += page.length - page.filter((inv) => !found.has(inv.transaction_id!)).length
        progress()
      },
      (page, e) => failed(page, e),
      pace,
    )
  }
  // Per-id reads: every row when the page size is 1, else the ids the list answers left out.
  const single = size > 1 ? missing : rows
  if (!stop.signal.aborted && single.length > 0) {
    await forEachPaced(
      single,
      async (inv) => {
        const startedAt = now()
        const tx = await api.getTransaction(inv.transaction_id!, stop.signal)
        db.transaction(() => apply(inv, tx, startedAt))()
        handled++
        progress()
      },
      (inv, e) => failed([inv], e),
      pace,
    )
  }
  release()
  c.stopped = handled < rows.length
  return c
}
