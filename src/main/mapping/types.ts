import type { CanonicalField } from '../../shared/canonical'

/** A column by its header text, or by its 1-based position (for blank or duplicate headers). */
export type ColumnRef = string | number

/** Canonical field → the column that holds it. The `mapping` of `validate --json`. */
export type Mapping = Partial<Record<CanonicalField, ColumnRef>>

/** Canonical field → a value used for every row where the field has no column or a blank cell. */
export type Constants = Partial<Record<CanonicalField, string>>

export type MatchSource = 'remembered' | 'override' | 'exact' | 'synonym' | 'fuzzy' | 'values'

export interface AmbiguousHeader {
  header: string
  /** 0-based column index. */
  column: number
  /** Fields it could be; empty when the values say it is none of ours (e.g. a VAT amount). */
  candidates: CanonicalField[]
  reason: string
  reason_nb: string
}

export interface SourceChanges {
  /** A remembered header that is gone, replaced by a new one holding the same field. */
  renamed: { from: string; to: string; field: CanonicalField }[]
  /** Headers that were not in the remembered source. */
  added: string[]
  /** Remembered headers that are gone (and the field they held, if any). */
  missing: { header: string; field?: CanonicalField }[]
}

export interface MappingSuggestion {
  mapping: Mapping
  /** Field → 0-based column index, resolved. */
  columns: Partial<Record<CanonicalField, number>>
  /** 0–1 per mapped field. */
  confidence: Partial<Record<CanonicalField, number>>
  source: Partial<Record<CanonicalField, MatchSource>>
  ambiguous: AmbiguousHeader[]
  /** Headers mapped to nothing. */
  unmapped: string[]
  /** Set when a remembered mapping of a similar (not identical) source was applied. */
  changes: SourceChanges | null
  /** Constants remembered with the mapping. */
  constants: Constants
}

export interface RememberedMapping {
  headers: string[]
  mapping: Mapping
  constants: Constants
  /** True when the stored header set equals the current one. */
  exact: boolean
  updatedAt: string
}
