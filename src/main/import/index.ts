/**
 * Reading a user's invoice file: bytes → a table of typed cells with row numbers.
 *
 *   inspectFile(file, options?) → Promise<InspectResult>
 *     For the Read screen: { info, preview (first `previewRows` data rows, default 100), issues }.
 *     Options can force encoding / delimiter / sheet / headerRow and the preview follows them.
 *   readTable(file, options, onRows, hooks?) → Promise<ReadResult>
 *     Streams every data row, in order, in chunks of `chunkRows` (default 2,000) to `onRows`
 *     (awaited: a slow consumer slows the reader; memory stays bounded for CSV).
 *     Resolves { info, rowCount, issues }.
 *   readTableInWorker(file, options, { onRows, onProgress, signal }) → Promise<ReadResult>
 *   inspectFileInWorker(file, options?, { onProgress, signal }) → Promise<InspectResult>
 *     The same, in a worker thread (keeps the Electron main process responsive; a 200k-row
 *     workbook takes seconds to parse). One worker per call; built: out/main/import-worker.js.
 *
 * Contract for consumers (mapping/validation):
 * - SourceRow.line is what the user's program shows: the sheet row, or the CSV line where the
 *   record starts (1-based, a `sep=` line counts, line breaks inside quotes advance it).
 * - Header row: detected (a title block above it is skipped) or `options.headerRow`. Headers are
 *   trimmed text; trailing blank header cells are dropped. Blank rows are skipped.
 * - Workbook rows are padded/cut to the header's width. CSV rows keep their own cell count; a row
 *   whose count differs from the header's has a 'ragged_row' issue (severity error) — the reader
 *   reports it, the validator need not report it again.
 * - CSV cells are untrimmed strings; a `'` our own reports put before = + - @ tab CR is removed,
 *   and Excel's text trick `="0151"` becomes `0151`. A CR ending a record's last cell is cut.
 * - Workbook cells: string | {n, pct?, text?} | {date:'YYYY-MM-DD'} | {b} | null; formula cells
 *   give their cached value; error cells give their text ('#N/A').
 * - issues: row-level findings ({code, severity, line, column?, message, message_nb}); severity
 *   'error' makes the file invalid (validate exit 1). 'duplicate_header' is an error unless a
 *   mapping says which column to use.
 * - The content decides the format, not the name: .csv/.tsv/.txt/.xlsx/.xlsm/.xls/.ods are accepted;
 *   a workbook named .csv is read as the workbook it is (warning 'extension_mismatch'); text named
 *   .xlsx/.xls/.ods is refused ('content_mismatch'), as is a zip or Office file that is no workbook.
 * - inspectFile's issues cover only the rows it read; a workbook preview parses only the top rows
 *   (xlsx/xls; SheetJS parses an .ods whole).
 * - Limits (ReadOptions.limits, defaults in DEFAULT_LIMITS): 200 MB text, 100 MB workbook, 600 MB
 *   unpacked zip (checked in the zip directory before SheetJS inflates, and capped while inflating),
 *   1,000,000 rows, 1,000 columns, 30,000,000 cells, 32,767 characters per cell, 1,000,000 per CSV record.
 * - File-level failures throw AppError (exitCode 2; 'cancelled' → 3) with a stable code (see
 *   errors.ts ReadErrorCode) and one sentence naming the file (and line/column where it applies).
 */
import { AppError } from '../../shared/errors'
import { readCsv } from './csv'
import { readError, resolveLimits, shown } from './errors'
import { IssueSink } from './issues'
import { openSource } from './open'
import { TableSink } from './table'
import type { InspectResult, OnRows, ReadHooks, ReadOptions, ReadResult, SourceRow, TableInfo } from './types'

export type {
  InspectResult,
  OnRows,
  RawCell,
  ReadHooks,
  ReadIssue,
  ReadLimits,
  ReadOptions,
  ReadProgress,
  ReadResult,
  SourceFormat,
  SourceRow,
  TableInfo,
  TextEncodingName,
} from './types'
export { DEFAULT_LIMITS, type ReadErrorCode } from './errors'
export { inspectFileInWorker, readTableInWorker, type WorkerHooks, workerSpec } from './worker-host'

const DEFAULT_CHUNK_ROWS = 2_000
const DEFAULT_PREVIEW_ROWS = 100

