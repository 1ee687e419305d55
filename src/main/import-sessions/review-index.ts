import type { ImportIssueView, ReviewRowView } from '../../shared/contract'
import type { SourceRow } from '../import/types'
import { cellDisplay, cellText } from '../values/cells'
import { issueFields } from '../invoice/issue-fields'
import type { Issue, ValidationResult } from '../invoice/types'

export const toIssueView = (i: Issue): ImportIssueView => ({
  severity: i.severity,
  ...issueFields(i),
  reference: i.merchant_reference,
})

/**
 * What the review grid needs from a validation result, indexed by source row: each row's issues,
 * which rows have problems (for the filter and "next problem"), and where invoices start. Built
 * in one pass over the issues and rows; rebuilt after an edit (cheap next to re-reading a file).
 */
export type RowStatus = ReviewRowView['status']

export interface ReviewIndex {
  issuesByLine: Map<number, Issue[]>
  invalidRefs: Set<string>
  /** Per row (file order): its reference and status, kept so an edit updates only its rows. */
  refs: string[]
  status: RowStatus[]
  /** Row indexes (file order, ascending) whose status is not ok. */
  problems: number[]
  firstOfInvoice: Set<number>
  fileIssues: Issue[]
  errorRows: number
  warningRows: number
  /** Reference → total (øre) of each valid invoice. */
  totals: Map<string, number>
}

function indexIssues(result: ValidationResult) {
  const issuesByLine = new Map<number, Issue[]>()
  const fileIssues: Issue[] = []
  for (const list of [result.errors, result.warnings]) {
    for (const i of list) {
      if (i.rows.length === 0) {
        fileIssues.push(i)
        continue
      }
      for (const line of i.rows) {
        const l = issuesByLine.get(line)
        if (l) l.push(i)
        else issuesByLine.set(line, [i])
      }
    }
  }
  return {
    issuesByLine,
    fileIssues,
    invalidRefs: new Set(result.invalid.map((v) => v.merchant_reference)),
    totals: new Map(result.invoices.map((inv) => [inv.merchant_reference, inv.amount])),
  }
}

function firstRows(refs: readonly string[]): Set<number> {
  const first = new Set<number>()
  const seen = new Set<string>()
  refs.forEach((ref, i) => {
    if (seen.has(ref)) return
    seen.add(ref)
    first.add(i)
  })
  return first
}

const isError = (s: RowStatus) => s === 'error' || s === 'duplicate'

export function buildReviewIndex(
  rows: readonly SourceRow[],
  result: ValidationResult,
  refColumn: number | undefined,
): ReviewIndex {
  const { issuesByLine, fileIssues, invalidRefs, totals } = indexIssues(result)
  const refs = rows.map((row) => refOf(row, refColumn))
  const status: RowStatus[] = new Array(rows.length)
  const problems: number[] = []
  let errorRows = 0
  let warningRows = 0
  for (let i = 0; i < rows.length; i++) {
    const s = rowStatus(rows[i], refs[i], issuesByLine, invalidRefs)
    status[i] = s
    if (s !== 'ok') problems.push(i)
    if (isError(s)) errorRows++
    else if (s === 'warning') warningRows++
  }
  return {
    issuesByLine,
    invalidRefs,
    refs,
    status,
    problems,
    firstOfInvoice: firstRows(refs),
    fileIssues,
    errorRows,
    warningRows,
    totals,
  }
}

/** Position of `value` in the ascending array, or where it would go. */
function search(a: readonly number[], value: number): number {
  let lo = 0
  let hi = a.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (a[mid] < value) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * After an inline edit: the issues are re-indexed from the new result, but only the rows of the
 * invoices the edit touched get a new status — at 100k lines this keeps an edit well under 100 ms.
 */
export function updateReviewIndex(
  idx: ReviewIndex,
  rows: readonly SourceRow[],
  result: ValidationResult,
  refColumn: number | undefined,
  touched: Iterable<number>,
): void {
  const { issuesByLine, fileIssues, invalidRefs, totals } = indexIssues(result)
  idx.totals = totals
  idx.issuesByLine = issuesByLine
  idx.fileIssues = fileIssues
  idx.invalidRefs = invalidRefs
  let refsChanged = false
  for (const i of touched) {
    const ref = refOf(rows[i], refColumn)
    if (ref !== idx.refs[i]) {
      idx.refs[i] = ref
      refsChanged = true
    }
    const before = idx.status[i]
    const after = rowStatus(rows[i], ref, issuesByLine, invalidRefs)
    if (before === after) continue
    idx.status[i] = after
    if (isError(before)) idx.errorRows--
    else if (before === 'warning') idx.warningRows--
    if (isError(after)) idx.errorRows++
    else if (after === 'warning') idx.warningRows++
    const at = search(idx.problems, i)
    const listed = idx.problems[at] === i
    if (after === 'ok' && listed) idx.problems.splice(at, 1)
    else if (after !== 'ok' && !listed) idx.problems.splice(at, 0, i)
  }
  if (refsChanged) idx.firstOfInvoice = firstRows(idx.refs)
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
): RowStatus {
  const issues = issuesByLine.get(row.line) ?? []
  if (issues.some((i) => i.code === 'already_invoiced')) return 'duplicate'
  if (issues.some((i) => i.severity === 'error') || invalidRefs.has(ref) || ref === '') return 'error'
  return issues.length > 0 ? 'warning' : 'ok'
}

/** A row for the grid; `position` is its place in the list shown (all rows, or only problems). */
export function rowView(
  rows: readonly SourceRow[],
  i: number,
  position: number,
  idx: ReviewIndex,
  fieldColumns: readonly [string, number][],
): ReviewRowView {
  const row = rows[i]
  const cells: Record<string, string | null> = {}
  for (const [field, col] of fieldColumns) cells[field] = cellDisplay(row.cells[col])
  const issues = idx.issuesByLine.get(row.line) ?? []
  return {
    index: position,
    line: row.line,
    reference: idx.refs[i],
    first: idx.firstOfInvoice.has(i),
    invoiceTotal: idx.firstOfInvoice.has(i) ? (idx.totals.get(idx.refs[i]) ?? null) : null,
    cells,
    issues: issues.map(toIssueView),
    status: idx.status[i],
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

/**
 * "Next problem" (F8): the next or previous row, after `from` and wrapping around, that has a note
 * of its own to read. A row that is only marked because its invoice is left out for a problem on
 * another row is passed over; that other row is where the fix is. With `problemsOnly` positions are
 * places in the list of problem rows (what the filtered grid shows), otherwise row numbers.
 */
export function findNoted(
  idx: ReviewIndex,
  rows: readonly SourceRow[],
  problemsOnly: boolean,
  from: number,
  direction: 1 | -1,
): number | null {
  const list = idx.problems
  const n = list.length
  if (n === 0) return null
  const noted = (row: number) => idx.issuesByLine.has(rows[row]?.line ?? -1)
  // Where to start in the problem list: the first entry after (or before) `from`.
  let at: number
  if (problemsOnly) at = from < 0 ? (direction === 1 ? 0 : n - 1) : from + direction
  else {
    const next = nextProblem(list, from, direction)
    if (next === null) return null
    at = list.indexOf(next)
  }
  for (let k = 0; k < n; k++) {
    const p = (((at + direction * k) % n) + n) % n
    if (noted(list[p])) return problemsOnly ? p : list[p]
  }
  // Every problem row is only marked for its invoice: visit them as before rather than none.
  return problemsOnly ? ((at % n) + n) % n : list[((at % n) + n) % n]
}
