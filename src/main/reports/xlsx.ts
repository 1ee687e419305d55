import { rename, rm, writeFile } from 'node:fs/promises'
import * as zlib from 'node:zlib'
import * as XLSX from 'xlsx'
import { type Cell, formatOre, isMoney, type Table } from './table'

let zlibReady = false
/**
 * Native zlib deflates the package ~2.3× smaller than SheetJS's JS deflate, and faster
 * (research/toolchain.md: 100k rows, 11.4 MB vs 26.6 MB). SheetJS probes the deprecated
 * `bytesRead` getter once while switching, which would print a DeprecationWarning (DEP0108) on
 * the CLI's stderr; the probe is harmless, so that one warning is muted.
 */
function switchToNativeZlib(): void {
  if (zlibReady) return
  const prev = process.noDeprecation
  process.noDeprecation = true
  try {
    XLSX.CFB.utils.use_zlib(zlib)
  } finally {
    process.noDeprecation = prev
  }
  zlibReady = true
}

export interface XlsxOptions {
  sheetName?: string
}

const MONEY_FORMAT = '#,##0.00'

function xlsxCell(cell: Cell): XLSX.CellObject | undefined {
  if (cell === null || cell === '') return undefined
  // Amounts: the exact decimal string parsed once — never øre / 100 computed in floating point.
  if (isMoney(cell)) return { t: 'n', v: Number(formatOre(cell.ore)), z: MONEY_FORMAT }
  if (typeof cell === 'number') return { t: 'n', v: cell }
  return { t: 's', v: cell }
}

/** A dense worksheet built directly (SheetJS's fastest write path for large sheets). */
export function tableToWorkbook(table: Table, options: XlsxOptions = {}): XLSX.WorkBook {
  const data: XLSX.CellObject[][] = [table.headers.map((h) => ({ t: 's', v: h }))]
  for (const row of table.rows) {
    // Empty cells stay holes in the dense row, so the file has no empty <c> elements.
    const out: XLSX.CellObject[] = []
    for (let c = 0; c < row.length; c++) {
      const cell = xlsxCell(row[c])
      if (cell) out[c] = cell
    }
    data.push(out)
  }
  const cols = table.headers.length
  const ws: XLSX.WorkSheet = {
    '!data': data,
    '!ref': XLSX.utils.encode_range({
      s: { r: 0, c: 0 },
      e: { r: Math.max(data.length - 1, 0), c: Math.max(cols - 1, 0) },
    }),
  }
  const wb = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(wb, ws, options.sheetName ?? 'Invoices')
  return wb
}

export function tableToXlsxBuffer(table: Table, options: XlsxOptions = {}): Buffer {
  switchToNativeZlib()
  const wb = tableToWorkbook(table, options)
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer
}

/** Written to a temporary file and renamed, so a failed export leaves no half file behind. */
export async function writeXlsxFile(
  file: string,
  table: Table,
  options: XlsxOptions = {},
): Promise<{ bytes: number }> {
  const buf = tableToXlsxBuffer(table, options)
  const tmp = `${file}.${process.pid}.tmp`
  try {
    await writeFile(tmp, buf, { flush: true })
    await rename(tmp, file)
  } catch (e) {
    await rm(tmp, { force: true })
    throw e
  }
  return { bytes: buf.length }
}
