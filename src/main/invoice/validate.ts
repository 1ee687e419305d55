/**
 * The validation session: rows go in chunk by chunk while the reader is still parsing
 * (`addRows`), `finish()` settles undecided number separators, groups rows into invoices and
 * checks them. The session keeps its rows, so the review grid can edit one cell and get the
 * affected invoices back at once (`editCell`), without re-reading the file.
 */
import type { CanonicalField } from '../../shared/canonical'
import { type Dec, type DecimalSeparator, decToString, parseNumberText } from '../../shared/money'
import type { RawCell, SourceRow } from '../import/types'
import { assembleInvoice, type GroupContext, type InvoiceOutcome } from './group'
import {
  checkLine,
  type LineRecord,
  NUMBER_FIELDS,
  type NumberField,
  processLine,
  resolvePending,
  SeparatorVotes,
} from './lines'
import { type ColumnIndexes, type Constants, type IssueInput, makeIssue, makePlan, type Plan } from './plan'
import { summarize } from './summary'
import type { Defaults, Issue, ValidationResult } from './types'

export interface ValidateOptions {
  /** Canonical field → 0-based column index (see mapping/resolveColumns). */
  columns: ColumnIndexes
  constants?: Constants
  defaults?: Defaults
  /** session.url.callback_url, only when configured. */
  callbackUrl?: string
  /** The instant due dates are counted from (Europe/Oslo calendar days). */
  now?: Date
  /** TableInfo.decimalCommaHint: decides `1,500` when a column's other values do not. */
  decimalCommaHint?: boolean
  /** References already invoiced successfully in this environment/account (runs/invoiced.ts). */
  invoicedLookup?: (refs: readonly string[]) => Set<string>
  /** Shown in the already-invoiced message, e.g. "sandbox, account T12345678". */
  invoicedScope?: string
  /** Issues found before validation (reader issues, mapping problems); errors make the file invalid. */
  preIssues?: Issue[]
}

const REQUIRED_FIELDS: { field: CanonicalField; alt?: CanonicalField[] }[] = [
  { field: 'merchant_reference' },
  { field: 'payment_product_type' },
  { field: 'days_until_due', alt: ['due_date'] },
  { field: 'description' },
  { field: 'amount', alt: ['unit_price'] },
  { field: 'vat' },
]

export class ValidationSession {
  readonly plan: Plan
  private readonly votes = new SeparatorVotes()
  private readonly ctx: GroupContext
  private readonly records: LineRecord[] = []
  private readonly byLine = new Map<number, LineRecord>()
  private groups = new Map<string, LineRecord[]>()
  private outcomes = new Map<string, InvoiceOutcome>()
  private orphans: Issue[] = []
  private fileIssues: Issue[] = []
  private seps?: Map<NumberField, { sep: DecimalSeparator }>
  private finished = false
  private cached?: ValidationResult

  constructor(
    headers: string[],
    private readonly options: ValidateOptions,
  ) {
    this.plan = makePlan(headers, options.columns, options.constants, options.defaults)
    this.ctx = { plan: this.plan, now: options.now ?? new Date(), callbackUrl: options.callbackUrl }
    this.fileIssues = [...(options.preIssues ?? [])]
    for (const r of REQUIRED_FIELDS) {
      const fields = [r.field, ...(r.alt ?? [])]
      if (fields.some((f) => this.plan.col[f] >= 0 || this.plan.fill[f] !== undefined)) continue
      const label = fields.join(' / ')
      this.fileIssues.push(
        makeIssue(this.plan, {
          severity: 'error',
          code: 'field_not_mapped',
          rows: [],
          field: r.field,
          column: label,
        }),
      )
    }
  }

  /** Parses a chunk's line-level values now, so validation keeps pace with the reader. */
  addRows(rows: readonly SourceRow[]): void {
    if (this.finished) throw new Error('addRows after finish')
    for (let i = 0; i < rows.length; i++) {
      const rec = processLine(this.plan, rows[i], this.votes)
      this.records.push(rec)
      this.byLine.set(rec.row.line, rec)
    }
  }

