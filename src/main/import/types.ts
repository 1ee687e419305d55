/**
 * What the readers (CSV and workbooks) hand to mapping and validation. Values keep their
 * type from the source so numbers, percents and dates are never re-read from display text.
 */
export type RawCell =
  /** Text as written (every CSV cell; text cells of a workbook). Not trimmed yet. */
  | string
  /** A numeric workbook cell. `pct` when its number format is a percent (0.25 shown as 25 %). */
  | { n: number; pct?: boolean; text?: string }
  /** A date workbook cell, as a calendar date `YYYY-MM-DD`. */
  | { date: string }
  | { b: boolean }
  | null

export interface SourceRow {
  /** The row number the user's spreadsheet program shows: sheet row, or the CSV line where the record starts. */
  line: number
  cells: RawCell[]
}

export type SourceFormat = 'csv' | 'xlsx' | 'xlsm' | 'xls' | 'ods'

export interface TableInfo {
  file: string
  format: SourceFormat
  /** CSV only: 'utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252'. */
  encoding?: string
  /** CSV only. */
  delimiter?: string
  /** Workbooks: every sheet's name, and the one read. */
  sheets?: string[]
  sheet?: string
  /** 1-based row/line number of the header row. */
  headerRow: number
  headers: string[]
  /** True when the source suggests a decimal comma (a `;` CSV, or a workbook: not applicable). */
  decimalCommaHint?: boolean
  /** SHA-256 of the file's bytes. */
  sha256: string
}
