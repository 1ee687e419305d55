/**
 * Header → canonical field suggestions: remembered mapping first, then exact names, synonyms,
 * value-decided headers and a fuzzy fallback, each with a confidence. One field per column and
 * one column per field; the highest confidence wins.
 */
import {
  CANONICAL_FIELDS,
  type CanonicalField,
  FIELD_BY_NAME,
  PRICE_FIELDS,
  type PriceBasis,
} from '../../shared/canonical'
import type { RawCell, SourceRow } from '../import/types'
import { parseProductType } from '../values/parse'
import { allOutputCodes } from '../values/vat-codes'
import { headerBasis } from './basis'
import { columnValues, type Decision, decideDue, decidePostal, decideTotal, decideVat } from './decide'
import { diffSources } from './changes'
import { normalizeHeader, SECOND_CHOICE, SYNONYMS, VALUE_DECIDED, WHOLE_HEADER_ONLY } from './synonyms'
import type {
  AmbiguousHeader,
  Constants,
  Mapping,
  MappingSuggestion,
  MatchSource,
  RememberedMapping,
} from './types'

type DecideKind = (typeof VALUE_DECIDED)[string]

interface Candidate {
  column: number
  field: CanonicalField
  confidence: number
  source: MatchSource
}

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

export interface SuggestOptions {
  /** The user's choices, applied before anything else (field → header or 1-based column). */
  overrides?: Mapping
  /** Fields the user wants left unmapped (a `null` in a mapping file). */
  unmapped?: readonly CanonicalField[]
  /** The VAT basis of price columns whose header states none (`Pris`, `Beløp`); default incl. */
  prices?: PriceBasis
}

/** Resolves a column reference to a 0-based index; undefined when absent or ambiguous. */
export function resolveRef(headers: readonly string[], ref: string | number): number | undefined {
  if (typeof ref === 'number')
    return Number.isInteger(ref) && ref >= 1 && ref <= headers.length ? ref - 1 : undefined
  const first = headers.indexOf(ref)
  if (first < 0 || headers.indexOf(ref, first + 1) >= 0) return undefined
  return first
}

/** The reference written into a mapping: the header, or the column number when the header is blank or repeated. */
export function refFor(headers: readonly string[], col: number): string | number {
  const h = headers[col]
  return h && headers.indexOf(h) === col && headers.lastIndexOf(h) === col ? h : col + 1
}

export function suggestMapping(
  headers: readonly string[],
  sampleRows: readonly (SourceRow | readonly RawCell[])[],
  remembered?: RememberedMapping | null,
  options: SuggestOptions = {},
): MappingSuggestion {
  const rows = sampleRows.map((r) => ('cells' in r ? r.cells : r) as readonly RawCell[])
  const out: MappingSuggestion = {
    mapping: {},
    columns: {},
    confidence: {},
    source: {},
    ambiguous: [],
    unmapped: [],
    changes: null,
    constants: {},
  }
  const taken = new Set<number>()
  const excluded = new Set(options.unmapped ?? [])
  const refused = new Set<number>()
  const assign = (field: CanonicalField, column: number, confidence: number, source: MatchSource) => {
    if (out.columns[field] !== undefined || taken.has(column) || excluded.has(field)) return false
    // Whatever proposes it (a remembered mapping, the user, a file), a header that says
    // "excluding VAT" is never read as including VAT, nor the other way round.
    const stated = PRICE_FIELDS[field] ? headerBasis(headers[column] ?? '')?.basis : undefined
    if (!basisAllows(field, stated)) {
      if (!out.ambiguous.some((a) => a.column === column))
        out.ambiguous.push(basisRefusal(headers[column], column, field, stated))
      // The user hears why their choice was refused; a stale remembered choice is just dropped.
      if (source !== 'override') refused.add(column)
      return false
    }
    out.columns[field] = column
    out.mapping[field] = refFor(headers, column)
    out.confidence[field] = confidence
    out.source[field] = source
    taken.add(column)
    return true
  }
  for (const [f, ref] of Object.entries(options.overrides ?? {}) as [CanonicalField, string | number][]) {
    const c = resolveRef(headers, ref)
    if (c !== undefined) assign(f, c, 1, 'override')
  }
  if (remembered) {
    out.constants = { ...remembered.constants } as Constants
    if (!remembered.exact) out.changes = diffSources(remembered, headers)
    for (const [f, ref] of Object.entries(remembered.mapping) as [CanonicalField, string | number][]) {
      const renamed = out.changes?.renamed.find((r) => r.field === f)
      const c = resolveRef(headers, renamed ? renamed.to : ref)
      if (c !== undefined) assign(f, c, renamed ? 0.9 : 1, 'remembered')
    }
  }
  const candidates: Candidate[] = []
  const deferred: { column: number; decide: DecideKind; basis?: PriceBasis }[] = []
  headers.forEach((h, column) => {
    if (taken.has(column)) return
    const m = matchHeader(h)
    if (!m) return
    if ('decide' in m) deferred.push({ column, decide: m.decide, basis: m.basis })
    else candidates.push({ column, ...m })
  })
  candidates.sort((a, b) => b.confidence - a.confidence || a.column - b.column)
  for (const c of candidates) {
    // A bare "Type" (or a fuzzy match) often holds product kinds, not customer types: check the values.
    const weak = c.source === 'fuzzy' || normalizeHeader(headers[c.column]) === 'type'
    if (c.field === 'payment_product_type' && weak && !mostlyProductTypes(columnValues(rows, c.column))) {
      out.ambiguous.push({
        header: headers[c.column],
        column: c.column,
        candidates: ['payment_product_type'],
        reason: 'Its values are not customer types (b2b, b2c, Bedrift, Privat …).',
        reason_nb: 'Verdiene er ikke kundetyper (b2b, b2c, Bedrift, Privat …).',
      })
      continue
    }
    assign(c.field, c.column, c.confidence, c.source)
  }
  for (const d of deferred) {
    const decision: Decision =
      d.decide === 'vat'
        ? decideVat(columnValues(rows, d.column))
        : d.decide === 'due'
          ? decideDue(columnValues(rows, d.column))
          : d.decide === 'postal'
            ? decidePostal(columnValues(rows, d.column))
            : decideTotal(rows, d.column, out.columns.merchant_reference)
    if (decision.kind === 'field' && d.basis === 'excl' && decision.field === 'amount')
      decision.field = 'amount_excl_vat'
    if (decision.kind === 'field' && assign(decision.field, d.column, decision.confidence, 'values')) continue
    const amb: AmbiguousHeader = {
      header: headers[d.column],
      column: d.column,
      candidates: decision.kind === 'undecided' ? decision.candidates : [],
      reason:
        decision.kind === 'field'
          ? `Another column already holds ${FIELD_BY_NAME.get(decision.field)?.label_en}.`
          : decision.reason,
      reason_nb:
        decision.kind === 'field'
          ? `En annen kolonne har allerede ${FIELD_BY_NAME.get(decision.field)?.label_nb}.`
          : decision.reason_nb,
    }
    out.ambiguous.push(amb)
  }
  out.ambiguous = out.ambiguous.filter((a) => !(refused.has(a.column) && taken.has(a.column)))
  readVatColumnAsCodes(out, rows)
  if (options.prices) applyPriceBasis(out, headers, options.prices)
  headers.forEach((h, i) => {
    if (!taken.has(i) && h.trim() !== '') out.unmapped.push(h)
  })
  return out
}

