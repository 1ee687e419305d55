/**
 * The validation session: rows go in chunk by chunk while the reader is still parsing
 * (`addRows`: each row is placed in its invoice and its numbers vote on the column's decimal
 * separator); `finish()` settles the separators, then parses and checks one invoice at a time.
 * Only the source rows are kept (with `keepRows: false`, not even those once an invoice is
 * checked) — the per-line records live just as long as their invoice's check, which keeps the
 * garbage collector's work (the main cost at 100k rows) small. The review grid edits one cell and
 * gets the affected invoices back at once (`editCell`).
 */
import type { DecimalSeparator } from '../../shared/money'
import type { RawCell, SourceRow } from '../import/types'
import { cellText } from '../values/cells'
import { cellOf, makePlan, type Plan } from './field-sources'
import { ambiguityWarnings, missingFields, referenceMissing } from './file-issues'
import { assembleRows, type GroupContext, type InvoiceOutcome } from './group'
import { NUMBER_FIELDS, type NumberField, SeparatorVotes, scanLine } from './lines'
import { collectResult, markInvoiced, outcomeRows, withReadIssues } from './outcomes'
import type { ValidateOptions } from './session-options'
import type { Issue, ValidationResult } from './types'

export type { ValidateOptions } from './session-options'

/** Stands for the rows of an invoice that were let go after its check (keepRows: false). */
const LET_GO: SourceRow[] = Object.freeze([]) as unknown as SourceRow[]

export class ValidationSession {
  readonly plan: Plan
  private readonly votes = new SeparatorVotes()
  private readonly ctx: GroupContext
  /** Rows of each invoice, in sheet order. */
  private groups = new Map<string, SourceRow[]>()
  /** Rows without a reference. */
  private loose: SourceRow[] = []
  /** Row number → row; built on first need (edits), not on the hot path. */
  private byLineMap?: Map<number, { row: SourceRow; ref: string }>
  /** `1,500`-style values met while streaming: decided, and maybe warned about, at the end. */
  private ambiguous: { field: NumberField; line: number; value: RawCell | undefined }[] = []
  private readIssuesByLine = new Map<number, Issue[]>()
  /** Streaming: the reference of the last row, invoices already checked, and those to check again. */
  private lastRef: string | undefined
  private readonly checked = new Set<string>()
  private readonly recheck = new Set<string>()
  private readonly noVotes = new SeparatorVotes()
  private outcomes = new Map<string, InvoiceOutcome>()
  private orphans: Issue[] = []
  private fileIssues: Issue[] = []
  private seps?: Map<NumberField, { sep: DecimalSeparator }>
  private finished = false
  private cached?: ValidationResult
  /** Lines of invoices let go and then met again (keepRows: false): to be read again. */
  private lost: number[] = []

  constructor(
    headers: string[],
    private readonly options: ValidateOptions,
  ) {
    this.plan = makePlan(headers, options.columns, options.constants, options.defaults)
    this.ctx = {
      plan: this.plan,
      now: options.now ?? new Date(),
      callbackUrl: options.callbackUrl,
      businessDayDue: options.businessDayDue,
    }
    this.fileIssues = missingFields(this.plan)
  }

