import { AppError } from '../../shared/errors'
import type { Db } from '../db/open'
import { getBatch } from '../journal/reads'
import { type CsvDelimiter, writeCsvFile } from './csv'
import { failedRowsReport } from './failed-rows'
import { invoiceSheet } from './invoice-sheet'
import { type ReportLang, SUMMARY_WORDS } from './labels'
import { batchReport } from './report-rows'
import { batchFigures, summarySheet } from './summary-sheet'
import type { Cell, Table } from './table'
import { type NamedSheet, writeXlsxFile, writeXlsxSheets } from './xlsx'

export type ExportFormat = 'csv' | 'xlsx'

/**
 * `accountant`: headers, statuses and customer types in words, net/VAT/gross, paid and outstanding,
 * dates as dates, and (XLSX) a summary sheet. `machine`: the journal's snake_case columns and raw
 * values, stable for scripts.
 */
export type ReportColumns = 'accountant' | 'machine'

export interface ExportOptions {
  format: ExportFormat
  file: string
  /** The canonical template + error, for failed, unknown and left-out invoices only. */
  failedOnly?: boolean
  /** CSV only; default `;` (what Excel with a Norwegian locale opens directly). */
  delimiter?: CsvDelimiter
  /** Default `accountant`. */
  columns?: ReportColumns
  /** The accountant report's language; default `nb`. */
  lang?: ReportLang
}

export interface ExportResult {
  file: string
  /** Data rows written (invoices, or invoice lines for a failed-rows export). */
  rows: number
  bytes: number
  ms: number
}

function counted(table: Table): { table: Table; count: () => number } {
  let n = 0
  const rows = table.rows
  return {
    table: {
      ...table,
      rows: (function* (): Generator<readonly Cell[]> {
        for (const r of rows) {
          n++
          yield r
        }
      })(),
    },
    count: () => n,
  }
}

/** Writes a batch report (or its failed rows) to `file`; the batch must exist. */
export async function exportBatch(db: Db, batchId: string, options: ExportOptions): Promise<ExportResult> {
  const started = performance.now()
  const done = ({ bytes }: { bytes: number }, rows: number): ExportResult => ({
    file: options.file,
    rows,
    bytes,
    ms: Math.round(performance.now() - started),
  })
  const delimiter = options.delimiter ?? ';'
  if (options.failedOnly || options.columns === 'machine') {
    // The failed rows stay in the import template's columns, so they can be fixed and imported.
    const { table, count } = counted(
      options.failedOnly ? failedRowsReport(db, batchId) : batchReport(db, batchId),
    )
    const sheetName = options.failedOnly ? 'Failed' : 'Invoices'
    const written =
      options.format === 'csv'
        ? await writeCsvFile(options.file, table, { delimiter })
        : await writeXlsxFile(options.file, table, { sheetName })
    return done(written, count())
  }
  const lang = options.lang ?? 'nb'
  const batch = getBatch(db, batchId)
  if (!batch) throw new AppError('no_batch', `Batch "${batchId}" does not exist.`)
  const { table, count } = counted(invoiceSheet(db, batchId, lang))
  if (options.format === 'csv') return done(await writeCsvFile(options.file, table, { delimiter }), count())
  const sheets: NamedSheet[] = [
    { name: SUMMARY_WORDS.invoiceSheet[lang], table },
    { name: SUMMARY_WORDS.sheet[lang], table: summarySheet(batch, batchFigures(db, batchId), lang) },
  ]
  return done(await writeXlsxSheets(options.file, sheets), count())
}