function moveField(out: MappingSuggestion, from: CanonicalField, to: CanonicalField): void {
  out.columns[to] = out.columns[from]
  out.mapping[to] = out.mapping[from]
  out.confidence[to] = out.confidence[from]
  out.source[to] = out.source[from]
  delete out.columns[from]
  delete out.mapping[from]
  delete out.confidence[from]
  delete out.source[from]
}

/** A VAT column found by its name whose values are all output VAT codes is read as codes. */
function readVatColumnAsCodes(out: MappingSuggestion, rows: readonly (readonly RawCell[])[]): void {
  const col = out.columns.vat
  const src = out.source.vat
  if (col === undefined || out.columns.vat_code !== undefined) return
  if (src !== 'exact' && src !== 'synonym' && src !== 'fuzzy' && src !== 'values') return
  if (allOutputCodes(columnValues(rows, col))) moveField(out, 'vat', 'vat_code')
}

/** `--prices`: price columns whose header states no basis are read on the basis given. */
function applyPriceBasis(out: MappingSuggestion, headers: readonly string[], basis: PriceBasis): void {
  for (const f of ['unit_price', 'amount', 'unit_price_excl_vat', 'amount_excl_vat'] as const) {
    const p = PRICE_FIELDS[f]
    const col = out.columns[f]
    if (!p || col === undefined || p.basis === basis || out.source[f] === 'override') continue
    if (headerBasis(headers[col] ?? '') || out.columns[p.other] !== undefined) continue
    moveField(out, f, p.other)
  }
}

function basisRefusal(
  header: string,
  column: number,
  field: CanonicalField,
  stated: PriceBasis | undefined,
): AmbiguousHeader {
  const other = PRICE_FIELDS[field]?.other
  const excl = stated === 'excl'
  return {
    header,
    column,
    candidates: other ? [other] : [],
    reason: excl
      ? 'The header says the prices exclude VAT, so it cannot be read as a price including VAT.'
      : 'The header says the prices include VAT, so it cannot be read as a price excluding VAT.',
    reason_nb: excl
      ? 'Overskriften sier at prisene er eksklusiv mva, så den kan ikke leses som en pris inkludert mva.'
      : 'Overskriften sier at prisene er inkludert mva, så den kan ikke leses som en pris eksklusiv mva.',
  }
}

function mostlyProductTypes(values: readonly RawCell[]): boolean {
  if (values.length === 0) return true
  let ok = 0
  for (const v of values) if (typeof v === 'string' && parseProductType(v.trim())) ok++
  return ok * 2 >= values.length
}
