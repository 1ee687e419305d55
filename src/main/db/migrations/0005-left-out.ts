import type { Migration } from '../open'

/**
 * Invoices left out of a batch when the user confirmed its plan: invalid, or already invoiced in
 * an earlier batch of the same environment and account. Kept with the batch so its "failed rows"
 * export can hand them back for fixing, and `status` can list them. `lines_json` holds, per source
 * line, each canonical field's value as the user gave it (after mapping, before validation): what
 * they typed is what they get back to fix. `issues_json` holds the errors (code, rows, column,
 * field, value, message, message_nb).
 */
export const m0005LeftOut: Migration = {
  version: 5,
  name: 'left-out',
  up(db) {
    db.exec(`
      CREATE TABLE left_out_invoices (
        id INTEGER PRIMARY KEY,
        batch_id TEXT NOT NULL REFERENCES batches(id),
        seq INTEGER NOT NULL,
        merchant_reference TEXT NOT NULL,
        rows_json TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (reason IN ('invalid','already_invoiced')),
        issues_json TEXT NOT NULL,
        lines_json TEXT NOT NULL,
        superseded_by_batch TEXT REFERENCES batches(id),
        created_at TEXT NOT NULL,
        UNIQUE (batch_id, seq)
      );
      CREATE INDEX left_out_batch_ref ON left_out_invoices(batch_id, merchant_reference);
    `)
  },
}
