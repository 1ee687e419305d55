import type { SelectionPreview } from '../../shared/contract'
import type { InvoiceState } from '../../shared/states'
import type { Db } from '../db/open'
import type { DinteroApi } from '../dintero/types'
import { type ActionSpec, previewAction, runAction } from './action'
import type { ActionSummary, AfterSendOptions } from './common'
import type { AfterSendSelection } from './select'
import { isVoidDone } from './transaction-state'
import { patchFromTransaction, setInvoiceState } from '../journal/invoice-state'

/**
 * Void (cancel) invoices after sending. Kravia has no refunds: an unpaid invoice is cancelled with
 * a void, and a part-paid one has its unpaid rest cancelled (Dintero keeps PARTIALLY_CAPTURED and
 * adds a VOID event; the journal row becomes `voided` and keeps that status, which reports show
 * as "part paid, rest cancelled").
 */

export const VOIDABLE_STATES: readonly InvoiceState[] = ['authorized', 'awaiting_capture', 'part_paid']

const voidSpec: ActionSpec = {
  kind: 'void',
  eligible: VOIDABLE_STATES,
  done: 'voided',
  call: (api, inv, signal) => api.void(inv.transaction_id!, signal),
  apply(db, inv, answer, now) {
    const base = { ...patchFromTransaction(answer.transaction), error_code: null, error_message: null }
    if (!answer.accepted && isVoidDone(answer.transaction)) {
      setInvoiceState(db, inv.id, 'voided', { ...base, completed_at: now.toISOString() }, now)
      return 'done'
    }
    // 202 (or a 200 whose transaction does not show the void yet): refresh confirms it later.
    setInvoiceState(db, inv.id, 'void_pending', base, now)
    return 'pending'
  },
  alreadyDone: isVoidDone,
}

/** How many invoices (and how much, in øre) a void of this selection would cancel. */
export function previewVoid(db: Db, batchId: string, selection: AfterSendSelection): SelectionPreview {
  return previewAction(voidSpec, db, batchId, selection)
}

/**
 * Voids the selected invoices that are authorized, awaiting capture or part-paid: 200 → `voided`,
 * 202 → `void_pending` (refresh confirms), refused → state kept with the error on the row. Every
 * try is an attempt row; 429/5xx/network are retried with backoff, paced at the batch's rate.
 */
export function voidInvoices(
  db: Db,
  api: DinteroApi,
  batchId: string,
  selection: AfterSendSelection,
  options: AfterSendOptions = {},
): Promise<ActionSummary> {
  return runAction(voidSpec, db, api, batchId, selection, options)
}
