/**
 * The one road from a read table to invoices: the mapping (what the matcher suggests, under the
 * choices of the user or of a mapping file), then a validation session on that mapping, with the
 * reader's findings as issues. The app's import sessions and the CLI's validate and submit both
 * take it, so the same file and mapping give the same issue codes, messages and requests
 * wherever the file was opened. How the rows arrive (streamed, or loaded whole with progress) and
 * where the defaults come from (Settings, or flags) stay with each caller.
 */
import type { CanonicalField, PriceBasis } from '../../shared/canonical'
import type { ReadIssue, SourceRow, TableInfo } from '../import/types'
import { suggestMapping } from '../mapping/match'
import type { Mapping, MappingSuggestion, RememberedMapping } from '../mapping/types'
import type { Constants } from './field-sources'
import type { Issue } from './types'
import { type ValidateOptions, ValidationSession } from './validate'

/** How many first rows the matcher looks at to decide headers by their values. */
export const MAPPING_SAMPLE_ROWS = 500

/** What the user (or a `--mapping` file) decided, on top of the matcher's suggestion. */
export interface MappingChoices {
  /** Field → header, or 1-based column number. */
  overrides?: Mapping
  /** Fields deliberately left without a column. */
  unmapped?: readonly CanonicalField[]
  /**
   * Fixed values for fields; they win over remembered ones. A field left without a column and
   * without a fixed value here loses a remembered fixed value too: "nothing" means nothing.
   */
  constants?: Constants
  /** The VAT basis of price columns whose header states none; default incl. */
  prices?: PriceBasis
}

/** The mapping a table is validated with. */
export interface ChosenMapping {
  suggestion: MappingSuggestion
  columns: MappingSuggestion['columns']
  constants: Constants
}

export function chooseMapping(
  headers: readonly string[],
  sample: readonly SourceRow[],
  remembered: RememberedMapping | null,
  choices: MappingChoices = {},
): ChosenMapping {
  const suggestion = suggestMapping(headers, sample.slice(0, MAPPING_SAMPLE_ROWS), remembered, {
    overrides: choices.overrides,
    unmapped: choices.unmapped,
    prices: choices.prices,
  })
  const given = choices.constants ?? {}
  const constants: Constants = { ...suggestion.constants, ...given }
  for (const f of choices.unmapped ?? []) if (given[f] === undefined) delete constants[f]
  return { suggestion, columns: suggestion.columns, constants }
}

/** Where invoices would go and what fills what the file leaves out: everything but the mapping. */
export type ValidationScope = Omit<
  ValidateOptions,
  'columns' | 'constants' | 'decimalCommaHint' | 'preIssues'
>

/** A validation session on the chosen mapping; the reader's findings, when already known, go in now. */
export function startValidation(
  table: Pick<TableInfo, 'headers' | 'decimalCommaHint'>,
  mapping: ChosenMapping,
  scope: ValidationScope,
  readIssues: readonly ReadIssue[] = [],
): ValidationSession {
  return new ValidationSession(table.headers, {
    ...scope,
    columns: mapping.columns,
    constants: mapping.constants,
    decimalCommaHint: table.decimalCommaHint,
    preIssues: readIssues.map(readIssueToIssue),
  })
}

/** A reader's finding as an issue, under the reader's own code (`ragged_row`, `encoding_fallback` …). */
export function readIssueToIssue(i: ReadIssue): Issue {
  return {
    severity: i.severity,
    code: i.code,
    rows: i.line > 0 ? [i.line] : [],
    column: i.column ?? null,
    field: null,
    value: null,
    message: i.message,
    message_nb: i.message_nb,
  }
}
