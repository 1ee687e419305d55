import type { InvoiceState } from '../../shared/states'
import { type ActionSpec, afterSendAction } from './action'
import { isCaptureInitiated } from './transaction-state'
import { setInvoiceState } from '../journal/invoice-state'

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
  apply(db, inv, answer, patch, now) {
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

/** Captures the full amount of the selected `awaiting_capture` invoices → `authorized`. */
export const { preview: previewCapture, run: captureInvoices } = afterSendAction(captureSpec)
