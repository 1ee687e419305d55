import type { ReadIssue } from './types'

/**
 * Collects row-level issues with a cap: a file with 200,000 ragged rows must not build a
 * 200,000-entry array for the UI. Past the cap only a count is kept, reported as one last issue.
 */
export class IssueSink {
  readonly list: ReadIssue[] = []
  private dropped = 0
  private droppedErrors = 0

  constructor(private readonly max: number) {}

  add(issue: ReadIssue): void {
    if (this.list.length < this.max) this.list.push(issue)
    else {
      this.dropped++
      if (issue.severity === 'error') this.droppedErrors++
    }
  }

  get hasErrors(): boolean {
    return this.droppedErrors > 0 || this.list.some((i) => i.severity === 'error')
  }

  /** The issues, with a closing 'issues_truncated' entry when some were left out. */
  result(): ReadIssue[] {
    if (this.dropped === 0) return this.list
    return [
      ...this.list,
      {
        code: 'issues_truncated',
        severity: this.droppedErrors > 0 ? 'error' : 'warning',
        line: 0,
        message: `${this.dropped} more problems of the same kinds were found and not listed.`,
        message_nb: `${this.dropped} flere problemer av samme slag ble funnet, men ikke listet.`,
      },
    ]
  }
}
