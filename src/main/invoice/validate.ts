/**
 * The validation session: rows go in chunk by chunk while the reader is still parsing
 * (`addRows`: each row is placed in its invoice and its numbers vote on the column's decimal
 * separator); `finish()` settles the separators, then parses and checks one invoice at a time.
 * Only the source rows are kept — the per-line records live just as long as their invoice's
 * check, which keeps the garbage collector's work (the main cost at 100k rows) small. The review
 * grid edits one cell and gets the affected invoices back at once (`editCell`).
 */
import type { CanonicalField } from '../../shared/canonical'
import { type Dec, type DecimalSeparator, decToString, parseNumberText } from '../../shared/money'
import type { RawCell, SourceRow } from '../import/types'
import { assembleInvoice, type GroupContext, type InvoiceOutcome } from './group'
import { cellText } from '../values/cells'
import {
  checkLine,
  type LineRecord,
  NUMBER_FIELDS,
  type NumberField,
  processLine,
  scanLine,
  SeparatorVotes,
} from './lines'
import {
  type ColumnIndexes,
  type Constants,
  cellOf,
  fieldLabels,
  makeIssue,
  makePlan,
  type Plan,
} from './field-sources'
import { priceBasisOf } from './price-basis'
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
  /**
   * Issues found before validation (the reader's, mapping problems). Like finish(readIssues): an
   * error on one row makes that row's invoice invalid; the others concern the file.
   */
  preIssues?: Issue[]
  /** Due dates on a weekend or Norwegian public holiday move to the next business day (warning `due_moved`). */
  businessDayDue?: boolean
  /**
   * Default true. False (one-shot validation, the CLI): an invoice's rows are let go as soon as it
   * is checked, so they die young instead of being copied into the old generation by the garbage
   * collector. editCell is then unavailable, and a reference met again after its rows were let go
   * lists their lines in lostLines(), for the caller to read again and hand back (restoreRows).
   */
  keepRows?: boolean
}

/** Stands for the rows of an invoice that were let go after its check (keepRows: false). */
const LET_GO: SourceRow[] = Object.freeze([]) as unknown as SourceRow[]

