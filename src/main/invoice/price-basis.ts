import { CANONICAL_FIELDS, PRICE_FIELDS } from '../../shared/canonical'
import { describePriceBasis, type PriceBasisSummary } from '../../shared/price-basis'
import { headerBasis } from '../mapping/basis'
import type { Plan } from './field-sources'

/** The price columns of a plan, and whether each header states its basis, in words. */
export function priceBasisOf(plan: Plan): PriceBasisSummary {
  const cols = []
  for (const field of CANONICAL_FIELDS) {
    const p = PRICE_FIELDS[field]
    const i = plan.col[field]
    if (!p || i < 0) continue
    const column = plan.headers[i] ?? `#${i + 1}`
    cols.push({ field, column, stated: headerBasis(column)?.basis === p.basis })
  }
  return describePriceBasis(cols)
}
