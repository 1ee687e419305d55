import { canTransition, type InvoiceState, stateForTransactionStatus } from '../../shared/states'
import type { Transaction } from '../dintero/types'

function lastEvent(tx: Transaction, name: string) {
  const events = tx.events ?? []
  for (let i = events.length - 1; i >= 0; i--) if (events[i].event === name) return events[i]
  return undefined
}

export function hasSuccessfulEvent(tx: Transaction, name: string): boolean {
  return (tx.events ?? []).some((e) => e.event === name && e.success !== false)
}

/** A void that Dintero finished: the authorization voided, or the unpaid rest of a part payment cancelled. */
export function isVoidDone(tx: Transaction): boolean {
  if (tx.status === 'AUTHORIZATION_VOIDED') return true
  return String(tx.status).startsWith('PARTIALLY_CAPTURED') && hasSuccessfulEvent(tx, 'VOID')
}

/** Merchant-channel invoices wait for the merchant's capture; Kravia starts on INITIATE_CAPTURE. */
export function isCaptureInitiated(tx: Transaction): boolean {
  return hasSuccessfulEvent(tx, 'INITIATE_CAPTURE')
}

/**
 * The state a journal row should take after reading its transaction, or null when the status says
 * nothing the journal can use (FAILED, ON_HOLD, …). Rules beyond the plain status mapping:
 * - `PARTIALLY_CAPTURED` with a VOID event → `voided` (rest cancelled; the kept transaction status
 *   tells reports it was part-paid);
 * - a row in `void_pending` stays there while Dintero still shows the old status, and goes back
 *   when Dintero's VOID event failed.
 */
export function stateFromTransaction(
  current: InvoiceState,
  channel: 'kravia' | 'merchant',
  tx: Transaction,
): InvoiceState | null {
  if (isVoidDone(tx)) return 'voided'
  const base = stateForTransactionStatus(String(tx.status), channel, isCaptureInitiated(tx))
  if (base === null) return null
  if (
    current === 'void_pending' &&
    (base === 'authorized' || base === 'awaiting_capture' || base === 'part_paid')
  ) {
    const lastVoid = lastEvent(tx, 'VOID')
    return lastVoid && lastVoid.success === false ? base : 'void_pending'
  }
  return base
}

export type RefreshOutcome =
  | { kind: 'unchanged'; state: InvoiceState }
  | { kind: 'changed'; from: InvoiceState; to: InvoiceState }
  /** Dintero says something the journal's state machine cannot follow (e.g. paid after voided). */
  | { kind: 'conflict'; from: InvoiceState; status: string }

export function refreshOutcome(
  current: InvoiceState,
  channel: 'kravia' | 'merchant',
  tx: Transaction,
): RefreshOutcome {
  const to = stateFromTransaction(current, channel, tx)
  if (to === null) return { kind: 'conflict', from: current, status: String(tx.status) }
  if (to === current) return { kind: 'unchanged', state: current }
  if (!canTransition(current, to)) return { kind: 'conflict', from: current, status: String(tx.status) }
  return { kind: 'changed', from: current, to }
}
