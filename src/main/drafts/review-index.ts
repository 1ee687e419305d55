import type { ImportIssueView, ReviewRowView } from '../../shared/contract'
import type { SourceRow } from '../import/types'
import { cellDisplay, cellText } from '../invoice/cells'
import type { Issue, ValidationResult } from '../invoice/types'

export const toIssueView = (i: Issue): ImportIssueView => ({
  severity: i.severity,
  code: i.code,
  rows: i.rows,
  column: i.column,
  field: i.field,
  value: i.value,
  message: i.message,
  message_nb: i.message_nb,
  reference: i.merchant_reference,
})

/**
 * What the review grid needs from a validation result, indexed by source row: each row's issues,
 * which rows have problems (for the filter and "next problem"), and where invoices start. Built
 * in one pass over the issues and rows; rebuilt after an edit (cheap next to re-reading a file).
 */
export interface ReviewIndex {
  issuesByLine: Map<number, Issue[]>
  invalidRefs: Set<string>
  /** Row indexes (file order) whose status is not ok. */
  problems: number[]
  /** Sorted row indexes, for binary search in "next problem". */
  firstOfInvoice: Set<number>
  fileIssues: Issue[]
  errorRows: number
  warningRows: number
}

export function buildReviewIndex(
  rows: readonly SourceRow[],
  result: ValidationResult,
  refColumn: number | undefined,
): ReviewIndex {
  const issuesByLine = new Map<number, Issue[]>()
  const fileIssues: Issue[] = []
  for (const i of [...result.errors, ...result.warnings]) {
    if (i.rows.length === 0) {
      fileIssues.push(i)
      continue
    }
    for (const line of i.rows) {
      const list = issuesByLine.get(line)
      if (list) list.push(i)
      else issuesByLine.set(line, [i])
    }
  }
  const invalidRefs = new Set(result.invalid.map((v) => v.merchant_reference))
  const problems: number[] = []
  const firstOfInvoice = new Set<number>()
  const seen = new Set<string>()
  let errorRows = 0
  let warningRows = 0
  rows.forEach((row, index) => {
    const ref = refOf(row, refColumn)
    if (!seen.has(ref)) {
      seen.add(ref)
      firstOfInvoice.add(index)
    }
    const s = rowStatus(row, ref, issuesByLine, invalidRefs)
    if (s !== 'ok') problems.push(index)
    if (s === 'error' || s === 'duplicate') errorRows++
    else if (s === 'warning') warningRows++
  })
  return { issuesByLine, invalidRefs, problems, firstOfInvoice, fileIssues, errorRows, warningRows }
}

export function refOf(row: SourceRow, refColumn: number | undefined): string {
  return refColumn === undefined ? '' : cellText(row.cells[refColumn])
}

/** A row of an invoice that is left out is an error row even when the problem sits on another row. */
export function rowStatus(
  row: SourceRow,
  ref: string,
  issuesByLine: Map<number, Issue[]>,
  invalidRefs: Set<string>,
): ReviewRowView['status'] {
  const issues = issuesByLine.get(row.line) ?? []
  if (issues.some((i) => i.code === 'already_invoiced')) return 'duplicate'
  if (issues.some((i) => i.severity === 'error') || invalidRefs.has(ref) || ref === '') return 'error'
  return issues.length > 0 ? 'warning' : 'ok'
}

export function rowView(
  row: SourceRow,
  index: number,
  idx: ReviewIndex,
  fieldColumns: readonly [string, number][],
  refColumn: number | undefined,
): ReviewRowView {
  const ref = refOf(row, refColumn)
  const cells: Record<string, string | null> = {}
  for (const [field, col] of fieldColumns) cells[field] = cellDisplay(row.cells[col])
  const issues = idx.issuesByLine.get(row.line) ?? []
  return {
    index,
    line: row.line,
    reference: ref,
    first: idx.firstOfInvoice.has(index),
    cells,
    issues: issues.map(toIssueView),
    status: rowStatus(row, ref, idx.issuesByLine, idx.invalidRefs),
  }
}

/** The next (or previous) problem row after `from`, wrapping around; positions are in `list`. */
export function nextProblem(problems: readonly number[], from: number, direction: 1 | -1): number | null {
  if (problems.length === 0) return null
  // Binary search for the first problem strictly after (or before) `from`.
  let lo = 0
  let hi = problems.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (problems[mid] <= from) lo = mid + 1
    else hi = mid
  }
  if (direction === 1) return problems[lo] ?? problems[0]
  let j = lo - 1
  if (j >= 0 && problems[j] === from) j--
  return j >= 0 ? problems[j] : problems[problems.length - 1]
}
