import { describePriceBasis, type PriceBasisSummary } from '../../shared/price-basis'
import type { Summary, ValidatedInvoice } from './types'

/** Totals of the valid invoices: count, lines, øre, per product type and per VAT rate. */
export function summarize(
  invoices: readonly ValidatedInvoice[],
  invalidCount: number,
  priceBasis: PriceBasisSummary = describePriceBasis([]),
): Summary {
  const s: Summary = {
    invoices: invoices.length,
    invalid_invoices: invalidCount,
    lines: 0,
    total_amount: 0,
    by_product_type: {},
    by_vat_rate: {},
    price_basis: priceBasis,
  }
  for (const inv of invoices) {
    s.total_amount += inv.amount
    const pt = s.by_product_type[inv.product_type] ?? { invoices: 0, amount: 0 }
    s.by_product_type[inv.product_type] = pt
    pt.invoices++
    pt.amount += inv.amount
    const items = inv.request.session.order.items
    for (let i = 0; i < items.length; i++) {
      const item = items[i]
      s.lines++
      const key = String(item.vat)
      const r = s.by_vat_rate[key] ?? { lines: 0, amount: 0, vat_amount: 0 }
      s.by_vat_rate[key] = r
      r.lines++
      r.amount += item.amount
      r.vat_amount += inv.item_vat[i]
    }
  }
  return s
}
