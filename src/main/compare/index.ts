import type { Comparison } from '../../shared/comparison'
import type { Db } from '../db/open'
import type { Issue, ValidatedInvoice } from '../invoice/types'
import type { RunEnv } from '../journal/types'
import { compareBatch, type PreviousRun, type ThisInvoice } from './checks'
import { loadPreviousRun } from './previous'
import { comparisonWarnings } from './warnings'

export { compareBatch, type PreviousRun, type ThisInvoice } from './checks'
export { loadPreviousRun } from './previous'
export { comparisonWarnings } from './warnings'

/** A validated invoice as the comparison sees it: customer, total, and each line with its row. */
export function toCompared(inv: ValidatedInvoice): ThisInvoice {
  return {
    merchant_reference: inv.merchant_reference,
    rows: inv.rows,
    amount: inv.amount,
    customer: inv.customer,
    // The items themselves (they carry description and amount): no copy per line.
    lines: inv.request.session.order.items,
  }
}

/**
 * The plan's comparison of the invoices about to be sent, with the previous run of this
 * environment and account (none when `previous` is false: a follow-up batch), and its warnings.
 */
export function comparePlan(
  db: Db | null,
  scope: { env: RunEnv; account: string; previous?: boolean },
  invoices: readonly ValidatedInvoice[],
): { comparison: Comparison; warnings: Issue[] } {
  const previous: PreviousRun | null =
    scope.previous === false ? null : loadPreviousRun(db, scope.env, scope.account)
  const comparison = compareBatch(invoices.map(toCompared), previous)
  return { comparison, warnings: comparisonWarnings(comparison) }
}
