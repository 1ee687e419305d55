import { AppError } from '../../shared/errors'
import type { InvoiceState } from '../../shared/states'
import type { Db } from '../db/open'
import type { DinteroApi } from '../dintero/types'
import { beginAttempt, finishAttempt } from './after-send/attempts'
import {
  type AfterSendOptions,
  batchPace,
  errorMessage,
  isAuthError,
  linkedStop,
  patchFromTransaction,
} from './after-send/common'
import { forEachPaced } from './after-send/limiter'
import { refreshOutcome } from './after-send/transaction-state'
import { countInvoices, getBatch, getInvoice, listInvoices, setInvoiceState } from './journal'
import type { InvoiceListItem } from './types'

export {
  type PaymentBucket,
  type PaymentSummary,
  paymentSummary,
  chartAmounts,
} from './after-send/payment-summary'

/**
 * Re-reads the batch's transactions from Dintero and moves rows on: paid, part-paid, voided (also
 * a void done elsewhere), a 202 void confirmed, a merchant capture seen. Rows still `unknown` are
 * the engine's lookup job (by reference), not refreshed here.
 */

/** Rows whose transaction can still change. `paid` and `voided` are final. */
export const REFRESHABLE_STATES: readonly InvoiceState[] = [
  'authorized',
  'awaiting_capture',
  'void_pending',
  'part_paid',
]

export interface RefreshSummary {
  /** Transactions read. */
  checked: number
  changed: number
  /** `from→to` → count, e.g. `authorized→paid: 3`. */
  transitions: Record<string, number>
  /** Reads that failed (retries exhausted) or statuses the journal cannot follow. */
  failed: number
  errors: { id: number; reference: string; message: string }[]
  /** Rows in `unknown` left for resume's lookup. */
  unknown: number
  authFailed: boolean
  stopped: boolean
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

export async function refreshBatch(
  db: Db,
  api: DinteroApi,
  batchId: string,
  options: AfterSendOptions = {},
): Promise<RefreshSummary> {
  const now = options.now ?? (() => new Date())
  const batch = getBatch(db, batchId)
  if (!batch) throw new AppError('no_batch', `Batch "${batchId}" does not exist.`)
  const rows = refreshable(db, batchId)
  const summary: RefreshSummary = {
    checked: 0,
    changed: 0,
    transitions: {},
    failed: 0,
    errors: [],
    unknown: countInvoices(db, batchId, { state: 'unknown' }),
    authFailed: false,
    stopped: false,
  }
  const { stop, release } = linkedStop(options.signal)
  let handled = 0

  await forEachPaced(
    rows,
    async (inv) => {
      const attempt = beginAttempt(db, inv, 'refresh', inv.transaction_id, now())
      let tx: Awaited<ReturnType<DinteroApi['getTransaction']>>
      try {
        tx = await api.getTransaction(inv.transaction_id!, stop.signal)
      } catch (e) {
        finishAttempt(db, attempt, { error: e })
        throw e
      }
      finishAttempt(db, attempt, { httpStatus: 200, outcome: String(tx.status) })
      handled++
      summary.checked++
      const current = getInvoice(db, inv.id)
      if (!current) return
      const outcome = refreshOutcome(current.state, current.invoice_channel, tx)
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
        summary.changed++
        const key = `${outcome.from}→${outcome.to}`
        summary.transitions[key] = (summary.transitions[key] ?? 0) + 1
      } else if (outcome.kind === 'unchanged') {
        setInvoiceState(db, inv.id, current.state, patch, now())
      } else {
        const message = `Dintero reports status ${outcome.status}, which does not follow from ${current.state}; check the invoice in Dintero.`
        summary.failed++
        summary.errors.push({ id: inv.id, reference: inv.merchant_reference, message })
        setInvoiceState(db, inv.id, current.state, { error_code: null, error_message: message }, now())
      }
    },
    (inv, e) => {
      handled++
      if (isAuthError(e)) {
        summary.authFailed = true
        stop.abort()
      }
      summary.failed++
      summary.errors.push({
        id: inv.id,
        reference: inv.merchant_reference,
        message: `Refresh failed: ${errorMessage(e).message}`,
      })
    },
    batchPace(batch, options, stop.signal),
  )
  release()
  summary.stopped = handled < rows.length
  return summary
}