const ENCODINGS: readonly string[] = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252']

/** Options come from the UI and the CLI: refuse nonsense with a sentence instead of misreading. */
function checkOptions(file: string, o: ReadOptions): void {
  const bad = (what: string, nb: string) => {
    throw readError(
      'bad_option',
      file,
      `Cannot read ${shown(file)}: ${what}.`,
      `Kan ikke lese ${shown(file)}: ${nb}.`,
    )
  }
  if (o.encoding !== undefined && !ENCODINGS.includes(o.encoding)) {
    bad(`unknown encoding "${o.encoding}"`, `ukjent tegnsett «${o.encoding}»`)
  }
  if (o.delimiter !== undefined && (o.delimiter.length !== 1 || /["\r\n]/.test(o.delimiter))) {
    bad(
      `the delimiter must be one character such as ; , | or tab`,
      `skilletegnet må være ett tegn, som ; , | eller tabulator`,
    )
  }
  if (o.headerRow !== undefined && (!Number.isInteger(o.headerRow) || o.headerRow < 1)) {
    bad('the header row must be a row number from 1', 'overskriftsraden må være et radnummer fra 1')
  }
}

async function run(
  file: string,
  options: ReadOptions,
  onRows: OnRows,
  hooks: ReadHooks,
  stopAfter?: number,
): Promise<ReadResult> {
  checkOptions(file, options)
  const limits = resolveLimits(options.limits)
  const issues = new IssueSink(limits.maxIssues)
  const opened = await openSource(file, limits, issues)
  // The CSV reader knows its decimal-comma hint before it hands the sink any record.
  const early: { decimalCommaHint?: boolean } = {}
  const sink = new TableSink({
    file,
    csv: opened.container === 'text',
    limits,
    issues,
    headerRow: options.headerRow,
    chunkRows: options.chunkRows ?? DEFAULT_CHUNK_ROWS,
    onRows,
    stopAfter,
    onHeader: hooks.onHeader
      ? (headers) => hooks.onHeader?.({ headers, decimalCommaHint: early.decimalCommaHint })
      : undefined,
  })
  let base: Omit<TableInfo, 'headerRow' | 'headers'>
  if (opened.container === 'text') {
    const { size, head } = opened
    base = await readCsv({
      file,
      size,
      head,
      options,
      issues,
      sink,
      hooks,
      maxRecordChars: limits.maxRecordChars,
      early,
    })
  } else {
    // SheetJS is large; CSV reads (the CLI's common case) never load it.
    const { readWorkbook } = await import('./workbook')
    base = await readWorkbook({
      file,
      size: opened.size,
      options,
      limits,
      issues,
      sink,
      hooks,
      preview: stopAfter,
    })
  }
  const info: TableInfo = { ...base, headerRow: sink.headerRow, headers: sink.headers }
  return { info, rowCount: sink.rowCount, issues: issues.result() }
}

export async function readTable(
  file: string,
  options: ReadOptions,
  onRows: OnRows,
  hooks: ReadHooks = {},
): Promise<ReadResult> {
  return run(file, options, onRows, hooks).catch((e: unknown) => {
    throw fileSystemError(file, e)
  })
}

/** An I/O failure on the file itself (permissions, a disk or network share going away) is a sentence too. */
function fileSystemError(file: string, e: unknown): unknown {
  const err = e as NodeJS.ErrnoException
  if (err instanceof Error && !(err instanceof AppError) && err.syscall && err.path === file) {
    return readError(
      'file_unreadable',
      file,
      `${shown(file)} could not be read (${err.code ?? 'I/O error'}).`,
      `${shown(file)} kunne ikke leses (${err.code ?? 'I/O-feil'}).`,
      { detail: err.message },
    )
  }
  return e
}

export async function inspectFile(
  file: string,
  options: ReadOptions = {},
  hooks: ReadHooks = {},
): Promise<InspectResult> {
  const preview: SourceRow[] = []
  const limit = options.previewRows ?? DEFAULT_PREVIEW_ROWS
  const res = await run(
    file,
    options,
    (rows) => {
      preview.push(...rows)
    },
    hooks,
    Math.max(1, limit),
  ).catch((e: unknown) => {
    throw fileSystemError(file, e)
  })
  return { info: res.info, preview: preview.slice(0, limit), issues: res.issues }
}
