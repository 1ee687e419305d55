import { CANONICAL_FIELDS, type CanonicalField } from '../../shared/canonical'
import type { ImportSummary, PlanView, ReadView, ReviewRowView, VatLine } from '../../shared/contract'
import type { Db } from '../db/open'
import type { InspectResult } from '../import/types'
import { cellDisplay } from '../values/cells'
import { readIssueToIssue } from '../invoice/import-path'
import { findInvoicedBatches } from '../journal/invoiced'
import type { Summary } from '../invoice/types'
import { planComparison, planResult } from './plan-compare'
import { toIssueView, rowView } from './review-index'
import type { ImportScope, ImportSession, LoadedTable, Validated } from './session'

export function readView(s: ImportSession, r: InspectResult, sizeBytes: number): ReadView {
  const width = r.info.headers.length
  return {
    sessionId: s.id,
    fileName: s.fileName,
    format: r.info.format,
    sizeBytes,
    encoding: r.info.encoding ?? null,
    delimiter: r.info.delimiter ?? null,
    sheets: r.info.sheets ?? [],
    sheet: r.info.sheet ?? null,
    headerRow: r.info.headerRow,
    headers: r.info.headers,
    preview: r.preview.map((row) => ({
      line: row.line,
      cells: Array.from({ length: Math.max(width, row.cells.length) }, (_, i) => cellDisplay(row.cells[i])),
    })),
    issues: r.issues.map(readIssueToIssue),
    overrides: s.state.overrides,
    decimalComma: r.info.decimalCommaHint === true,
  }
}

/** Fields with a column, in template order: the grid's columns (and the editable cells). */
export function fieldColumns(v: Validated): [CanonicalField, number][] {
  return CANONICAL_FIELDS.filter((f) => v.mapping.columns[f] !== undefined).map((f) => [
    f,
    v.mapping.columns[f] as number,
  ])
}

function vatLines(summary: Summary): VatLine[] {
  return Object.entries(summary.by_vat_rate)
    .map(([rate, r]) => ({ rate, lines: r.lines, amount: r.amount, vatAmount: r.vat_amount }))
    .sort((a, b) => Number(b.rate) - Number(a.rate))
}

function duplicates(db: Db, v: Validated, scope: ImportScope): { reference: string; batchId: string }[] {
  const refs = v.session
    .result()
    .errors.filter((i) => i.code === 'already_invoiced' && i.merchant_reference)
    .map((i) => i.merchant_reference as string)
  if (refs.length === 0) return []
  const batches = findInvoicedBatches(db, scope.env, scope.account, refs)
  return [...batches].map(([reference, batchId]) => ({ reference, batchId }))
}

/** The totals the Review panel and the Plan both show, from the validation summary. */
function totals(summary: ReturnType<Validated['session']['result']>['summary'], byVat: VatLine[]) {
  return {
    invoices: summary.invoices,
    lines: summary.lines,
    totalAmount: summary.total_amount,
    vatAmount: byVat.reduce((sum, l) => sum + l.vatAmount, 0),
    byVat,
    byProductType: Object.entries(summary.by_product_type).map(([type, p]) => ({
      type: type.replace(/^kravia\.invoice_/, ''),
      invoices: p.invoices,
      amount: p.amount,
    })),
    priceBasis: {
      basis: summary.price_basis.basis,
      message: summary.price_basis.message,
      message_nb: summary.price_basis.message_nb,
    },
  }
}

export function summaryView(
  db: Db,
  s: ImportSession,
  table: LoadedTable,
  v: Validated,
  scope: ImportScope,
): ImportSummary {
  const r = v.session.result()
  const cols = fieldColumns(v)
  const byVat = vatLines(r.summary)
  return {
    sessionId: s.id,
    rows: table.rows.length,
    fields: cols.map(([f]) => f),
    editable: cols.map(([f]) => f),
    invalidInvoices: r.summary.invalid_invoices,
    ...totals(r.summary, byVat),
    duplicates: duplicates(db, v, scope),
    errorRows: v.index.errorRows,
    warningRows: v.index.warningRows,
    fileIssues: v.index.fileIssues.map(toIssueView),
    environment: scope.env,
    account: scope.account,
  }
}

/** A page of the grid: all rows in file order, or only those with problems. */
export function rowsPage(
  table: LoadedTable,
  v: Validated,
  problemsOnly: boolean,
  offset: number,
  limit: number,
): { total: number; offset: number; rows: ReviewRowView[] } {
  const cols = fieldColumns(v)
  const total = problemsOnly ? v.index.problems.length : table.rows.length
  const rows: ReviewRowView[] = []
  for (let pos = offset; pos < Math.min(total, offset + limit); pos++) {
    const i = problemsOnly ? v.index.problems[pos] : pos
    rows.push(rowView(table.rows, i, pos, v.index, cols))
  }
  return { total, offset, rows }
}

export function rowsByLines(table: LoadedTable, v: Validated, lines: readonly number[]): ReviewRowView[] {
  const cols = fieldColumns(v)
  const out: ReviewRowView[] = []
  for (const line of lines) {
    const i = table.lineIndex.get(line)
    if (i !== undefined) out.push(rowView(table.rows, i, i, v.index, cols))
  }
  return out
}

export function planView(
  db: Db,
  s: ImportSession,
  v: Validated,
  scope: ImportScope,
  pace: { rate: number; concurrency: number },
): PlanView {
  const r = planResult(s, v)
  const byVat = vatLines(r.summary)
  const dups = duplicates(db, v, scope)
  const dupRefs = new Set(dups.map((d) => d.reference))
  return {
    sessionId: s.id,
    fileName: s.fileName,
    environment: scope.env,
    account: scope.account,
    ...totals(r.summary, byVat),
    duplicates: dups,
    leftOut: r.invalid
      .filter((inv) => !dupRefs.has(inv.merchant_reference))
      .map((inv) => {
        const first = inv.errors[0]
        return {
          reference: inv.merchant_reference,
          rows: inv.rows,
          message: first?.message ?? 'Another problem in the file stops this invoice.',
          message_nb: first?.message_nb ?? 'Et annet problem i filen stopper denne fakturaen.',
        }
      }),
    rate: pace.rate,
    concurrency: pace.concurrency,
    etaSeconds: pace.rate > 0 ? r.summary.invoices / pace.rate : 0,
    confirmWord: scope.env === 'production' ? scope.account || 'SEND' : null,
    followUpOf: s.followUpOf,
    ...planComparison(db, s, v, scope, r),
    notices: v.session
      .result()
      .warnings.filter((w) => PLAN_NOTICES.has(w.code))
      .map(toIssueView),
  }
}

/** File-level notices the Plan repeats, so nobody sends without having read them. */
const PLAN_NOTICES: ReadonlySet<string> = new Set(['product_type_from_org_number'])
