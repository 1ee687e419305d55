import { AppError } from '../../shared/errors'
import { canTransition, type InvoiceState } from '../../shared/states'
import type { Db } from '../db/open'
import { extractKraviaDetails } from '../dintero/details'
import type { Transaction } from '../dintero/types'
import { getInvoice } from './reads'
import type { InvoiceListItem } from './types'

/**
 * Writing an invoice's state outside a send (the in-between check, void, capture, refresh): the
 * state machine's guarded move, and the fields a transaction read fills in.
 */

/** Fields an outcome may set alongside a state change (null clears). */
export interface InvoicePatch {
  fail_reason?: string | null
  lookup_reason?: string | null
  transaction_id?: string | null
  transaction_status?: string | null
  invoice_number?: string | null
  invoice_url?: string | null
  invoice_date?: string | null
  kravia_due_date?: string | null
  kid?: string | null
  account_bban?: string | null
  account_iban?: string | null
  error_code?: string | null
  error_message?: string | null
  completed_at?: string | null
  /** Sum of the transaction's successful CAPTURE events, øre. */
  paid_amount?: number | null
  /** When the last successful capture happened (ISO-8601). */
  paid_at?: string | null
}
const PATCH_KEYS = new Set<keyof InvoicePatch>([
  'fail_reason',
  'lookup_reason',
  'transaction_id',
  'transaction_status',
  'invoice_number',
  'invoice_url',
  'invoice_date',
  'kravia_due_date',
  'kid',
  'account_bban',
  'account_iban',
  'error_code',
  'error_message',
  'completed_at',
  'paid_amount',
  'paid_at',
])

/**
 * Moves an invoice to `to` if the state machine allows it from its current state, with the given
 * fields, in one statement guarded by the expected current state (a concurrent change loses).
 * Returns the new row; throws when the move is not allowed.
 */
export function setInvoiceState(
  db: Db,
  id: number,
  to: InvoiceState,
  patch: InvoicePatch = {},
  now: Date = new Date(),
): InvoiceListItem {
  const current = getInvoice(db, id)
  if (!current) throw new AppError('no_invoice', `Invoice ${id} does not exist.`)
  if (!canTransition(current.state, to)) {
    throw new AppError(
      'bad_transition',
      `Invoice ${current.merchant_reference} cannot go from ${current.state} to ${to}.`,
    )
  }
  const keys = Object.keys(patch).filter((k) =>
    PATCH_KEYS.has(k as keyof InvoicePatch),
  ) as (keyof InvoicePatch)[]
  const sets = ['state = ?', 'updated_at = ?', ...keys.map((k) => `${k} = ?`)]
  const info = db
    .prepare(`UPDATE invoices SET ${sets.join(', ')} WHERE id = ? AND state = ?`)
    .run(to, now.toISOString(), ...keys.map((k) => patch[k] ?? null), id, current.state)
  if (info.changes !== 1) {
    throw new AppError(
      'conflict',
      `Invoice ${current.merchant_reference} changed while it was being updated.`,
    )
  }
  return getInvoice(db, id)!
}

/** The fields a transaction read fills in (never clears what the journal already knows). */
export function patchFromTransaction(tx: Transaction): InvoicePatch {
  const d = extractKraviaDetails(tx)
  const patch: InvoicePatch = { transaction_status: String(tx.status) }
  if (d.invoice_number) patch.invoice_number = d.invoice_number
  if (d.invoice_url) patch.invoice_url = d.invoice_url
  if (d.invoice_date) patch.invoice_date = d.invoice_date
  if (d.due_date) patch.kravia_due_date = d.due_date
  if (d.kid) patch.kid = d.kid
  if (d.bban) patch.account_bban = d.bban
  if (d.iban) patch.account_iban = d.iban
  const paid = paidFromEvents(tx)
  if (paid) {
    patch.paid_amount = paid.amount
    patch.paid_at = paid.at
  }
  return patch
}

/**
 * What the customer has paid, from the transaction's successful CAPTURE events (INITIATE_CAPTURE
 * only starts Kravia's collection and is not a payment): the sum in øre and the last one's time.
 * Undefined when the read carried no events, so an earlier figure is never cleared by a bare read.
 */
export function paidFromEvents(tx: Transaction): { amount: number; at: string | null } | undefined {
  if (!tx.events) return undefined
  let amount = 0
  let at: string | null = null
  for (const e of tx.events) {
    if (e.event !== 'CAPTURE' || e.success === false || typeof e.amount !== 'number') continue
    amount += e.amount
    if (e.created_at && (at === null || e.created_at > at)) at = e.created_at
  }
  return { amount, at }
}
