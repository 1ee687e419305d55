/**
 * What a header alone says: its canonical field with a confidence (exact name, synonym, fuzzy
 * spelling), or that its values decide (a total, a due date, a postal column, VAT).
 */
import { CANONICAL_FIELDS, type CanonicalField, PRICE_FIELDS, type PriceBasis } from '../../shared/canonical'
import { headerBasis } from './basis'
import { normalizeHeader, SECOND_CHOICE, SYNONYMS, VALUE_DECIDED, WHOLE_HEADER_ONLY } from './synonyms'
import type { MatchSource } from './types'

export type DecideKind = (typeof VALUE_DECIDED)[string]

const SYN_INDEX = new Map<string, CanonicalField>()
for (const f of CANONICAL_FIELDS) for (const s of SYNONYMS[f]) if (!SYN_INDEX.has(s)) SYN_INDEX.set(s, f)
const FIELD_KEYS = new Map<string, CanonicalField>(CANONICAL_FIELDS.map((f) => [normalizeHeader(f), f]))

/** Optimal string alignment distance (Damerau-Levenshtein with adjacent swaps). */
export function editDistance(a: string, b: string): number {
  const m = a.length
  const n = b.length
  if (Math.abs(m - n) > 3) return Math.max(m, n)
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) => [i, ...Array(n).fill(0)])
  for (let j = 1; j <= n; j++) d[0][j] = j
  for (let i = 1; i <= m; i++)
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1)
    }
  return d[m][n]
}

export type HeaderMatch =
  | { field: CanonicalField; confidence: number; source: MatchSource }
  | { decide: DecideKind; basis?: PriceBasis }
  | undefined

const PRICE_BY: Record<'unit' | 'amount', Record<PriceBasis, CanonicalField>> = {
  unit: { incl: 'unit_price', excl: 'unit_price_excl_vat' },
  amount: { incl: 'amount', excl: 'amount_excl_vat' },
}

/** Which kind of price the words left beside a basis marker name (`enhetspris`, `belop`, ``). */
function priceFamily(rest: string): { family: 'unit' | 'amount' | 'total'; exact: boolean } | undefined {
  if (rest === '') return { family: 'amount', exact: true }
  if (VALUE_DECIDED[rest] === 'total') return { family: 'total', exact: true }
  const kind = (f: CanonicalField | undefined) =>
    f === 'unit_price' || f === 'unit_price_excl_vat'
      ? 'unit'
      : f === 'amount' || f === 'amount_excl_vat'
        ? 'amount'
        : undefined
  const exact = kind(SYN_INDEX.get(rest))
  if (exact) return { family: exact, exact: true }
  let best: { family: 'unit' | 'amount'; len: number } | undefined
  for (const [s, f] of SYN_INDEX) {
    const k = kind(f)
    if (k && s.length >= 4 && rest.includes(s) && (!best || s.length > best.len))
      best = { family: k, len: s.length }
  }
  if (best) return { family: best.family, exact: false }
  for (const t of Object.keys(VALUE_DECIDED))
    if (VALUE_DECIDED[t] === 'total' && t.length >= 3 && rest.startsWith(t))
      return { family: 'total', exact: false }
  return undefined
}

/**
 * What a header alone says: a field with a confidence, or a value-decided kind. A header that
 * states its VAT basis (`Enhetspris eks. mva`, `Beløp inkl. mva`) is read on that basis, and is
 * never matched to a price field of the other basis.
 */
export function matchHeader(header: string): HeaderMatch {
  const key = normalizeHeader(header)
  if (key === '') return undefined
  const exact = FIELD_KEYS.get(key)
  if (exact && header.trim().toLowerCase() === exact) return { field: exact, confidence: 1, source: 'exact' }
  const hb = headerBasis(header)
  if (hb) {
    const p = priceFamily(hb.rest)
    if (p?.family === 'total') return { decide: 'total', basis: hb.basis }
    if (p) return { field: PRICE_BY[p.family][hb.basis], confidence: p.exact ? 0.95 : 0.8, source: 'synonym' }
  }
  const m = matchWords(key, exact)
  if (m && 'field' in m && hb && !basisAllows(m.field, hb.basis)) return undefined
  return m
}

/** False when a price field's basis contradicts the basis the header states. */
export function basisAllows(field: CanonicalField, stated: PriceBasis | undefined): boolean {
  const p = PRICE_FIELDS[field]
  return !p || stated === undefined || p.basis === stated
}

function matchWords(key: string, exact: CanonicalField | undefined): HeaderMatch {
  const decide = VALUE_DECIDED[key]
  if (decide) return { decide }
  if (exact) return { field: exact, confidence: 0.98, source: 'synonym' }
  const syn = SYN_INDEX.get(key)
  if (syn) return { field: syn, confidence: SECOND_CHOICE.has(key) ? 0.9 : 0.95, source: 'synonym' }
  // A synonym inside a longer header: "Kundens e-postadresse", "Beløp inkl. mva (NOK)".
  let best: { field: CanonicalField; len: number } | undefined
  for (const [s, f] of SYN_INDEX)
    if (s.length >= 5 && !WHOLE_HEADER_ONLY.has(s) && key.includes(s) && (!best || s.length > best.len))
      best = { field: f, len: s.length }
  if (best) return { field: best.field, confidence: 0.75, source: 'fuzzy' }
  let fuzzy: { field: CanonicalField; sim: number } | undefined
  if (key.length >= 4)
    for (const [s, f] of SYN_INDEX) {
      if (s.length < 4 || WHOLE_HEADER_ONLY.has(s)) continue
      const sim = 1 - editDistance(key, s) / Math.max(key.length, s.length)
      if (sim >= 0.8 && (!fuzzy || sim > fuzzy.sim)) fuzzy = { field: f, sim }
    }
  if (fuzzy)
    return { field: fuzzy.field, confidence: Math.round(fuzzy.sim * 0.9 * 100) / 100, source: 'fuzzy' }
  return undefined
}
