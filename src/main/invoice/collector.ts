/**
 * Where an invoice's findings go while it is assembled: errors and warnings with the invoice's
 * reference, and each invoice-level value picked once (pick.ts).
 */
import type { CanonicalField } from '../../shared/canonical'
import type { LineRecord } from './lines'
import { type Picked, pick } from './pick'
import type { IssueArgs, IssueInput, Plan } from './field-sources'

/** Methods, not per-invoice closures: this runs for every invoice. */
export class Collector {
  constructor(
    readonly plan: Plan,
    readonly recs: readonly LineRecord[],
    readonly ref: string,
    readonly rows: number[],
    readonly issues: IssueInput[],
  ) {}

  err(...[code, field, at, value, extra]: IssueArgs): void {
    this.add('error', code, field, at, value, extra)
  }

  warn(...[code, field, at, value, extra]: IssueArgs): void {
    this.add('warning', code, field, at, value, extra)
  }

  private add(severity: IssueInput['severity'], ...[code, field, at, value, extra]: IssueArgs): void {
    this.issues.push({ severity, code, rows: at, field, value: value ?? null, reference: this.ref, ...extra })
  }

  get(field: CanonicalField): Picked | undefined {
    return pick(this.plan, this.recs, field, this.issues, this.ref)
  }

  /** The row a value came from, or all the invoice's rows when a constant/default filled it. */
  at(p: { line?: number } | undefined): number[] {
    return p?.line !== undefined ? [p.line] : this.rows
  }

  required(field: CanonicalField, extra?: string, extra_nb?: string): string {
    const p = this.get(field)
    if (!p || p.text === '') {
      this.err('missing_value', field, this.rows, null, { extra, extra_nb })
      return ''
    }
    return p.text
  }
}
