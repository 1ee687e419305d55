/**
 * Header → canonical field suggestions: remembered mapping first, then exact names, synonyms,
 * value-decided headers and a fuzzy fallback, each with a confidence. One field per column and
 * one column per field; the highest confidence wins.
 */
import { type CanonicalField, FIELD_BY_NAME, PRICE_FIELDS, type PriceBasis } from '../../shared/canonical'
import type { RawCell, SourceRow } from '../import/types'
import { parseProductType } from '../values/parse'
import { allOutputCodes } from '../values/vat-codes'
import { headerBasis } from './basis'
import { columnValues, type Decision, decideDue, decidePostal, decideTotal, decideVat } from './decide'
import { diffSources } from './changes'
import { basisAllows, type DecideKind, matchHeader } from './header-match'
import { normalizeHeader } from './synonyms'
import type {
  AmbiguousHeader,
  Constants,
  Mapping,
  MappingSuggestion,
  MatchSource,
  RememberedMapping,
} from './types'

interface Candidate {
  column: number
  field: CanonicalField
  confidence: number
  source: MatchSource
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
