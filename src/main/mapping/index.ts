/**
 * Mapping a table's headers to the canonical invoice fields.
 *
 *   suggestMapping(headers, sampleRows, remembered?, { overrides?, unmapped? }) → MappingSuggestion
 *     { mapping (field → header or 1-based column), columns (field → 0-based index), confidence,
 *       source, ambiguous (headers only values or the user can settle), unmapped, changes, constants }
 *   loadRememberedMapping(db, headers) → RememberedMapping | null   (exact source, or the most similar)
 *   rememberMapping(db, headers, mapping, constants)                (the UI calls it; `validate` never does)
 *   parseMappingFile(text, file) / checkMappingAgainst(headers, m, file)   (`--mapping FILE`, docs/mapping.md)
 *   resolveRef(headers, ref) / refFor(headers, column)
 */
export { diffSources } from './changes'
export { checkMappingAgainst, type MappingFile, parseMappingFile } from './mapping-file'
export { editDistance, matchHeader } from './header-match'
export { refFor, resolveRef, type SuggestOptions, suggestMapping } from './match'
export { headerKey, loadRememberedMapping, rememberMapping } from './remembered'
export { normalizeHeader } from './synonyms'
export type * from './types'
