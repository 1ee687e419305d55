/**
 * One line's amount and VAT in øre, from prices including or excluding VAT.
 *
 * Including VAT (unit_price, amount): gross = quantity × unit price × (1 − discount), rounded
 * once, or the given amount; VAT = gross × rate / (100 + rate).
 * Excluding VAT (unit_price_excl_vat, amount_excl_vat): net = quantity × unit price × (1 −
 * discount), rounded once, or the given amount; VAT = net × rate / 100, rounded; the amount sent
 * (Kravia's amounts include VAT) = net + VAT. A given line amount is already after the discount.
 * When a line has both, the excluding values decide and the including ones must agree within 1 øre.
 */
import { type CanonicalField, FIELD_BY_NAME } from '../../shared/canonical'
import {
  type Dec,
  decToString,
  formatOre,
  grossUnitOre,
  lineTotalOre,
  toOre,
  vatOfGross,
  vatOfNet,
} from '../../shared/money'
import { cellDisplay } from '../values/cells'
import type { LineRecord } from './lines'
import { columnName, type IssueArgs, type Plan } from './field-sources'

const ONE: Dec = { units: 1n, scale: 0 }

export interface LineMoney {
  /** The item amount sent, including VAT. */
  ore: bigint
  vat: bigint
}

/** Where a line's findings go (the invoice's collector). */
export interface LineReporter {
  err(...args: IssueArgs): void
}

const kr = (ore: bigint) => ({ en: `${formatOre(ore, 'en')} NOK`, nb: `${formatOre(ore, 'nb')} kr` })

/** A column named for messages: its header, or the field's label when a constant filled it. */
function named(plan: Plan, field: CanonicalField): { en: string; nb: string } {
  const col = columnName(plan, field)
  const info = FIELD_BY_NAME.get(field)
  return col !== null ? { en: col, nb: col } : { en: info?.label_en ?? field, nb: info?.label_nb ?? field }
}

const cell = (plan: Plan, r: LineRecord, f: CanonicalField) =>
  r.row.cells[plan.col[f]] ?? plan.fill[f] ?? null

/** quantity × unit price (less the discount), or the given amount, which must agree within 1 øre. */
function total(
  plan: Plan,
  r: LineRecord,
  unit: Dec | undefined,
  given: Dec | undefined,
  amountField: 'amount' | 'amount_excl_vat',
  out: LineReporter,
): bigint | undefined {
  if (!unit) return given ? toOre(given) : undefined
  const computed = lineTotalOre(unit, r.quantity ?? ONE, r.discount)
  if (!given) return computed
  const ore = toOre(given)
  const diff = ore - computed
  if (diff > 1n || diff < -1n) {
    const k = kr(computed)
    const off = r.discount && r.discount.units !== 0n
    out.err('amount_mismatch', amountField, [r.row.line], cell(plan, r, amountField), {
      extra: off ? `${k.en} after the ${decToString(r.discount as Dec)} % discount` : k.en,
      extra_nb: off ? `${k.nb} etter ${decToString(r.discount as Dec).replace('.', ',')} % rabatt` : k.nb,
    })
  }
  return ore
}

export function lineMoney(plan: Plan, r: LineRecord, out: LineReporter): LineMoney | undefined {
  const gross = total(plan, r, r.unitPrice, r.amount, 'amount', out)
  const net = total(plan, r, r.unitPriceExcl, r.amountExcl, 'amount_excl_vat', out)
  if (!r.vat) return undefined
  if (net === undefined)
    return gross === undefined ? undefined : { ore: gross, vat: vatOfGross(gross, r.vat) }
  const vat = vatOfNet(net, r.vat)
  const withVat = net + vat
  if (gross !== undefined) agree(plan, r, gross, net, withVat, r.vat, out)
  return { ore: withVat, vat }
}

/** Including and excluding values on one line must say the same, within 1 øre. */
function agree(
  plan: Plan,
  r: LineRecord,
  gross: bigint,
  net: bigint,
  withVat: bigint,
  rate: Dec,
  out: LineReporter,
): void {
  const pct = { en: decToString(rate), nb: decToString(rate).replace('.', ',') }
  const off = (a: bigint, b: bigint) => a - b > 1n || b - a > 1n
  let field: CanonicalField
  let other: CanonicalField
  let expected: bigint
  let base: bigint
  if (r.unitPrice && r.unitPriceExcl) {
    // Unit prices are compared per unit: a rounded gross price times a large quantity drifts.
    field = 'unit_price'
    other = 'unit_price_excl_vat'
    expected = grossUnitOre(r.unitPriceExcl, rate)
    base = toOre(r.unitPriceExcl)
    if (!off(toOre(r.unitPrice), expected)) return
  } else {
    field = r.amount ? 'amount' : 'unit_price'
    other = r.amountExcl ? 'amount_excl_vat' : 'unit_price_excl_vat'
    expected = withVat
    base = net
    if (!off(gross, withVat)) return
  }
  const o = named(plan, other)
  const v = cell(plan, r, other)
  const shown = cellDisplay(v) ?? ''
  const b = kr(base)
  const e = kr(expected)
  out.err('price_basis_mismatch', field, [r.row.line], cell(plan, r, field), {
    extra: `${o.en} "${shown}" (excluding VAT: ${b.en} + ${pct.en} % VAT = ${e.en})`,
    extra_nb: `${o.nb} "${shown}" (eksklusiv mva: ${b.nb} + ${pct.nb} % mva = ${e.nb})`,
  })
}
