/**
 * The number cells of a line (quantity, prices, VAT, discount): which of them a table has, their
 * columns' votes on the decimal separator, and parsing with a per-table cache of repeated texts.
 */
import type { DecimalSeparator, ParsedNumber } from '../../shared/money'
import type { RawCell } from '../import/types'
import { cellNumber, cellVat } from '../values/parse'
import type { IssueInput, Plan } from './field-sources'

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
export const INVALID: Record<NumberField, IssueInput['code']> = {
  quantity: 'quantity_invalid',
  unit_price: 'unit_price_invalid',
  amount: 'amount_invalid',
  vat: 'vat_invalid',
  unit_price_excl_vat: 'unit_price_invalid',
  amount_excl_vat: 'amount_invalid',
  discount_percent: 'discount_invalid',
}

/** Percent-like fields: a trailing `%` and percent-formatted cells are read as percent. */
export const isPercent = (f: NumberField) => f === 'vat' || f === 'discount_percent'

/** Indexes into NUMBER_FIELDS of the fields this plan has a column or a constant for. */
const activeNumbers = new WeakMap<Plan, number[]>()
export function numbersOf(plan: Plan): number[] {
  let a = activeNumbers.get(plan)
  if (!a) {
    a = []
    for (let k = 0; k < NUMBER_FIELDS.length; k++)
      if (plan.col[NUMBER_FIELDS[k]] >= 0 || plan.fill[NUMBER_FIELDS[k]] !== undefined) a.push(k)
    activeNumbers.set(plan, a)
  }
  return a
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

export function parseField(field: NumberField, c: RawCell | undefined, sep?: DecimalSeparator): ParsedNumber {
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

export function parseCached(
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
