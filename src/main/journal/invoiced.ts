import { INVOICED_STATES } from '../../shared/states'
import type { Db } from '../db/open'
import type { RunEnv } from './types'

const CHUNK = 500
const STATE_LIST = INVOICED_STATES.map((s) => `'${s}'`).join(',')

/**
 * The references among `refs` that already have a successfully authorized invoice (authorized or
 * later) in any batch of this environment and account — what the plan leaves out as
 * "already invoiced" so a monthly file read twice cannot bill anyone twice.
 */
export function findInvoicedReferences(
  db: Db,
  env: RunEnv,
  account: string,
  refs: readonly string[],
): Set<string> {
  const found = new Set<string>()
  const unique = [...new Set(refs)]
  for (let i = 0; i < unique.length; i += CHUNK) {
    const chunk = unique.slice(i, i + CHUNK)
    const rows = db
      .prepare(
        `SELECT DISTINCT merchant_reference AS ref FROM invoices
         WHERE env = ? AND account = ? AND state IN (${STATE_LIST})
           AND merchant_reference IN (${chunk.map(() => '?').join(',')})`,
      )
      .all(env, account, ...chunk) as { ref: string }[]
    for (const r of rows) found.add(r.ref)
  }
  return found
}

/** Which batch invoiced each reference (for the plan's "already invoiced in batch X" line). */
export function findInvoicedBatches(
  db: Db,
  env: RunEnv,
  account: string,
  refs: readonly string[],
): Map<string, string> {
  const found = new Map<string, string>()
  const unique = [...new Set(refs)]
  for (let i = 0; i < unique.length; i += CHUNK) {
    const chunk = unique.slice(i, i + CHUNK)
    const rows = db
      .prepare(
        `SELECT merchant_reference AS ref, batch_id FROM invoices
         WHERE env = ? AND account = ? AND state IN (${STATE_LIST})
           AND merchant_reference IN (${chunk.map(() => '?').join(',')}) ORDER BY id`,
      )
      .all(env, account, ...chunk) as { ref: string; batch_id: string }[]
    for (const r of rows) if (!found.has(r.ref)) found.set(r.ref, r.batch_id)
  }
  return found
}
