import type { InvoiceState } from '../../shared/states'
import { type ActionSpec, afterSendAction } from './action'
import { isVoidDone } from './transaction-state'
import { setInvoiceState } from '../journal/invoice-state'

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
  apply(db, inv, answer, patch, now) {
    if (!answer.accepted && isVoidDone(answer.transaction)) {
      setInvoiceState(db, inv.id, 'voided', { ...patch, completed_at: now.toISOString() }, now)
      return 'done'
    }
    // 202 (or a 200 whose transaction does not show the void yet): refresh confirms it later.
    setInvoiceState(db, inv.id, 'void_pending', patch, now)
    return 'pending'
  },
  alreadyDone: isVoidDone,
}

/**
 * Voids the selected invoices that are authorized, awaiting capture or part-paid: 200 → `voided`,
 * 202 → `void_pending` (refresh confirms), refused → state kept with the error on the row. Every
 * try is an attempt row; 429/5xx/network are retried with backoff, paced at the batch's rate.
 * The preview tells how many invoices (and how much, in øre) a void of this selection would cancel.
 */
export const { preview: previewVoid, run: voidInvoices } = afterSendAction(voidSpec)
