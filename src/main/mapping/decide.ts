/**
 * Headers that only their values can explain: `MVA` (a rate or an amount?), `Sum` (a line or the
 * invoice total?), `Forfall` (a date or a number of days?). Each decision returns a field, or
 * "none of ours", or undecided (the user picks).
 */
import type { CanonicalField } from '../../shared/canonical'
import type { RawCell } from '../import/types'
import { cellText, isBlank } from '../values/cells'
import { splitPostalPlace } from '../values/postal'
import { cellNumber, cellVat, isAllowedNokRate, parseDays, parseDueDate } from '../values/parse'
import { allOutputCodes } from '../values/vat-codes'

export type Decision =
  | { kind: 'field'; field: CanonicalField; confidence: number }
  | { kind: 'none'; reason: string; reason_nb: string }
  | { kind: 'undecided'; candidates: CanonicalField[]; reason: string; reason_nb: string }

export function columnValues(rows: readonly (readonly RawCell[])[], col: number): RawCell[] {
  const out: RawCell[] = []
  for (const r of rows) if (!isBlank(r[col])) out.push(r[col])
  return out
}

const noValues = (candidates: CanonicalField[]): Decision => ({
  kind: 'undecided',
  candidates,
  reason: 'No values to decide from.',
  reason_nb: 'Ingen verdier å avgjøre ut fra.',
})

export function decideVat(values: readonly RawCell[]): Decision {
  if (values.length === 0) return noValues(['vat'])
  const rates = values.filter((v) => {
    const p = cellVat(v, ',')
    return p.kind === 'ok' && isAllowedNokRate(p.value)
  }).length
  if (rates === values.length) return { kind: 'field', field: 'vat', confidence: 0.85 }
  // Every value an output VAT code (3, 31, 33, 5 …): the column holds codes, not rates.
  if (allOutputCodes(values)) return { kind: 'field', field: 'vat_code', confidence: 0.85 }
  const numbers = values.filter((v) => cellNumber(v, ',').kind !== 'invalid').length
  if (numbers === values.length && rates < values.length / 2)
    return {
      kind: 'none',
      reason: 'The values look like VAT amounts, not rates; the app computes VAT amounts itself.',
      reason_nb: 'Verdiene ser ut som mva-beløp, ikke satser; appen regner ut mva-beløpet selv.',
    }
  return {
    kind: 'undecided',
    candidates: ['vat'],
    reason: 'Some values are VAT rates and some are not.',
    reason_nb: 'Noen verdier er mva-satser og noen ikke.',
  }
}

export function decideDue(values: readonly RawCell[]): Decision {
  if (values.length === 0) return noValues(['days_until_due', 'due_date'])
  const dates = values.filter(
    (v) => (typeof v === 'object' && v !== null && 'date' in v) || (typeof v === 'string' && parseDueDate(v)),
  ).length
  if (dates === values.length) return { kind: 'field', field: 'due_date', confidence: 0.85 }
  const days = values.filter((v) => parseDays(v) !== undefined).length
  if (days === values.length) return { kind: 'field', field: 'days_until_due', confidence: 0.85 }
  return {
    kind: 'undecided',
    candidates: ['days_until_due', 'due_date'],
    reason: 'The values are neither all dates nor all numbers of days.',
    reason_nb: 'Verdiene er verken bare datoer eller bare antall dager.',
  }
}

/**
 * `Sum`: if rows of one invoice carry different values, it is the line amount; if every
 * multi-row invoice repeats one value, it is the invoice total (not a field we read).
 */
export function decideTotal(
  rows: readonly (readonly RawCell[])[],
  col: number,
  refCol: number | undefined,
): Decision {
  const values = columnValues(rows, col)
  if (values.length === 0) return noValues(['amount'])
  if (values.some((v) => cellNumber(v, ',').kind === 'invalid'))
    return {
      kind: 'undecided',
      candidates: ['amount'],
      reason: 'Not all values are amounts.',
      reason_nb: 'Ikke alle verdiene er beløp.',
    }
  if (refCol === undefined)
    return {
      kind: 'undecided',
      candidates: ['amount'],
      reason: 'It may be a line amount or an invoice total; choose the invoice number column first.',
      reason_nb: 'Det kan være et linjebeløp eller en fakturasum; velg fakturanummer-kolonnen først.',
    }
  const groups = new Map<string, string[]>()
  for (const r of rows) {
    const ref = cellText(r[refCol])
    if (!ref) continue
    const g = groups.get(ref) ?? []
    g.push(cellText(r[col]))
    groups.set(ref, g)
  }
  let multi = 0
  let varying = 0
  for (const g of groups.values()) {
    if (g.length < 2) continue
    multi++
    if (new Set(g).size > 1) varying++
  }
  if (varying > 0) return { kind: 'field', field: 'amount', confidence: 0.8 }
  if (multi > 0)
    return {
      kind: 'none',
      reason:
        'Every row of an invoice repeats the same value: it looks like the invoice total, which the app adds up itself.',
      reason_nb:
        'Alle radene i en faktura har samme verdi: det ser ut som fakturasummen, som appen regner ut selv.',
    }
  // One line per invoice: the line amount and the invoice total are the same number.
  return { kind: 'field', field: 'amount', confidence: 0.7 }
}

/** `Postadresse`: a postal code with its place (`0152 Oslo`) in every value, or a street address. */
export function decidePostal(values: readonly RawCell[]): Decision {
  if (values.length === 0) return { kind: 'field', field: 'address_line', confidence: 0.7 }
  const both = values.filter((v) => splitPostalPlace(cellText(v)) !== undefined).length
  if (both === values.length) return { kind: 'field', field: 'postal_code_place', confidence: 0.85 }
  return { kind: 'field', field: 'address_line', confidence: both === 0 ? 0.85 : 0.6 }
}
