import type { Db } from '../db/open'
import type { RunEnv } from '../journal/types'
import type { PreviousRun } from './checks'

/** States in which the previous run's invoice stands (created and not voided): what was billed. */
const BILLED = "('authorized','awaiting_capture','part_paid','paid')"

/**
 * The previous run: the last finished batch of this environment and account that is not a
 * follow-up (fixing another batch's failed invoices is not a month of its own), with its billed
 * invoices. null when there is none, or the store has no journal yet.
 */
export function loadPreviousRun(db: Db | null, env: RunEnv, account: string): PreviousRun | null {
  if (!db) return null
  try {
    const batch = db
      .prepare(
        `SELECT id, source_name, created_at, finished_at FROM batches
         WHERE env = ? AND account = ? AND state = 'finished' AND parent_batch_id IS NULL
         ORDER BY COALESCE(finished_at, created_at) DESC, id DESC LIMIT 1`,
      )
      .get(env, account) as PreviousRun['batch'] | undefined
    if (!batch) return null
    const rows = db
      .prepare(
        `SELECT merchant_reference, amount, customer_name, customer_email, customer_org FROM invoices
         WHERE batch_id = ? AND state IN ${BILLED} ORDER BY seq`,
      )
      .all(batch.id) as {
      merchant_reference: string
      amount: number
      customer_name: string | null
      customer_email: string | null
      customer_org: string | null
    }[]
    return {
      batch,
      invoices: rows.map((r) => ({
        merchant_reference: r.merchant_reference,
        amount: r.amount,
        customer: { name: r.customer_name, email: r.customer_email, organization_number: r.customer_org },
      })),
    }
  } catch (e) {
    // A store from before the runs tables has no previous run.
    if (e instanceof Error && /no such table/i.test(e.message)) return null
    throw e
  }
}
