import type { SelectionPreview } from '../../shared/contract'
import type { InvoiceState } from '../../shared/states'
import type { Db } from '../db/open'
import type { DinteroApi } from '../dintero/types'
import { type ActionSpec, previewAction, runAction } from './action'
import type { ActionSummary, AfterSendOptions } from './common'
import type { AfterSendSelection } from './select'
import { isCaptureInitiated } from './transaction-state'
import { patchFromTransaction, setInvoiceState } from '../journal/invoice-state'

/**
 * Capture for `invoice_channel: merchant` invoices: Kravia waits until the merchant captures the
 * full amount (INITIATE_CAPTURE event), then starts collection; the row becomes `authorized`.
 */

export const CAPTURABLE_STATES: readonly InvoiceState[] = ['awaiting_capture']

const captureSpec: ActionSpec = {
  kind: 'capture',
  eligible: CAPTURABLE_STATES,
  done: 'captured',
  call: (api, inv, signal) => api.capture(inv.transaction_id!, inv.amount, signal),
  apply(db, inv, answer, now) {
    const patch = { ...patchFromTransaction(answer.transaction), error_code: null, error_message: null }
    if (answer.accepted && !isCaptureInitiated(answer.transaction)) {
      // 202: Dintero will add INITIATE_CAPTURE shortly; refresh moves the row on when it has.
      setInvoiceState(db, inv.id, inv.state, patch, now)
      return 'pending'
    }
    setInvoiceState(db, inv.id, 'authorized', patch, now)
    return 'done'
  },
  alreadyDone: isCaptureInitiated,
}

export function previewCapture(db: Db, batchId: string, selection: AfterSendSelection): SelectionPreview {
  return previewAction(captureSpec, db, batchId, selection)
}

/** Captures the full amount of the selected `awaiting_capture` invoices → `authorized`. */
export function captureInvoices(
  db: Db,
  api: DinteroApi,
  batchId: string,
  selection: AfterSendSelection,
  options: AfterSendOptions = {},
): Promise<ActionSummary> {
  return runAction(captureSpec, db, api, batchId, selection, options)
}