  /**
   * Ends the stream. `readIssues`: the reader's findings (known only when it is done); those on a
   * row make that row's invoice invalid, the others concern the file.
   */
  finish(readIssues: readonly Issue[] = []): ValidationResult {
    if (!this.finished) {
      this.finished = true
      for (const i of readIssues) {
        const rec = i.severity === 'error' && i.rows.length === 1 ? this.byLine.get(i.rows[0]) : undefined
        if (rec?.ref) {
          if (rec.readIssues) rec.readIssues.push(i)
          else rec.readIssues = [i]
        } else this.fileIssues.push(i)
      }
      this.seps = new Map()
      for (const f of NUMBER_FIELDS)
        this.seps.set(f, this.votes.decide(f, this.options.decimalCommaHint ?? true))
      this.ambiguityWarnings()
      for (const rec of this.records) {
        resolvePending(this.plan, rec, this.seps)
        checkLine(this.plan, rec)
        this.place(rec)
      }
      this.assembleAll([...this.groups.keys()])
    }
    return this.result()
  }

  /** The full result, rebuilt from the per-invoice outcomes (cheap; cached until an edit). */
  result(): ValidationResult {
    if (this.cached) return this.cached
    const errors: Issue[] = this.fileIssues.filter((i) => i.severity === 'error')
    const warnings: Issue[] = this.fileIssues.filter((i) => i.severity === 'warning')
    for (const o of this.orphans) (o.severity === 'error' ? errors : warnings).push(o)
    const invoices = []
    const invalid = []
    for (const o of this.outcomes.values()) {
      if (o.ok) invoices.push(o.invoice)
      else invalid.push(o.invalid)
      for (const i of o.issues) (i.severity === 'error' ? errors : warnings).push(i)
    }
    const byRow = (a: Issue, b: Issue) => (a.rows[0] ?? 0) - (b.rows[0] ?? 0)
    errors.sort(byRow)
    warnings.sort(byRow)
    // Missing mapped fields make every invoice unusable even though each one looks fine alone.
    const blocked = this.fileIssues.some((i) => i.code === 'field_not_mapped')
    if (blocked) {
      for (const inv of invoices)
        invalid.push({
          merchant_reference: inv.merchant_reference,
          rows: inv.rows,
          errors: [],
          warnings: inv.warnings,
        })
      invoices.length = 0
    }
    this.cached = { invoices, invalid, errors, warnings, summary: summarize(invoices, invalid.length) }
    return this.cached
  }

  /** The outcome of one invoice (after finish). */
  invoice(ref: string): InvoiceOutcome | undefined {
    return this.outcomes.get(ref)
  }

  /**
   * An inline edit from the review grid: sets one cell (0-based column) of the row shown as
   * `line` and re-checks the invoice(s) it touches. Returns those invoices' new outcomes; a
   * reference that no longer has rows comes back in `removed`.
   */
  editCell(line: number, column: number, value: RawCell): { changed: InvoiceOutcome[]; removed: string[] } {
    if (!this.finished || !this.seps) throw new Error('editCell before finish')
    const old = this.byLine.get(line)
    if (!old) throw new Error(`No row ${line}`)
    const cells = old.row.cells.slice()
    while (cells.length <= column) cells.push(null)
    cells[column] = value
    const row: SourceRow = { line, cells }
    const rec = processLine(this.plan, row, new SeparatorVotes(), this.seps)
    checkLine(this.plan, rec)
    // A reader finding such as a ragged row stays with the row until the row is read again.
    if (old.readIssues) rec.readIssues = old.readIssues
    this.records[this.records.indexOf(old)] = rec
    this.byLine.set(line, rec)
    const touched = new Set<string>()
    if (old.ref) {
      const g = this.groups.get(old.ref)
      if (g) {
        g.splice(g.indexOf(old), 1)
        if (g.length === 0) this.groups.delete(old.ref)
      }
      touched.add(old.ref)
    } else this.orphans = this.orphans.filter((o) => !o.rows.includes(line))
    this.place(rec)
    if (rec.ref) {
      touched.add(rec.ref)
      // Keep rows in sheet order inside the invoice, so line ids 1..n stay stable.
      this.groups.get(rec.ref)?.sort((a, b) => a.row.line - b.row.line)
    }
    const removed = [...touched].filter((r) => !this.groups.has(r))
    for (const r of removed) this.outcomes.delete(r)
    this.assembleAll([...touched].filter((r) => this.groups.has(r)))
    this.cached = undefined
    return { changed: [...touched].map((r) => this.outcomes.get(r)).filter((o) => o !== undefined), removed }
  }

