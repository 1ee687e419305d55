import type { ImportIssueView } from '../../shared/contract'
import type { Comparison } from '../../shared/comparison'
import { comparePlan } from '../compare'
import type { Db } from '../db/open'
import { summarize } from '../invoice/summary'
import type { ValidationResult } from '../invoice/types'
import { toIssueView } from './review-index'
import type { ImportScope, ImportSession, Validated } from './session'

/**
 * The Plan's view of a validated import: without the invoices the user left out on the Plan (a
 * possible duplicate, say), with its comparison against itself and the previous run, and with the
 * due dates that move to a business day.
 */

/** The validation result as the batch will be frozen: invoices the user left out are not in it. */
export function planResult(s: ImportSession, v: Validated): ValidationResult {
  const r = v.session.result()
  const excluded = new Set(s.state.excluded ?? [])
  if (excluded.size === 0) return r
  const invoices = r.invoices.filter((i) => !excluded.has(i.merchant_reference))
  if (invoices.length === r.invoices.length) return r
  return { ...r, invoices, summary: summarize(invoices, r.summary.invalid_invoices) }
}

export interface PlanComparisonView {
  /** The batch compared with itself and the previous run: warnings only. */
  comparison: Comparison
  /** Its findings as sentences in both languages (codes possible_duplicate, customer_missing, …). */
  comparisonWarnings: ImportIssueView[]
  /** Invoices whose due date moves to the next business day (as if sent today). */
  dueMoved: ImportIssueView[]
  /** Invoices the user left out on the Plan: not sent; they can be taken back. */
  leftOutByUser: { reference: string; rows: number[] }[]
}

export function planComparison(
  db: Db,
  s: ImportSession,
  v: Validated,
  scope: ImportScope,
  r: ValidationResult,
): PlanComparisonView {
  const { comparison, warnings } = comparePlan(
    db,
    { env: scope.env, account: scope.account, previous: s.followUpOf === null },
    r.invoices,
  )
  const excluded = new Set(s.state.excluded ?? [])
  const all = v.session.result().invoices
  return {
    comparison,
    comparisonWarnings: warnings.map(toIssueView),
    dueMoved: r.invoices.flatMap((i) => i.warnings.filter((w) => w.code === 'due_moved').map(toIssueView)),
    leftOutByUser: all
      .filter((i) => excluded.has(i.merchant_reference))
      .map((i) => ({ reference: i.merchant_reference, rows: i.rows })),
  }
}
