import type { Db } from '../db/open'
import { type CsvDelimiter, writeCsvFile } from './csv'
import { failedRowsReport } from './failed-rows'
import { batchReport } from './report-rows'
import type { Cell, Table } from './table'
import { writeXlsxFile } from './xlsx'

export type ExportFormat = 'csv' | 'xlsx'

export interface ExportOptions {
  format: ExportFormat
  file: string
  /** The canonical template + error, for failed, unknown and left-out invoices only. */
  failedOnly?: boolean
  /** CSV only; default `;` (what Excel with a Norwegian locale opens directly). */
  delimiter?: CsvDelimiter
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
      headers: table.headers,
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
  const { table, count } = counted(
    options.failedOnly ? failedRowsReport(db, batchId) : batchReport(db, batchId),
  )
  const sheetName = options.failedOnly ? 'Failed' : 'Invoices'
  const { bytes } =
    options.format === 'csv'
      ? await writeCsvFile(options.file, table, { delimiter: options.delimiter ?? ';' })
      : await writeXlsxFile(options.file, table, { sheetName })
  return { file: options.file, rows: count(), bytes, ms: Math.round(performance.now() - started) }
}