  private place(rec: LineRecord): void {
    if (!rec.ref) {
      // With no reference column at all, the one field_not_mapped error says it; no error per row.
      if (this.plan.col.merchant_reference < 0 && this.plan.fill.merchant_reference === undefined) return
      this.orphans.push(
        makeIssue(this.plan, {
          severity: 'error',
          code: 'reference_missing',
          rows: [rec.row.line],
          field: 'merchant_reference',
          value: null,
        }),
      )
      return
    }
    const g = this.groups.get(rec.ref)
    if (g) g.push(rec)
    else this.groups.set(rec.ref, [rec])
  }

  private assembleAll(refs: string[]): void {
    const invoiced =
      refs.length > 0 && this.options.invoicedLookup ? this.options.invoicedLookup(refs) : undefined
    for (const ref of refs) {
      let o = assembleInvoice(this.ctx, ref, this.groups.get(ref) as LineRecord[])
      if (invoiced?.has(ref)) o = this.markInvoiced(o, ref)
      this.outcomes.set(ref, o)
    }
  }

  private markInvoiced(o: InvoiceOutcome, ref: string): InvoiceOutcome {
    const rows = o.ok ? o.invoice.rows : o.invalid.rows
    const scope = this.options.invoicedScope ?? 'same environment and account'
    const issue = makeIssue(this.plan, {
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

  /** One warning per column whose `1,500`-style values were settled by the file's locale. */
  private ambiguityWarnings(): void {
    const rowsBy = new Map<NumberField, { rows: number[]; value: RawCell | undefined; read?: Dec }>()
    for (const rec of this.records) {
      if (!rec.pending) continue
      for (const f of rec.pending) {
        if (!this.votes.decided.get(f)?.byLocale) continue
        let e = rowsBy.get(f)
        if (!e) {
          const value = rec.row.cells[this.plan.col[f]]
          const p =
            typeof value === 'string'
              ? parseNumberText(value.replace('%', ''), this.votes.decided.get(f)?.sep)
              : undefined
          e = { rows: [], value, read: p?.kind === 'ok' ? p.value : undefined }
          rowsBy.set(f, e)
        }
        e.rows.push(rec.row.line)
      }
    }
    for (const [field, e] of rowsBy) {
      const sep = this.votes.decided.get(field)?.sep
      const read = e.read ? decToString(e.read) : '?'
      const input: IssueInput = {
        severity: 'warning',
        code: 'number_ambiguous',
        rows: e.rows,
        field,
        value: e.value,
        extra: read,
        extra_nb: read.replace('.', ','),
        comma: sep === ',',
      }
      this.fileIssues.push(makeIssue(this.plan, input))
    }
  }
}

/** Validates rows already in memory (tests, the UI's preview, small files). */
export function validateRows(
  headers: string[],
  rows: readonly SourceRow[],
  options: ValidateOptions,
): ValidationResult {
  const s = new ValidationSession(headers, options)
  s.addRows(rows)
  return s.finish()
}
