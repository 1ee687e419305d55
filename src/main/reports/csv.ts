import { open, rename, rm } from 'node:fs/promises'
import Papa from 'papaparse'
import { neutraliseCsvCell } from '../import/neutralise'
import { formatOre } from '../../shared/money'
import { type Cell, formatLocalDate, isLocalDate, isMoney, type Table } from './table'

export type CsvDelimiter = ',' | ';'

export interface CsvOptions {
  /** `;` is what Excel with a Norwegian locale expects; amounts then use a decimal comma. */
  delimiter: CsvDelimiter
}

/** Rows per unparse chunk: keeps memory flat for 100k-row batches and yields to the event loop. */
const CHUNK = 5000
const BOM = '\ufeff'

export function csvCell(cell: Cell, delimiter: CsvDelimiter): string {
  const decimal = delimiter === ';' ? ',' : '.'
  if (cell === null) return ''
  if (isMoney(cell)) return formatOre(cell.ore, { decimal, group: '' })
  if (isLocalDate(cell)) return formatLocalDate(cell)
  if (typeof cell === 'number') return decimal === ',' ? String(cell).replace('.', ',') : String(cell)
  return neutraliseCsvCell(cell)
}

function unparse(rows: string[][], delimiter: CsvDelimiter): string {
  return `${Papa.unparse(rows, { delimiter, newline: '\r\n', header: false, quotes: false })}\r\n`
}

/** The file's text in pieces: BOM + header first, then chunks of CRLF-terminated records. */
export function* csvChunks(table: Table, options: CsvOptions): Generator<string> {
  const { delimiter } = options
  yield BOM + unparse([table.headers.map((h) => csvCell(h, delimiter))], delimiter)
  let chunk: string[][] = []
  for (const row of table.rows) {
    chunk.push(row.map((c) => csvCell(c, delimiter)))
    if (chunk.length === CHUNK) {
      yield unparse(chunk, delimiter)
      chunk = []
    }
  }
  if (chunk.length > 0) yield unparse(chunk, delimiter)
}

/** The whole CSV as one string; for small tables and tests. */
export function tableToCsv(table: Table, options: CsvOptions): string {
  return [...csvChunks(table, options)].join('')
}

/**
 * Writes UTF-8 with BOM (so Excel reads æøå), CRLF. Written to a temporary file first and renamed,
 * so a failed export never leaves a half file under the user's chosen name.
 */
export async function writeCsvFile(
  file: string,
  table: Table,
  options: CsvOptions,
): Promise<{ bytes: number }> {
  const tmp = `${file}.${process.pid}.tmp`
  const fh = await open(tmp, 'w')
  let bytes = 0
  try {
    for (const text of csvChunks(table, options)) {
      const buf = Buffer.from(text, 'utf8')
      bytes += buf.length
      await fh.write(buf)
    }
    await fh.sync()
    await fh.close()
    await rename(tmp, file)
  } catch (e) {
    await fh.close().catch(() => undefined)
    await rm(tmp, { force: true })
    throw e
  }
  return { bytes }
}
