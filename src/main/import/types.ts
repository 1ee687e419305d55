/**
 * What the readers (CSV and workbooks) hand to mapping and validation. Values keep their
 * type from the source so numbers, percents and dates are never re-read from display text.
 */
import type { RawCell } from '../values/cells'

export type { RawCell }

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

/** Text encodings the CSV reader detects and reports in TableInfo.encoding. */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252'

/**
 * A row-level finding of the reader (the file itself is usable). File-level failures are thrown as
 * AppError instead (exit code 2). `severity: 'error'` issues make the file invalid (exit code 1).
 */
export interface ReadIssue {
  /** Stable: 'ragged_row' | 'duplicate_header' | 'blank_header' | 'extra_cells' | 'formula_error' |
   *  'formula_without_value' | 'invalid_quotes' | 'invalid_characters' | 'extension_mismatch' |
   *  'encoding_fallback' | 'encoding_errors' | 'issues_truncated' */
  code: string
  severity: 'error' | 'warning'
  /** Row number as the user's program shows it (0 when it concerns the whole file). */
  line: number
  /** The column header, where one applies. */
  column?: string
  message: string
  message_nb: string
}

/** Limits that turn hostile or accidental huge input into a clear refusal instead of a hang. */
export interface ReadLimits {
  /** Bytes of a CSV/TSV/TXT file. Default 200 MB. */
  maxTextBytes: number
  /** Bytes of a workbook file. Default 100 MB. */
  maxWorkbookBytes: number
  /** Sum of the uncompressed sizes a zip workbook declares (zip bombs). Default 600 MB. */
  maxUncompressedBytes: number
  /** Data rows (header not counted). Default 1,000,000. */
  maxRows: number
  /** Columns of the table. Default 1,000. */
  maxColumns: number
  /** Data cells in total. Default 30,000,000. */
  maxCells: number
  /** Characters of one cell (Excel's own limit). Default 32,767. */
  maxFieldChars: number
  /** Characters of one CSV record, found before the parser sees its end (unclosed quote). Default 1,000,000. */
  maxRecordChars: number
  /** Issues kept in the result; the rest are counted in one 'issues_truncated' issue. Default 1,000. */
  maxIssues: number
}

export interface ReadOptions {
  /** CSV: force an encoding instead of detecting it. */
  encoding?: TextEncodingName
  /** CSV: force the delimiter (',' ';' '\t' '|'). */
  delimiter?: string
  /** Workbooks: the sheet to read, by name. Default: the first sheet that looks like a table. */
  sheet?: string
  /** Force the 1-based header row (sheet row / CSV line). Default: detected. */
  headerRow?: number
  /** inspectFile only: how many data rows to return. Default 100. */
  previewRows?: number
  /** Rows per onRows call. Default 2,000. */
  chunkRows?: number
  limits?: Partial<ReadLimits>
}

export interface ReadProgress {
  phase: 'reading' | 'parsing' | 'rows'
  bytesRead: number
  totalBytes: number
  rows: number
}

export interface ReadHooks {
  onProgress?: (p: ReadProgress) => void
  signal?: AbortSignal
  /**
   * Called once, as soon as the header row is decided and before the first rows, so a consumer
   * can prepare (e.g. the mapping) without a separate look at the file.
   */
  onHeader?: (table: Pick<TableInfo, 'headers' | 'decimalCommaHint'>) => void
}

export interface ReadResult {
  info: TableInfo
  /** Data rows delivered (blank rows are skipped and not counted). */
  rowCount: number
  issues: ReadIssue[]
}

export interface InspectResult {
  info: TableInfo
  preview: SourceRow[]
  issues: ReadIssue[]
}

export type OnRows = (rows: SourceRow[]) => void | Promise<void>
