import type { Migration } from '../open'

/**
 * What the customer has paid on an invoice, as Dintero's CAPTURE events say when a transaction is
 * read (refresh, void, capture): `paid_amount` is the sum of the successful captures in øre (0 when
 * none), `paid_at` the time of the last one (ISO-8601 UTC). Both stay NULL until a read saw the
 * transaction's events, so a report can tell "nothing paid" from "not read yet".
 */
export const m0006Payments: Migration = {
  version: 6,
  name: 'payments',
  up(db) {
    db.exec(`
      ALTER TABLE invoices ADD COLUMN paid_amount INTEGER;
      ALTER TABLE invoices ADD COLUMN paid_at TEXT;
    `)
  },
}