const REQUIRED_FIELDS: { field: CanonicalField; alt?: CanonicalField[] }[] = [
  { field: 'merchant_reference' },
  { field: 'days_until_due', alt: ['due_date'] },
  { field: 'description' },
  { field: 'amount', alt: ['unit_price', 'amount_excl_vat', 'unit_price_excl_vat'] },
  { field: 'vat', alt: ['vat_code'] },
]

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
    this.fileIssues = []
    for (const r of REQUIRED_FIELDS) {
      const fields = [r.field, ...(r.alt ?? [])]
      if (fields.some((f) => this.plan.col[f] >= 0 || this.plan.fill[f] !== undefined)) continue
      const names = fields.map((f) => fieldLabels(f))
      this.fileIssues.push(
        makeIssue(this.plan, {
          severity: 'error',
          code: 'field_not_mapped',
          rows: [],
          field: r.field,
          column: null,
          labels: { en: listed(names, 'en'), nb: listed(names, 'nb') },
          ...(names.length > 1 && { extra: '(one of them is needed)', extra_nb: '(ett av dem trengs)' }),
        }),
      )
    }
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
      this.ambiguityWarnings()
      for (const row of this.loose) this.orphans.push(this.orphanIssue(row))
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
    if (this.cached) return this.cached
    const errors: Issue[] = this.fileIssues.filter((i) => i.severity === 'error')
    const warnings: Issue[] = this.fileIssues.filter((i) => i.severity === 'warning')
    for (const o of this.orphans) (o.severity === 'error' ? errors : warnings).push(o)
    const invoices = []
    const invalid = []
    const inferred = { business: 0, private: 0 }
    for (const ref of this.groups.keys()) {
      const o = this.outcomes.get(ref)
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
        makeIssue(this.plan, {
          severity: 'warning',
          code: 'product_type_from_org_number',
          rows: [],
          field: 'payment_product_type',
          column: null,
          counts: inferred,
        }),
      )
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
    this.cached = {
      invoices,
      invalid,
      errors,
      warnings,
      summary: summarize(invoices, invalid.length, priceBasisOf(this.plan)),
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
    } else this.orphans.push(this.orphanIssue(row))
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
    if (!o) return
    const found: Issue[] = []
    for (const line of outcomeRows(o))
      for (const i of this.readIssuesByLine.get(line) ?? []) found.push({ ...i, merchant_reference: ref })
    if (found.length === 0) return
    const issues = [...found, ...o.issues]
    const invalid = o.ok
      ? { merchant_reference: ref, rows: o.invoice.rows, errors: found, warnings: o.invoice.warnings }
      : { ...o.invalid, errors: [...found, ...o.invalid.errors] }
    const next: InvoiceOutcome = { ok: false, invalid, issues }
    if (o.inferred) next.inferred = o.inferred
    this.outcomes.set(ref, next)
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

  private orphanIssue(row: SourceRow): Issue {
    return makeIssue(this.plan, {
      severity: 'error',
      code: 'reference_missing',
      rows: [row.line],
      field: 'merchant_reference',
      value: null,
    })
  }

  /** Parses and checks each invoice's lines (with the decided separators) and builds it. */
  /** Re-checks invoices after an edit (with the already-invoiced lookup). */
  private assembleAll(refs: string[]): void {
    for (const ref of refs) this.outcomes.set(ref, this.assembleOne(ref, this.seps) as InvoiceOutcome)
    this.applyInvoiced(refs)
  }

  /**
   * Parses an invoice's lines and builds it. Without `seps` (while streaming) an undecided
   * `1,500` cannot be read yet: then it returns undefined and the invoice waits for finish().
   */
  private assembleOne(
    ref: string,
    seps: Map<NumberField, { sep: DecimalSeparator }> | undefined,
  ): InvoiceOutcome | undefined {
    const rows = this.groups.get(ref) as SourceRow[]
    const recs: LineRecord[] = new Array(rows.length)
    for (let i = 0; i < rows.length; i++) {
      const rec = processLine(this.plan, rows[i], this.noVotes, seps)
      if (rec.pending) return undefined
      checkLine(this.plan, rec)
      const ri = this.readIssuesByLine.size > 0 ? this.readIssuesByLine.get(rows[i].line) : undefined
      if (ri) rec.readIssues = ri
      recs[i] = rec
    }
    return assembleInvoice(this.ctx, ref, recs)
  }

  /** References invoiced in an earlier run (one batched lookup) become errors. */
  private applyInvoiced(refs: string[]): void {
    if (refs.length === 0 || !this.options.invoicedLookup) return
    const invoiced = this.options.invoicedLookup(refs)
    for (const ref of invoiced) {
      const o = this.outcomes.get(ref)
      if (o) this.outcomes.set(ref, this.markInvoiced(o, ref))
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
    for (const a of this.ambiguous) {
      const decided = this.votes.decided.get(a.field)
      if (!decided?.byLocale) continue
      let e = rowsBy.get(a.field)
      if (!e) {
        const p =
          typeof a.value === 'string' ? parseNumberText(a.value.replace('%', ''), decided.sep) : undefined
        e = { rows: [], value: a.value, read: p?.kind === 'ok' ? p.value : undefined }
        rowsBy.set(a.field, e)
      }
      e.rows.push(a.line)
    }
    this.ambiguous = []
    for (const [field, e] of rowsBy) {
      const sep = this.votes.decided.get(field)?.sep
      const read = e.read ? decToString(e.read) : '?'
      this.fileIssues.push(
        makeIssue(this.plan, {
          severity: 'warning',
          code: 'number_ambiguous',
          rows: e.rows,
          field,
          value: e.value,
          extra: read,
          extra_nb: read.replace('.', ','),
          comma: sep === ',',
        }),
      )
    }
  }
}

/** Labels as `A`, `A or B`, `A, B or C` (`eller` in Norwegian). */
function listed(names: readonly { en: string; nb: string }[], lang: 'en' | 'nb'): string {
  const words = names.map((n) => n[lang])
  const or = lang === 'en' ? 'or' : 'eller'
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} ${or} ${words.at(-1)}`
}

function outcomeRows(o: InvoiceOutcome | undefined): readonly number[] {
  return !o ? [] : o.ok ? o.invoice.rows : o.invalid.rows
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
