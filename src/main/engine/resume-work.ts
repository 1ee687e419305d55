import type { Db } from '../db/open'
import type { Work, WorkQueue } from './queue'

/**
 * The work a run starts with: rows never sent (pending) and rows whose fate is not known yet
 * (unknown, looked up first), each with what the journal remembers about it.
 */

const SELECT_WORK = `SELECT id, seq, merchant_reference AS ref, state, first_sent_at, lookup_reason, error_code, error_message,
  transaction_id FROM invoices WHERE batch_id = ? AND state IN ('pending','unknown') ORDER BY (state = 'unknown') DESC, seq`

export function loadWork(db: Db, batchId: string, queue: WorkQueue, startedAt: number): void {
  type WorkRow = {
    id: number
    seq: number
    ref: string
    state: 'pending' | 'unknown'
    first_sent_at: string | null
  }
  for (const r of db.prepare(SELECT_WORK).all(batchId) as (WorkRow & {
    lookup_reason: Work['cause']
    error_code: string | null
    error_message: string | null
    transaction_id: string | null
  })[]) {
    queue.push(
      {
        id: r.id,
        seq: r.seq,
        ref: r.ref,
        state: r.state,
        sentBefore: r.first_sent_at !== null,
        cause: r.state === 'unknown' ? (r.lookup_reason ?? 'interrupted') : null,
        rejection:
          r.lookup_reason === 'rejected_toggle' && r.error_message
            ? { code: r.error_code ?? undefined, message: r.error_message }
            : undefined,
        tries: 0,
        faults: 0,
        emptyLookups: 0,
        firstEmptyAt: null,
        waits: 0,
        // An unknown row waiting on an in-between transaction is checked by that id.
        transactionId: r.state === 'unknown' ? (r.transaction_id ?? undefined) : undefined,
        readyAt: startedAt,
      },
      startedAt,
    )
  }
}
