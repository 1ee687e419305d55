import type { Db } from '../db/open'
import type { Transaction } from '../dintero/types'
import { getInvoice } from '../journal/reads'
import { decideLookup, type LookupDecision } from './outcome'
import type { InvoiceListItem } from '../journal/types'
import { patchFromTransaction, setInvoiceState } from '../journal/invoice-state'

/**
 * The state rules for a row that is `unknown` because Dintero holds its transaction in an
 * in-between status (ON_HOLD, INITIATED, UNKNOWN). The row keeps that transaction's id
 * (`transaction_id`, `lookup_reason = 'in_between'`) and is never sent again while it exists.
 * The engine's lookups and `refresh` read the transaction by id and apply these rules:
 *
 * - authorized or later, same amount → the row takes its state (authorized, awaiting_capture…);
 * - still in between → unchanged;
 * - ended without an invoice (FAILED, DECLINED) → sendable again, through a lookup by reference
 *   first (the next run looks it up and sends it when nothing exists);
 * - anything that does not match (another amount) → stays unknown with the reason.
 */

/** Rows of a batch that wait on an in-between transaction (refresh reads these by id). */
export function heldRows(db: Db, batchId: string): InvoiceListItem[] {
  const ids = db
    .prepare(`SELECT id FROM invoices WHERE batch_id = ? AND state = 'unknown' AND transaction_id IS NOT NULL
      AND lookup_reason = 'in_between' ORDER BY id`)
    .all(batchId) as { id: number }[]
  return ids.map((r) => getInvoice(db, r.id)).filter((r): r is NonNullable<typeof r> => r !== undefined)
}

/** What the held transaction, as read now, means for its row. */
export function decideHeld(
  tx: Transaction,
  row: Pick<
    InvoiceListItem,
    'merchant_reference' | 'amount' | 'invoice_channel' | 'customer_org' | 'customer_email'
  >,
): LookupDecision {
  return decideLookup(
    [tx],
    {
      reference: row.merchant_reference,
      amount: row.amount,
      channel: row.invoice_channel,
      customer: { organization_number: row.customer_org, email: row.customer_email },
    },
    new Set(),
  )
}

/**
 * Applies `decideHeld` to the journal outside a run (refresh). Returns the row's new state, or
 * null when nothing changed. Call it only for a batch no run is sending (the engine applies the
 * same rules itself while it holds the batch).
 */
export function applyHeld(db: Db, invoiceId: number, tx: Transaction, now = new Date()): string | null {
  const row = getInvoice(db, invoiceId)
  if (row?.state !== 'unknown' || row.transaction_id !== tx.id) return null
  const d = decideHeld(tx, row)
  if (d.kind === 'adopt') {
    setInvoiceState(
      db,
      invoiceId,
      d.state,
      {
        ...patchFromTransaction(tx),
        transaction_id: tx.id,
        lookup_reason: null,
        error_code: null,
        error_message: null,
        completed_at: now.toISOString(),
      },
      now,
    )
    return d.state
  }
  if (d.kind === 'in_between') {
    setInvoiceState(db, invoiceId, 'unknown', { transaction_status: String(tx.status) }, now)
    return null
  }
  if (d.kind === 'none') {
    // It ended without an invoice: forget it; the next run looks the reference up, then sends.
    setInvoiceState(
      db,
      invoiceId,
      'unknown',
      {
        transaction_id: null,
        transaction_status: null,
        lookup_reason: 'retry',
        error_message: `Dintero's transaction ${tx.id} ended ${tx.status} without an invoice; resume sends the invoice again.`,
      },
      now,
    )
    return 'unknown'
  }
  setInvoiceState(db, invoiceId, 'unknown', { error_message: d.message }, now)
  return null
}
