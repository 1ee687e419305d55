/**
 * Stream phase: each row, as its chunk arrives, becomes a LineRecord with its line-level values
 * parsed (description, quantity, prices, VAT). Numbers whose separator cannot be told from the
 * text alone (`1,500`) wait for the column's decision, which needs all of the column's values.
 */
import type { CanonicalField } from '../../shared/canonical'
import { compare, type Dec, type DecimalSeparator, separatorEvidence } from '../../shared/money'
import type { RawCell, SourceRow } from '../import/types'
import { cellText } from '../values/cells'
import { parseVatCode } from '../values/vat-codes'
import { cellOf, type IssueInput, type Plan } from './field-sources'
import {
  INVALID,
  isPercent,
  NUMBER_FIELDS,
  type NumberField,
  numbersOf,
  parseCached,
  type SeparatorVotes,
} from './number-cells'
import type { Issue } from './types'

export { NUMBER_FIELDS, type NumberField, SeparatorVotes } from './number-cells'

export interface LineRecord {
  row: SourceRow
  ref: string
  description: string
  lineId: string
  sku: string
  quantity?: Dec
  unitPrice?: Dec
  amount?: Dec
  unitPriceExcl?: Dec
  amountExcl?: Dec
  /** Percent off, 0–100. */
  discount?: Dec
  /** The rate, from the VAT rate column or the VAT code column. */
  vat?: Dec
  /** Number fields whose separator is still undecided. */
  pending?: NumberField[]
  /** Created only when there is something to report (most rows have nothing). */
  issues?: IssueInput[]
  /** The reader's errors for this row (e.g. ragged_row): they make the row's invoice invalid. */
  readIssues?: Issue[]
}

/**
 * Stream phase: the row's reference, and its number cells' votes on their column's decimal
 * separator. Builds no numbers (they are parsed per invoice at the end, with the decided
 * separators); `1,500`-style values are added to `ambiguous`.
 */
export function scanLine(
  plan: Plan,
  row: SourceRow,
  votes: SeparatorVotes,
  ambiguous: { field: NumberField; line: number; value: RawCell | undefined }[],
): string {
  const active = numbersOf(plan)
  for (let j = 0; j < active.length; j++) {
    const field = NUMBER_FIELDS[active[j]]
    const c = cellOf(plan, row, field)
    if (typeof c !== 'string') continue
    const e = separatorEvidence(isPercent(field) ? c.replace('%', '').trim() : c.trim())
    if (e === 'ambiguous') ambiguous.push({ field, line: row.line, value: c })
    else if (e !== undefined) votes.vote(field, e)
  }
  return cellText(cellOf(plan, row, 'merchant_reference'))
}

/** Parses the line-level fields of one row. `seps` is given once separators are decided (edits). */
export function processLine(
  plan: Plan,
  row: SourceRow,
  votes: SeparatorVotes,
  seps?: Map<NumberField, { sep: DecimalSeparator }>,
): LineRecord {
  const rec: LineRecord = {
    row,
    ref: cellText(cellOf(plan, row, 'merchant_reference')),
    description: cellText(cellOf(plan, row, 'description')),
    lineId: cellText(cellOf(plan, row, 'line_id')),
    sku: cellText(cellOf(plan, row, 'id')),
  }
  const active = numbersOf(plan)
  for (let j = 0; j < active.length; j++) {
    const k = active[j]
    const field = NUMBER_FIELDS[k]
    const c = cellOf(plan, row, field)
    if (c === undefined || c === null || (typeof c === 'string' && c.trim() === '')) continue
    const p = parseCached(plan, k, c, seps?.get(field)?.sep)
    if (p.kind === 'ok') {
      if (p.vote) votes.vote(field, p.vote)
      setNumber(rec, field, p.value)
    } else if (p.kind === 'ambiguous') {
      if (rec.pending) rec.pending.push(field)
      else rec.pending = [field]
    } else addIssue(plan, rec, INVALID[field], field, c)
  }
  if (plan.col.vat_code >= 0 || plan.fill.vat_code !== undefined) readVatCode(plan, rec)
  return rec
}

/** A VAT code gives the line's rate; beside a rate column, the two must say the same. */
function readVatCode(plan: Plan, rec: LineRecord): void {
  const c = cellOf(plan, rec.row, 'vat_code')
  if (c === undefined || c === null || (typeof c === 'string' && c.trim() === '')) return
  const r = parseVatCode(c)
  if (!r.ok) addIssue(plan, rec, r.input ? 'vat_code_input' : 'vat_code_invalid', 'vat_code', c)
  else if (!rec.vat) rec.vat = r.rate
  else if (compare(rec.vat, r.rate) !== 0) addIssue(plan, rec, 'vat_code_conflict', 'vat_code', c)
}

function setNumber(rec: LineRecord, field: NumberField, d: Dec): void {
  if (field === 'quantity') rec.quantity = d
  else if (field === 'unit_price') rec.unitPrice = d
  else if (field === 'amount') rec.amount = d
  else if (field === 'vat') rec.vat = d
  else if (field === 'unit_price_excl_vat') rec.unitPriceExcl = d
  else if (field === 'amount_excl_vat') rec.amountExcl = d
  else rec.discount = d
}

// Module-level helpers, not closures: this runs once per row on the hot path.
export function addIssue(
  plan: Plan,
  rec: LineRecord,
  code: IssueInput['code'],
  field: CanonicalField | null,
  value?: RawCell,
): void {
  const issue: IssueInput = {
    severity: 'error',
    code,
    rows: [rec.row.line],
    field,
    value: value !== undefined ? value : field ? cellOf(plan, rec.row, field) : null,
  }
  if (rec.issues) rec.issues.push(issue)
  else rec.issues = [issue]
}

export function hasIssueFor(rec: LineRecord, field: CanonicalField): boolean {
  return rec.issues?.some((i) => i.field === field) ?? false
}
