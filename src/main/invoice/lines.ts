/**
 * Stream phase: each row, as its chunk arrives, becomes a LineRecord with its line-level values
 * parsed (description, quantity, prices, VAT). Numbers whose separator cannot be told from the
 * text alone (`1,500`) wait for the column's decision, which needs all of the column's values.
 */
import type { CanonicalField } from '../../shared/canonical'
import {
  compare,
  type Dec,
  type DecimalSeparator,
  decimals,
  decToString,
  type ParsedNumber,
  separatorEvidence,
} from '../../shared/money'
import type { RawCell, SourceRow } from '../import/types'
import { cellText } from '../values/cells'
import { cellNumber, cellVat, isAllowedNokRate } from '../values/parse'
import { cellOf, type IssueInput, type Plan } from './field-sources'
import type { Issue } from './types'
import { parseVatCode } from '../values/vat-codes'

export const NUMBER_FIELDS = [
  'quantity',
  'unit_price',
  'amount',
  'vat',
  'unit_price_excl_vat',
  'amount_excl_vat',
  'discount_percent',
] as const
export type NumberField = (typeof NUMBER_FIELDS)[number]

/** The code of "not a number" per field (the excluding prices share the including ones' wording). */
const INVALID: Record<NumberField, IssueInput['code']> = {
  quantity: 'quantity_invalid',
  unit_price: 'unit_price_invalid',
  amount: 'amount_invalid',
  vat: 'vat_invalid',
  unit_price_excl_vat: 'unit_price_invalid',
  amount_excl_vat: 'amount_invalid',
  discount_percent: 'discount_invalid',
}

/** Percent-like fields: a trailing `%` and percent-formatted cells are read as percent. */
const isPercent = (f: NumberField) => f === 'vat' || f === 'discount_percent'

/** Indexes into NUMBER_FIELDS of the fields this plan has a column or a constant for. */
const activeNumbers = new WeakMap<Plan, number[]>()
function numbersOf(plan: Plan): number[] {
  let a = activeNumbers.get(plan)
  if (!a) {
    a = []
    for (let k = 0; k < NUMBER_FIELDS.length; k++)
      if (plan.col[NUMBER_FIELDS[k]] >= 0 || plan.fill[NUMBER_FIELDS[k]] !== undefined) a.push(k)
    activeNumbers.set(plan, a)
  }
  return a
}

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
  return isPercent(field) ? cellVat(c, sep) : cellNumber(c, sep)
}

/**
 * Parsed number texts per table, field and separator. Quantity and VAT columns repeat a handful
 * of values (measured: parsing both for 100k rows 18 ms, looking them up 2 ms). A column of mostly
 * distinct values (prices) stops caching once CACHE_MAX texts are in. The result depends only on
 * (field, text, separator), and parsed numbers are never changed, so rows can share them.
 */
const CACHE_MAX = 256
const SLOTS_PER_FIELD = 3
type Slots = (Map<string, ParsedNumber> | null | undefined)[]
const parsedTexts = new WeakMap<Plan, Slots>()

