/** Line-level rules that need only the row itself, once its numbers are read. */
import { compare, type Dec, decimals } from '../../shared/money'
import { isAllowedNokRate } from '../values/parse'
import type { Plan } from './field-sources'
import { addIssue, hasIssueFor, type LineRecord } from './lines'

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
