import type { Db } from '../db/open'

/**
 * Start-up recovery, under the lease: rows left `sending` by a process that died may have created
 * an invoice, so they become `unknown` (looked up before anything else); their open attempts are
 * closed as interrupted. With `retryFailed`, rows that gave up on transient errors are retried
 * (through a lookup first, in case an earlier request did create them) — unless a follow-up batch
 * superseded them: the user's fixed invoice is sent by that batch, not this row's old request.
 */
export function recoverBatch(
  db: Db,
  batchId: string,
  now: number,
  retryFailed: boolean,
): { interrupted: number; retried: number } {
  const t = new Date(now).toISOString()
  return db.transaction(() => {
    db.prepare(`UPDATE attempts SET outcome = 'interrupted' WHERE batch_id = ? AND outcome IS NULL`).run(
      batchId,
    )
    const interrupted = db
      .prepare(`UPDATE invoices SET state = 'unknown', lookup_reason = 'interrupted', updated_at = ?
        WHERE batch_id = ? AND state = 'sending'`)
      .run(t, batchId).changes
    const retried = retryFailed
      ? db
          .prepare(`UPDATE invoices SET state = 'unknown', lookup_reason = 'retry', fail_reason = NULL,
              transient_since_ms = NULL, updated_at = ? WHERE batch_id = ? AND state = 'failed' AND fail_reason = 'transient'
              AND superseded_by_batch IS NULL`)
          .run(t, batchId).changes
      : 0
    // A row left sendable after transient errors whose reference a follow-up batch now sends
    // (fixed): sending the old request too would race it for the reference.
    db.prepare(`UPDATE invoices SET state = 'cancelled', completed_at = ?, updated_at = ? WHERE batch_id = ?
        AND state = 'pending' AND fail_reason = 'transient' AND superseded_by_batch IS NOT NULL`).run(
      t,
      t,
      batchId,
    )
    return { interrupted, retried }
  })()
}