function parseCached(
  plan: Plan,
  k: number,
  c: RawCell | undefined,
  sep: DecimalSeparator | undefined,
): ParsedNumber {
  const field = NUMBER_FIELDS[k]
  if (typeof c !== 'string' || c.length > 24) return parseField(field, c, sep)
  let slots = parsedTexts.get(plan)
  if (!slots) {
    slots = new Array(NUMBER_FIELDS.length * SLOTS_PER_FIELD)
    parsedTexts.set(plan, slots)
  }
  const slot = k * SLOTS_PER_FIELD + (sep === undefined ? 0 : sep === ',' ? 1 : 2)
  let m = slots[slot]
  if (m === null) return parseField(field, c, sep)
  if (m === undefined) {
    m = new Map()
    slots[slot] = m
  }
  let p = m.get(c)
  if (p === undefined) {
    p = parseField(field, c, sep)
    if (m.size >= CACHE_MAX) slots[slot] = null
    else m.set(c, p)
  }
  return p
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
    else addIssue(plan, rec, INVALID[field], field, c)
  }
  rec.pending = undefined
  // A code column read before the rate was known is checked against it now.
  if (rec.vat && (plan.col.vat_code >= 0 || plan.fill.vat_code !== undefined)) {
    const c = cellOf(plan, rec.row, 'vat_code')
    const r = c === undefined ? undefined : parseVatCode(c)
    if (r?.ok && compare(rec.vat, r.rate) !== 0 && !hasIssueFor(rec, 'vat_code'))
      addIssue(plan, rec, 'vat_code_conflict', 'vat_code', c)
  }
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
function addIssue(
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

function hasIssueFor(rec: LineRecord, field: CanonicalField): boolean {
  return rec.issues?.some((i) => i.field === field) ?? false
}

/** Line-level rules that need only the row itself (run after pending numbers are settled). */
export function checkLine(plan: Plan, rec: LineRecord): void {
  if (rec.description === '') addIssue(plan, rec, 'missing_value', 'description')
  const { quantity, unitPrice, amount, unitPriceExcl, amountExcl, discount, vat } = rec
  if (quantity) {
    if (quantity.units <= 0n) addIssue(plan, rec, 'quantity_not_positive', 'quantity')
    else if (quantity.scale > 4 && decimals(quantity) > 4)
      addIssue(plan, rec, 'quantity_too_many_decimals', 'quantity')
  }
  if (unitPrice) checkUnitPrice(plan, rec, unitPrice, 'unit_price')
  if (unitPriceExcl) checkUnitPrice(plan, rec, unitPriceExcl, 'unit_price_excl_vat')
  if (amount && amount.units < 0n) addIssue(plan, rec, 'amount_negative', 'amount')
  if (amountExcl && amountExcl.units < 0n) addIssue(plan, rec, 'amount_negative', 'amount_excl_vat')
  if (discount && (discount.units < 0n || compare(discount, HUNDRED) > 0 || decimals(discount) > 2))
    addIssue(plan, rec, 'discount_invalid', 'discount_percent')
  const codes = plan.col.vat_code >= 0 || plan.fill.vat_code !== undefined
  const rates = plan.col.vat >= 0 || plan.fill.vat !== undefined
  if (vat) {
    if (!isAllowedNokRate(vat)) addIssue(plan, rec, 'vat_rate_not_allowed', 'vat')
  } else if (!hasIssueFor(rec, 'vat') && !hasIssueFor(rec, 'vat_code'))
    addIssue(plan, rec, 'missing_value', codes && !rates ? 'vat_code' : 'vat')
  const priced = unitPrice || amount || unitPriceExcl || amountExcl
  if (!priced && !PRICE_FIELDS.some((f) => hasIssueFor(rec, f)))
    addIssue(plan, rec, 'amount_missing', null, null)
  // A blank quantity next to a unit price is a forgotten value; no quantity column at all means 1.
  if (!quantity && !hasIssueFor(rec, 'quantity') && (unitPrice || unitPriceExcl) && plan.col.quantity >= 0)
    addIssue(plan, rec, 'missing_value', 'quantity')
}

const HUNDRED: Dec = { units: 100n, scale: 0 }
const PRICE_FIELDS = ['unit_price', 'amount', 'unit_price_excl_vat', 'amount_excl_vat'] as const

function checkUnitPrice(plan: Plan, rec: LineRecord, d: Dec, field: 'unit_price' | 'unit_price_excl_vat') {
  if (d.units <= 0n) addIssue(plan, rec, 'unit_price_not_positive', field)
  else if (d.scale > 4 && decimals(d) > 4) addIssue(plan, rec, 'unit_price_too_many_decimals', field)
}

export const showDec = (d: Dec): string => decToString(d)
