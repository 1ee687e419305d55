import {
  CANONICAL_FIELDS,
  type CanonicalField,
  FIELD_INFO,
  isCanonicalField,
  PRICE_FIELDS,
} from '../../shared/canonical'
import type { MappingFieldView, MappingView, MatchSource } from '../../shared/contract'
import type { SourceRow } from '../import/types'
import { type ChosenMapping, chooseMapping } from '../invoice/import-path'
import { cellDisplay } from '../values/cells'
import { headerBasis } from '../mapping/basis'
import type { Constants, Mapping, RememberedMapping } from '../mapping'
import { CUSTOMER_NAME_KEYS, normalizeHeader } from '../mapping/synonyms'
import type { DraftState } from './store'

/**
 * What every invoice needs, with accepted alternatives (the validator's required fields plus the
 * billing address Kravia requires). Company name and organisation number depend on the customer
 * type, so they are checked per invoice, not here.
 */
const REQUIRED: Partial<Record<CanonicalField, CanonicalField[]>> = {
  merchant_reference: [],
  payment_product_type: [],
  days_until_due: ['due_date'],
  due_date: ['days_until_due'],
  first_name: ['full_name'],
  last_name: ['full_name'],
  email: [],
  phone_number: [],
  address_line: [],
  postal_code: ['postal_code_place'],
  postal_place: ['postal_code_place'],
  description: [],
  unit_price: ['amount', 'unit_price_excl_vat', 'amount_excl_vat'],
  amount: ['unit_price', 'unit_price_excl_vat', 'amount_excl_vat'],
  unit_price_excl_vat: ['unit_price', 'amount', 'amount_excl_vat'],
  amount_excl_vat: ['unit_price', 'amount', 'unit_price_excl_vat'],
  vat: ['vat_code'],
  vat_code: ['vat'],
}

/** The mapping as the session uses it: the matcher's suggestion with the user's choices on top. */
export interface EffectiveMapping extends ChosenMapping {
  mapping: Mapping
}

export function effectiveMapping(
  headers: string[],
  rows: readonly SourceRow[],
  remembered: RememberedMapping | null,
  state: DraftState,
): EffectiveMapping {
  const overrides: Mapping = {}
  const unmapped: CanonicalField[] = []
  const constants: Constants = {}
  for (const [f, col] of Object.entries(state.mapping)) {
    if (!isCanonicalField(f)) continue
    if (col === null) unmapped.push(f)
    else overrides[f] = col
  }
  // A fixed value takes the field away from any column.
  for (const [f, v] of Object.entries(state.constants))
    if (isCanonicalField(f)) {
      unmapped.push(f)
      constants[f] = v
    }
  const chosen = chooseMapping(headers, rows, remembered, { overrides, unmapped, constants })
  return { ...chosen, mapping: chosen.suggestion.mapping }
}

/** A price column's VAT basis, and whether its header says so. */
function basisOf(f: CanonicalField, header: string | undefined): Pick<MappingFieldView, 'basis'> {
  const price = PRICE_FIELDS[f]
  if (!price || header === undefined) return {}
  return { basis: { basis: price.basis, stated: headerBasis(header) !== undefined } }
}

function samples(rows: readonly SourceRow[], col: number | undefined): string[] {
  if (col === undefined) return []
  const out: string[] = []
  for (const r of rows) {
    const v = cellDisplay(r.cells[col])
    if (v !== null && v.trim() !== '' && !out.includes(v)) out.push(v)
    if (out.length >= 3) break
  }
  return out
}

function sourceOf(eff: EffectiveMapping, f: CanonicalField, state: DraftState): MatchSource {
  if (eff.columns[f] === undefined) return eff.constants[f] !== undefined ? 'constant' : 'none'
  if (state.mapping[f] !== undefined && state.mapping[f] !== null) return 'user'
  const s = eff.suggestion.source[f]
  return s === 'override' ? 'user' : (s ?? 'none')
}

export function mappingView(
  sessionId: string,
  headers: string[],
  rows: readonly SourceRow[],
  eff: EffectiveMapping,
  remembered: RememberedMapping | null,
  state: DraftState,
  defaults: Partial<Record<CanonicalField, string>> = {},
): MappingView {
  const provided = (f: CanonicalField) =>
    eff.columns[f] !== undefined || eff.constants[f] !== undefined || defaults[f] !== undefined
  const fields: MappingFieldView[] = FIELD_INFO.map((info) => {
    const f = info.field
    const col = eff.columns[f]
    const source = sourceOf(eff, f, state)
    const rule = ruleFor(f, headers, eff, provided)
    // "Required" marks fields every invoice needs with no alternative column (a rule still counts).
    const alternatives = REQUIRED[f]
    const needed = alternatives !== undefined && (alternatives.length === 0 || f === 'payment_product_type')
    return {
      field: f,
      label_en: info.label_en,
      label_nb: info.label_nb,
      note_en: info.note_en,
      note_nb: info.note_nb,
      column: col === undefined ? null : (headers[col] ?? `#${col + 1}`),
      constant: col === undefined ? (eff.constants[f] ?? null) : null,
      confidence: col === undefined ? 0 : source === 'user' ? 1 : (eff.suggestion.confidence[f] ?? 0),
      source,
      samples: samples(rows, col),
      defaultValue: eff.constants[f] === undefined ? (defaults[f] ?? null) : null,
      required: needed,
      missing: alternatives !== undefined && rule === null && !provided(f) && !alternatives.some(provided),
      rule,
      ...basisOf(f, col === undefined ? undefined : headers[col]),
    }
  })
  const used = new Set(Object.values(eff.columns))
  const changes = eff.suggestion.changes
  return {
    sessionId,
    fields,
    headers: headers.filter((h) => h.trim() !== ''),
    unused: headers.filter((h, i) => h.trim() !== '' && !used.has(i)),
    remembered: remembered !== null && Object.values(eff.suggestion.source).includes('remembered'),
    drift: changes
      ? {
          added: changes.added,
          missing: changes.missing.map((m) => m.header),
          renamed: changes.renamed.map((r) => ({ from: r.from, to: r.to })),
        }
      : null,
    ambiguous: eff.suggestion.ambiguous.map((a) => ({
      field: a.candidates[0] ?? '',
      column: a.header,
      message: `Column "${a.header}": ${a.reason}`,
      message_nb: `Kolonnen «${a.header}»: ${a.reason_nb}`,
    })),
    rowCount: rows.length,
  }
}

/**
 * The rule that provides a field nothing else provides: the organisation number decides the
 * customer type; a customer-name column (Kundenavn) is the person's name on private invoices.
 */
function ruleFor(
  f: CanonicalField,
  headers: readonly string[],
  eff: EffectiveMapping,
  provided: (f: CanonicalField) => boolean,
): MappingFieldView['rule'] {
  if (f === 'payment_product_type') return provided(f) ? null : 'org_number'
  if (f !== 'first_name' && f !== 'last_name') return null
  if (provided(f) || provided('full_name')) return null
  const col = eff.columns.business_name
  const customerName = col !== undefined && CUSTOMER_NAME_KEYS.has(normalizeHeader(headers[col] ?? ''))
  return customerName ? 'customer_name' : null
}

export const FIELD_ORDER: readonly CanonicalField[] = CANONICAL_FIELDS
