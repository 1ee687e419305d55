import { vatOfGross } from '../../shared/money'
import type { Summary, ValidatedInvoice } from './types'

/** Totals of the valid invoices: count, lines, øre, per product type and per VAT rate. */
export function summarize(invoices: readonly ValidatedInvoice[], invalidCount: number): Summary {
  const s: Summary = {
    invoices: invoices.length,
    invalid_invoices: invalidCount,
    lines: 0,
    total_amount: 0,
    by_product_type: {},
    by_vat_rate: {},
  }
  for (const inv of invoices) {
    s.total_amount += inv.amount
    const pt = s.by_product_type[inv.product_type] ?? { invoices: 0, amount: 0 }
    s.by_product_type[inv.product_type] = pt
    pt.invoices++
    pt.amount += inv.amount
    for (const item of inv.request.session.order.items) {
      s.lines++
      const key = String(item.vat)
      const r = s.by_vat_rate[key] ?? { lines: 0, amount: 0, vat_amount: 0 }
      s.by_vat_rate[key] = r
      r.lines++
      r.amount += item.amount
      r.vat_amount += Number(vatOfGross(BigInt(item.amount), vatDec(item.vat)))
    }
  }
  return s
}

const decs = new Map<number, { units: bigint; scale: number }>()

function vatDec(vat: number): { units: bigint; scale: number } {
  let d = decs.get(vat)
  if (!d) {
    const [i, f = ''] = String(vat).split('.')
    d = { units: BigInt(i + f), scale: f.length }
    decs.set(vat, d)
  }
  return d
}
