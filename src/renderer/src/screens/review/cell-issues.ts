import type { ImportIssueView, ReviewRowView } from '../../../../shared/contract'

/** The worst problem on a row's cell for `field`: errors win over warnings. */
export function cellSeverity(row: ReviewRowView, field: string): 'error' | 'warning' | null {
  let worst: 'error' | 'warning' | null = null
  for (const i of row.issues) {
    if (i.field !== field) continue
    if (i.severity === 'error') return 'error'
    worst = 'warning'
  }
  return worst
}

export function cellIssues(row: ReviewRowView, field: string): ImportIssueView[] {
  return row.issues.filter((i) => i.field === field)
}

/** The first column (in grid order) with a problem, so "next problem" lands on the cell itself. */
export function firstProblemColumn(row: ReviewRowView, fields: readonly string[]): number {
  const i = fields.findIndex((f) => cellSeverity(row, f) !== null)
  return i
}
