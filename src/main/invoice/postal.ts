/**
 * The postal code and place of an invoice: from their own columns, or split from one column
 * holding both (`0152 Oslo`, `N-0152 OSLO`, `0152, Oslo`). A separate column's value wins.
 */
import type { Collector } from './collector'
import { parsePostalCode } from '../values/parse'
import { splitPostalPlace } from '../values/postal'

export function postalOf(b: Collector, country: string): { postal_code: string; postal_place: string } {
  const out = { postal_code: '', postal_place: '' }
  const pc = b.get('postal_code')
  const pp = b.get('postal_place')
  const both = b.get('postal_code_place')
  let split: { code: string; place: string } | undefined
  if (both?.text && (!pc?.text || !pp?.text)) {
    split = splitPostalPlace(both.text)
    if (!split) b.err('postal_code_place_invalid', 'postal_code_place', b.at(both), both.cell)
  }
  if (pp?.text) out.postal_place = pp.text
  else if (split) out.postal_place = split.place
  else if (!both?.text) b.err('missing_value', 'postal_place', b.rows)

  if (pc?.text) {
    const r = parsePostalCode(pc.text, country)
    if (!r.ok) b.err('postal_code_invalid', 'postal_code', b.at(pc), pc.cell)
    else {
      out.postal_code = r.value
      if (r.padded && typeof pc.cell === 'string')
        b.warn('postal_code_padded', 'postal_code', b.at(pc), pc.cell, { extra: r.value })
    }
  } else if (split && both) {
    const r = parsePostalCode(split.code, country)
    if (!r.ok) b.err('postal_code_invalid', 'postal_code_place', b.at(both), both.cell)
    else {
      out.postal_code = r.value
      if (r.padded)
        b.warn('postal_code_padded', 'postal_code_place', b.at(both), both.cell, { extra: r.value })
    }
  } else if (!both?.text) b.err('missing_value', 'postal_code', b.rows)
  return out
}