  /**
   * Takes a chunk while the reader goes on. An invoice whose rows have ended (the next row has
   * another reference) is checked right away, so with the reader in a worker thread most of the
   * work overlaps the parse. An invoice that gets rows again later, or holds a `1,500`-style
   * number (its column's separator is decided only at the end), is checked again in finish().
   */
  addRows(rows: readonly SourceRow[]): void {
    if (this.finished) throw new Error('addRows after finish')
    const ready: string[] = []
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]
      const before = this.ambiguous.length
      const ref = scanLine(this.plan, row, this.votes, this.ambiguous)
      if (ref !== this.lastRef) {
        if (this.lastRef) ready.push(this.lastRef)
        if (ref && this.checked.has(ref)) this.recheck.add(ref)
        this.lastRef = ref
      }
      if (ref && this.ambiguous.length > before) this.recheck.add(ref)
      this.place(row, ref)
    }
    for (const ref of ready) {
      if (this.checked.has(ref) || this.recheck.has(ref)) continue
      const o = this.assembleOne(ref, undefined)
      if (o) {
        this.outcomes.set(ref, o)
        if (this.options.keepRows === false) this.groups.set(ref, LET_GO)
      } else this.recheck.add(ref)
      this.checked.add(ref)
    }
  }

  /**
   * Ends the stream. `readIssues`: the reader's findings (known only when it is done); those on a
   * row make that row's invoice invalid, the others concern the file.
   */
  finish(readIssues: readonly Issue[] = []): ValidationResult {
    if (!this.finished) {
      this.finished = true
      const found = [...(this.options.preIssues ?? []), ...readIssues]
      const inInvoice = found.length > 0 ? this.linesInInvoices() : undefined
      for (const i of found) {
        const line = i.severity === 'error' && i.rows.length === 1 ? i.rows[0] : undefined
        if (line !== undefined && inInvoice?.has(line)) {
          const list = this.readIssuesByLine.get(line)
          if (list) list.push(i)
          else this.readIssuesByLine.set(line, [i])
        } else this.fileIssues.push(i)
      }
      this.seps = new Map()
      for (const f of NUMBER_FIELDS)
        this.seps.set(f, this.votes.decide(f, this.options.decimalCommaHint ?? true))
      for (const w of ambiguityWarnings(this.plan, this.ambiguous, this.votes)) this.fileIssues.push(w)
      this.ambiguous = []
      for (const row of this.loose) this.orphans.push(referenceMissing(this.plan, row.line))
      // Reader findings arrive only now: their invoices are checked again with them.
      if (this.readIssuesByLine.size > 0)
        for (const [ref, g] of this.groups) {
          if (g === LET_GO) this.addReadIssues(ref)
          else if (g.some((r) => this.readIssuesByLine.has(r.line))) this.recheck.add(ref)
        }
      const seps = this.seps
      for (const ref of this.groups.keys()) {
        if (this.checked.has(ref) && !this.recheck.has(ref)) continue
        this.outcomes.set(ref, this.assembleOne(ref, seps) as InvoiceOutcome)
      }
      this.checked.clear()
      this.recheck.clear()
      this.applyInvoiced([...this.groups.keys()])
    }
    return this.result()
  }

  /** The full result, rebuilt from the per-invoice outcomes (cheap; cached until an edit). */
  result(): ValidationResult {
    if (!this.cached) {
      const outcomes = [...this.groups.keys()].map((ref) => this.outcomes.get(ref))
      this.cached = collectResult(this.plan, this.fileIssues, this.orphans, outcomes)
    }
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
    if (this.options.keepRows === false) throw new Error('editCell on a session that let its rows go')
    const entry = this.byLine().get(line)
    if (!entry) throw new Error(`No row ${line}`)
    // The invoice the row is in now, from the session's own records (never re-read from the row).
    const { row: old, ref: oldRef } = entry
    const cells = old.cells.slice()
    while (cells.length <= column) cells.push(null)
    cells[column] = value
    const row: SourceRow = { line, cells }
    const touched = new Set<string>()
    if (oldRef) {
      const g = this.groups.get(oldRef)
      if (g) {
        const at = g.indexOf(old)
        if (at >= 0) g.splice(at, 1)
        if (g.length === 0) this.groups.delete(oldRef)
      }
      touched.add(oldRef)
    } else {
      const at = this.loose.indexOf(old)
      if (at >= 0) this.loose.splice(at, 1)
      this.orphans = this.orphans.filter((o) => !o.rows.includes(line))
    }
    const ref = cellText(cellOf(this.plan, row, 'merchant_reference'))
    this.byLine().set(line, { row, ref })
    this.place(row, ref)
    if (ref) {
      touched.add(ref)
      // Keep rows in sheet order inside the invoice, so line ids 1..n stay stable.
      this.groups.get(ref)?.sort((a, b) => a.line - b.line)
    } else this.orphans.push(referenceMissing(this.plan, row.line))
    const removed = [...touched].filter((r) => !this.groups.has(r))
    for (const r of removed) this.outcomes.delete(r)
    this.assembleAll([...touched].filter((r) => this.groups.has(r)))
    this.cached = undefined
    return {
      changed: [...touched].map((r) => this.outcomes.get(r)).filter((o) => o !== undefined),
      removed,
    }
  }

  private byLine(): Map<number, { row: SourceRow; ref: string }> {
    if (!this.byLineMap) {
      this.byLineMap = new Map()
      for (const [ref, g] of this.groups) for (const row of g) this.byLineMap.set(row.line, { row, ref })
      for (const row of this.loose) this.byLineMap.set(row.line, { row, ref: '' })
    }
    return this.byLineMap
  }

  private linesInInvoices(): Set<number> {
    const out = new Set<number>()
    for (const [ref, g] of this.groups)
      if (g === LET_GO) for (const line of outcomeRows(this.outcomes.get(ref))) out.add(line)
      else for (const r of g) out.add(r.line)
    return out
  }

  /**
   * Lines of invoices whose rows were let go before the reference came back later in the file:
   * read them again and pass them to restoreRows() before finish(). Empty when references are
   * contiguous (the usual export).
   */
  lostLines(): ReadonlySet<number> {
    return new Set(this.lost)
  }

  /** Hands back rows listed by lostLines(); their invoices are checked again in finish(). */
  restoreRows(rows: Iterable<SourceRow>): void {
    const back = new Set<string>()
    for (const row of rows) {
      const ref = cellText(cellOf(this.plan, row, 'merchant_reference'))
      this.groups.get(ref)?.push(row)
      back.add(ref)
    }
    for (const ref of back) this.groups.get(ref)?.sort((a, b) => a.line - b.line)
    this.lost = []
  }

  /**
   * The reader's errors on the rows of an invoice already let go: the same outcome as checking it
   * again with them (they come first, and make it invalid).
   */
  private addReadIssues(ref: string): void {
    const o = this.outcomes.get(ref)
    if (o) this.outcomes.set(ref, withReadIssues(o, ref, this.readIssuesByLine))
  }

  private place(row: SourceRow, ref: string): void {
    if (!ref) {
      // With no reference column at all, the one field_not_mapped error says it; no error per row.
      if (this.plan.col.merchant_reference < 0 && this.plan.fill.merchant_reference === undefined) return
      this.loose.push(row)
      return
    }
    const g = this.groups.get(ref)
    if (g === LET_GO) {
      // Its rows were let go: the caller reads them again (lostLines) before finish().
      for (const line of outcomeRows(this.outcomes.get(ref))) this.lost.push(line)
      this.groups.set(ref, [row])
    } else if (g) g.push(row)
    else this.groups.set(ref, [row])
  }

  /** Re-checks invoices after an edit (with the already-invoiced lookup). */
  private assembleAll(refs: string[]): void {
    for (const ref of refs) this.outcomes.set(ref, this.assembleOne(ref, this.seps) as InvoiceOutcome)
    this.applyInvoiced(refs)
  }

  /** An invoice from its rows; undefined without `seps` while a `1,500` in it awaits finish(). */
  private assembleOne(ref: string, seps?: Map<NumberField, { sep: DecimalSeparator }>) {
    const rows = this.groups.get(ref) as SourceRow[]
    return assembleRows(this.ctx, ref, rows, this.noVotes, seps, this.readIssuesByLine)
  }

  /** References invoiced in an earlier run (one batched lookup) become errors. */
  private applyInvoiced(refs: string[]): void {
    if (refs.length === 0 || !this.options.invoicedLookup) return
    const invoiced = this.options.invoicedLookup(refs)
    for (const ref of invoiced) {
      const o = this.outcomes.get(ref)
      if (o) this.outcomes.set(ref, markInvoiced(this.plan, o, ref, this.options.invoicedScope))
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
