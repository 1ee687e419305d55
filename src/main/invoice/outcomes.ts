/**
 * From per-invoice outcomes to the session's result, and the changes an outcome takes after its
 * check: references already invoiced, and the reader's errors on rows already let go.
 */
import { makeIssue, type Plan } from './field-sources'
import type { InvoiceOutcome } from './group'
import { priceBasisOf } from './price-basis'
import { summarize } from './summary'
import type { InvalidInvoice, Issue, ValidatedInvoice, ValidationResult } from './types'

export function outcomeRows(o: InvoiceOutcome | undefined): readonly number[] {
  return !o ? [] : o.ok ? o.invoice.rows : o.invalid.rows
}

/** A reference invoiced in an earlier run: the invoice becomes invalid with an error saying where. */
export function markInvoiced(plan: Plan, o: InvoiceOutcome, ref: string, scopeText?: string): InvoiceOutcome {
  const rows = o.ok ? o.invoice.rows : o.invalid.rows
  const scope = scopeText ?? 'same environment and account'
  const issue = makeIssue(plan, {
    severity: 'error',
    code: 'already_invoiced',
    rows,
    field: 'merchant_reference',
    value: ref,
    extra: scope,
    extra_nb: scope.replace('account', 'konto'),
    reference: ref,
  })
  const issues = [...o.issues, issue]
  if (o.ok) {
    const invalid = { merchant_reference: ref, rows, errors: [issue], warnings: o.invoice.warnings }
    return { ok: false, invalid, issues }
  }
  return { ok: false, invalid: { ...o.invalid, errors: [...o.invalid.errors, issue] }, issues }
}

/**
 * The reader's errors on the rows of an invoice already let go: the same outcome as checking it
 * again with them (they come first, and make it invalid). Unchanged when none of its rows has one.
 */
export function withReadIssues(
  o: InvoiceOutcome,
  ref: string,
  byLine: ReadonlyMap<number, readonly Issue[]>,
): InvoiceOutcome {
  const found: Issue[] = []
  for (const line of outcomeRows(o))
    for (const i of byLine.get(line) ?? []) found.push({ ...i, merchant_reference: ref })
  if (found.length === 0) return o
  const issues = [...found, ...o.issues]
  const invalid = o.ok
    ? { merchant_reference: ref, rows: o.invoice.rows, errors: found, warnings: o.invoice.warnings }
    : { ...o.invalid, errors: [...found, ...o.invalid.errors] }
  const next: InvoiceOutcome = { ok: false, invalid, issues }
  if (o.inferred) next.inferred = o.inferred
  return next
}

/**
 * The full result from the file's findings, the rows without a reference and each invoice's
 * outcome in sheet order (undefined: not checked).
 */
export function collectResult(
  plan: Plan,
  fileIssues: readonly Issue[],
  orphans: readonly Issue[],
  outcomes: readonly (InvoiceOutcome | undefined)[],
): ValidationResult {
  const errors: Issue[] = fileIssues.filter((i) => i.severity === 'error')
  const warnings: Issue[] = fileIssues.filter((i) => i.severity === 'warning')
  for (const o of orphans) (o.severity === 'error' ? errors : warnings).push(o)
  const invoices: ValidatedInvoice[] = []
  const invalid: InvalidInvoice[] = []
  const inferred = { business: 0, private: 0 }
  for (const o of outcomes) {
    if (!o) continue
    if (o.inferred) inferred[o.inferred === 'kravia.invoice_b2c' ? 'private' : 'business']++
    if (o.ok) invoices.push(o.invoice)
    else invalid.push(o.invalid)
    for (const i of o.issues) (i.severity === 'error' ? errors : warnings).push(i)
  }
  const byRow = (a: Issue, b: Issue) => (a.rows[0] ?? 0) - (b.rows[0] ?? 0)
  errors.sort(byRow)
  warnings.sort(byRow)
  // Said once for the file: which invoices the organisation number made business or private.
  if (inferred.business + inferred.private > 0)
    warnings.unshift(
      makeIssue(plan, {
        severity: 'warning',
        code: 'product_type_from_org_number',
        rows: [],
        field: 'payment_product_type',
        column: null,
        counts: inferred,
      }),
    )
  // Missing mapped fields make every invoice unusable even though each one looks fine alone.
  if (fileIssues.some((i) => i.code === 'field_not_mapped')) {
    for (const inv of invoices)
      invalid.push({
        merchant_reference: inv.merchant_reference,
        rows: inv.rows,
        errors: [],
        warnings: inv.warnings,
      })
    invoices.length = 0
  }
  return {
    invoices,
    invalid,
    errors,
    warnings,
    summary: summarize(invoices, invalid.length, priceBasisOf(plan)),
  }
}
