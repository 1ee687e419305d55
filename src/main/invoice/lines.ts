/**
 * Stream phase: each row, as its chunk arrives, becomes a LineRecord with its line-level values
 * parsed (description, quantity, prices, VAT). Numbers whose separator cannot be told from the
 * text alone (`1,500`) wait for the column's decision, which needs all of the column's values.
 */
import type { CanonicalField } from '../../shared/canonical'
import { type Dec, type DecimalSeparator, decimals, decToString, type ParsedNumber } from '../../shared/money'
import type { RawCell, SourceRow } from '../import/types'
import { cellText } from './cells'
import { cellNumber, cellVat, isAllowedNokRate } from './values'
import { cellOf, type IssueInput, type Plan } from './plan'
import type { Issue } from './types'

export const NUMBER_FIELDS = ['quantity', 'unit_price', 'amount', 'vat'] as const
export type NumberField = (typeof NUMBER_FIELDS)[number]

export interface LineRecord {
  row: SourceRow
  ref: string
  description: string
  lineId: string
  sku: string
  quantity?: Dec
  unitPrice?: Dec
  amount?: Dec
  vat?: Dec
  /** Number fields whose separator is still undecided. */
  pending?: NumberField[]
  issues: IssueInput[]
  /** The reader's errors for this row (e.g. ragged_row): they make the row's invoice invalid. */
  readIssues?: Issue[]
}

/** Per-column evidence for the decimal separator. */
export class SeparatorVotes {
  private readonly votes = new Map<NumberField, { comma: number; dot: number }>()
  /** Decisions made at the end of the stream; fixed afterwards so edits read the same way. */
  decided = new Map<NumberField, { sep: DecimalSeparator; byLocale: boolean }>()

  vote(field: NumberField, sep: DecimalSeparator): void {
    let v = this.votes.get(field)
    if (!v) {
      v = { comma: 0, dot: 0 }
      this.votes.set(field, v)
    }
    if (sep === ',') v.comma++
    else v.dot++
  }

  decide(field: NumberField, commaHint: boolean): { sep: DecimalSeparator; byLocale: boolean } {
    const known = this.decided.get(field)
    if (known) return known
    const v = this.votes.get(field) ?? { comma: 0, dot: 0 }
    const d =
      v.comma === v.dot
        ? { sep: (commaHint ? ',' : '.') as DecimalSeparator, byLocale: true }
        : { sep: (v.comma > v.dot ? ',' : '.') as DecimalSeparator, byLocale: false }
    this.decided.set(field, d)
    return d
  }
}

function parseField(field: NumberField, c: RawCell | undefined, sep?: DecimalSeparator): ParsedNumber {
  return field === 'vat' ? cellVat(c, sep) : cellNumber(c, sep)
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
    issues: [],
  }
  for (let k = 0; k < NUMBER_FIELDS.length; k++) {
    const field = NUMBER_FIELDS[k]
    const c = cellOf(plan, row, field)
    if (c === undefined || c === null || (typeof c === 'string' && c.trim() === '')) continue
    const p = parseField(field, c, seps?.get(field)?.sep)
    if (p.kind === 'ok') {
      if (p.vote) votes.vote(field, p.vote)
      setNumber(rec, field, p.value)
    } else if (p.kind === 'ambiguous') {
      if (rec.pending) rec.pending.push(field)
      else rec.pending = [field]
    } else {
      rec.issues.push({
        severity: 'error',
        code: `${field}_invalid` as const,
        rows: [row.line],
        field,
        value: c,
      })
    }
  }
  return rec
}

/** Settles the waiting numbers of a record with the column's separator. */
export function resolvePending(
  plan: Plan,
  rec: LineRecord,
  seps: Map<NumberField, { sep: DecimalSeparator }>,
) {
  if (!rec.pending) return
  for (const field of rec.pending) {
    const c = cellOf(plan, rec.row, field)
    const p = parseField(field, c, seps.get(field)?.sep)
    if (p.kind === 'ok') setNumber(rec, field, p.value)
    else
      rec.issues.push({ severity: 'error', code: `${field}_invalid`, rows: [rec.row.line], field, value: c })
  }
  rec.pending = undefined
}

function setNumber(rec: LineRecord, field: NumberField, d: Dec): void {
  if (field === 'quantity') rec.quantity = d
  else if (field === 'unit_price') rec.unitPrice = d
  else if (field === 'amount') rec.amount = d
  else rec.vat = d
}

/** Line-level rules that need only the row itself (run after pending numbers are settled). */
export function checkLine(plan: Plan, rec: LineRecord): void {
  const line = rec.row.line
  const err = (code: IssueInput['code'], field: CanonicalField | null) =>
    rec.issues.push({
      severity: 'error',
      code,
      rows: [line],
      field,
      value: field ? cellOf(plan, rec.row, field) : null,
    })
  if (rec.description === '') err('missing_value', 'description')
  if (rec.quantity) {
    if (rec.quantity.units <= 0n) err('quantity_not_positive', 'quantity')
    else if (decimals(rec.quantity) > 4) err('quantity_too_many_decimals', 'quantity')
  }
  if (rec.unitPrice) {
    if (rec.unitPrice.units <= 0n) err('unit_price_not_positive', 'unit_price')
    else if (decimals(rec.unitPrice) > 4) err('unit_price_too_many_decimals', 'unit_price')
  }
  if (rec.amount && rec.amount.units < 0n) err('amount_negative', 'amount')
  if (rec.vat) {
    if (!isAllowedNokRate(rec.vat)) err('vat_rate_not_allowed', 'vat')
  } else if (!hasIssueFor(rec, 'vat')) err('missing_value', 'vat')
  if (!rec.unitPrice && !rec.amount && !hasIssueFor(rec, 'unit_price') && !hasIssueFor(rec, 'amount'))
    err('amount_missing', null)
  // A blank quantity next to a unit price is a forgotten value; no quantity column at all means 1.
  if (!rec.quantity && !hasIssueFor(rec, 'quantity') && rec.unitPrice && plan.col.quantity >= 0)
    err('missing_value', 'quantity')
}

function hasIssueFor(rec: LineRecord, field: CanonicalField): boolean {
  return rec.issues.some((i) => i.field === field)
}

export const showDec = (d: Dec): string => decToString(d)
