/**
 * Invoice-level fields across an invoice's rows: blanks on later rows take the first row's value;
 * different non-blank values are a conflict naming the rows. Raw texts are compared first, and
 * only differing texts are normalised (a phone written two ways is still the same phone).
 */
import type { CanonicalField } from '../../shared/canonical'
import { cleanOrgNumber } from '../../shared/no-validators'
import type { RawCell } from '../import/types'
import { cellText } from '../values/cells'
import type { LineRecord } from './lines'
import { cellOf, type IssueInput, type Plan } from './field-sources'
import { parseCountry, parseDays, parseDueDate, parsePhone, parseProductType } from '../values/parse'

export interface Picked {
  text: string
  cell: RawCell | undefined
  /** The row the value came from; undefined when a constant/default filled it. */
  line?: number
}

const SAME: Partial<Record<CanonicalField, (a: RawCell | undefined, b: RawCell | undefined) => boolean>> = {
  payment_product_type: (a, b) => eqDefined(parseProductType(cellText(a)), parseProductType(cellText(b))),
  phone_number: (a, b) => eqDefined(parsePhone(cellText(a)), parsePhone(cellText(b))),
  email: (a, b) => cellText(a).toLowerCase() === cellText(b).toLowerCase(),
  organization_number: (a, b) => cleanOrgNumber(cellText(a)) === cleanOrgNumber(cellText(b)),
  postal_code: (a, b) => cellText(a).padStart(4, '0') === cellText(b).padStart(4, '0'),
  country: (a, b) => eqDefined(parseCountry(cellText(a)), parseCountry(cellText(b))),
  currency: (a, b) => cellText(a).toUpperCase() === cellText(b).toUpperCase(),
  invoice_channel: (a, b) => cellText(a).toLowerCase() === cellText(b).toLowerCase(),
  days_until_due: (a, b) => eqDefined(parseDays(a), parseDays(b)),
  due_date: (a, b) => eqDefined(parseDueDate(a), parseDueDate(b)),
}

function eqDefined<T>(a: T | undefined, b: T | undefined): boolean {
  return a !== undefined && a === b
}

export function pick(
  plan: Plan,
  recs: readonly LineRecord[],
  field: CanonicalField,
  issues: IssueInput[],
  reference: string,
): Picked | undefined {
  let first: Picked | undefined
  let firstRaw: RawCell | undefined
  let conflicts: { line: number; text: string }[] | undefined
  const col = plan.col[field]
  if (col >= 0) {
    for (let i = 0; i < recs.length; i++) {
      const row = recs[i].row
      const cell = row.cells[col]
      if (cell === null || cell === undefined) continue
      // The common case, the same text repeated on every row, costs one comparison.
      if (first !== undefined && cell === firstRaw) continue
      if (typeof cell === 'string' && (cell === '' || (cell.charCodeAt(0) <= 32 && cell.trim() === '')))
        continue
      const text = cellText(cell)
      if (!first) {
        first = { text, cell, line: row.line }
        firstRaw = cell
        continue
      }
      if (text === first.text) continue
      const same = SAME[field]
      if (same?.(first.cell, cell)) continue
      if (!conflicts) conflicts = []
      conflicts.push({ line: row.line, text })
    }
  }
  if (conflicts && first) {
    const all = [{ line: first.line as number, text: first.text }, ...conflicts]
    const shown = all.slice(0, 5)
    issues.push({
      severity: 'error',
      code: 'conflicting_values',
      rows: all.map((c) => c.line),
      field,
      value: first.text,
      extra: shown.map((c) => `"${c.text}" in row ${c.line}`).join(', '),
      extra_nb: shown.map((c) => `"${c.text}" i rad ${c.line}`).join(', '),
      reference,
    })
  }
  if (first) return first
  const fill = plan.fill[field]
  if (fill === undefined) return undefined
  return { text: cellText(fill), cell: fill }
}

/** Any row's raw cell for a field (the first row's), for messages about missing values. */
export function firstCell(
  plan: Plan,
  recs: readonly LineRecord[],
  field: CanonicalField,
): RawCell | undefined {
  return cellOf(plan, recs[0].row, field)
}
