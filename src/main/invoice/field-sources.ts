import { CANONICAL_FIELDS, type CanonicalField, FIELD_BY_NAME } from '../../shared/canonical'
import type { RawCell, SourceRow } from '../import/types'
import { cellDisplay, isBlank } from '../values/cells'
import { describeRows, type IssueCode, MESSAGES } from './messages'
import type { Defaults, Issue, Severity } from './types'

/** Canonical field → 0-based column index. */
export type ColumnIndexes = Partial<Record<CanonicalField, number>>
/** Values for unmapped fields and blank cells (as if typed into every row). */
export type Constants = Partial<Record<CanonicalField, string>>

/**
 * Where each field's value comes from for this table: a column, a constant, a default. Built
 * once per table; every row lookup is an array index.
 */
export interface Plan {
  headers: string[]
  col: Record<CanonicalField, number>
  fill: Partial<Record<CanonicalField, RawCell>>
  fillSource: Partial<Record<CanonicalField, 'constant' | 'default'>>
}

export function makePlan(
  headers: string[],
  columns: ColumnIndexes,
  constants: Constants = {},
  defaults: Defaults = {},
): Plan {
  const col = {} as Record<CanonicalField, number>
  for (const f of CANONICAL_FIELDS) col[f] = columns[f] ?? -1
  const fill: Plan['fill'] = {}
  const fillSource: Plan['fillSource'] = {}
  for (const f of CANONICAL_FIELDS) {
    const c = constants[f]
    if (c !== undefined && c.trim() !== '') {
      fill[f] = c
      fillSource[f] = 'constant'
    }
  }
  const fromDefaults: [CanonicalField, string | number | undefined][] = [
    ['days_until_due', defaults.days_until_due],
    ['payment_product_type', defaults.payment_product_type],
    ['invoice_channel', defaults.invoice_channel],
    ['country', defaults.country],
    ['currency', defaults.currency],
  ]
  for (const [f, v] of fromDefaults) {
    if (v === undefined || fill[f] !== undefined) continue
    fill[f] = String(v)
    fillSource[f] = 'default'
  }
  return { headers, col, fill, fillSource }
}

/** The cell for a field in a row: the mapped column's cell, or the constant/default when blank. */
export function cellOf(plan: Plan, row: SourceRow, field: CanonicalField): RawCell | undefined {
  const i = plan.col[field]
  if (i >= 0) {
    const c = row.cells[i]
    if (!isBlank(c)) return c
  }
  return plan.fill[field]
}

/** Whether the row's own column holds the value (false: a constant/default filled it in). */
export function fromColumn(plan: Plan, row: SourceRow, field: CanonicalField): boolean {
  const i = plan.col[field]
  return i >= 0 && !isBlank(row.cells[i])
}

export function columnName(plan: Plan, field: CanonicalField): string | null {
  const i = plan.col[field]
  return i >= 0 ? (plan.headers[i] ?? `#${i + 1}`) : null
}

export interface IssueInput {
  severity: Severity
  code: IssueCode
  rows: number[]
  field: CanonicalField | null
  value?: RawCell | string | null
  column?: string | null
  extra?: string
  extra_nb?: string
  comma?: boolean
  counts?: { business: number; private: number }
  /** The names shown for the field(s) when no column is meant (default: the field's labels). */
  labels?: { en: string; nb: string }
  reference?: string
}

/** What a finding is reported with: its code, the field, the rows, the value and any extra words. */
export type IssueArgs = [
  code: IssueInput['code'],
  field: CanonicalField | null,
  at: number[],
  value?: IssueInput['value'],
  extra?: Partial<IssueInput>,
]

const FILL_WORDS = {
  constant: { en: 'fixed value', nb: 'fast verdi' },
  default: { en: 'default', nb: 'standardverdi' },
}

/** A field as users know it: its label (Last name / Etternavn), never its internal name. */
export function fieldLabels(field: CanonicalField, plan?: Plan): { en: string; nb: string } {
  const info = FIELD_BY_NAME.get(field)
  const en = info?.label_en ?? field
  const nb = info?.label_nb ?? field
  const src = plan?.fillSource[field]
  return src ? { en: `${en} (${FILL_WORDS[src].en})`, nb: `${nb} (${FILL_WORDS[src].nb})` } : { en, nb }
}

export function makeIssue(plan: Plan, i: IssueInput): Issue {
  const column = i.column !== undefined ? i.column : i.field ? columnName(plan, i.field) : null
  const value = typeof i.value === 'string' ? i.value : i.value === undefined ? null : cellDisplay(i.value)
  const names = i.labels ?? (i.field ? fieldLabels(i.field, plan) : { en: '', nb: '' })
  const text = (name: string) =>
    MESSAGES[i.code]({
      where: describeRows(i.rows),
      column: column ?? name,
      value: value ?? '',
      extra: i.extra,
      extra_nb: i.extra_nb,
      comma: i.comma,
      counts: i.counts,
    })
  const message = text(names.en)[0]
  const message_nb = text(names.nb)[1]
  const issue: Issue = {
    severity: i.severity,
    code: i.code,
    rows: i.rows,
    column,
    field: i.field,
    value,
    message,
    message_nb,
  }
  if (i.reference !== undefined) issue.merchant_reference = i.reference
  return issue
}
