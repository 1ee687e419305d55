import { rename, rm, writeFile } from 'node:fs/promises'
import * as zlib from 'node:zlib'
import * as XLSX from 'xlsx'
import { formatOre } from '../../shared/money'
import { type Cell, isLocalDate, isMoney, type LocalDate, type Table } from './table'

let zlibReady = false
/**
 * Native zlib deflates the package ~2.3× smaller than SheetJS's JS deflate, and faster
 * (research/toolchain.md: 100k rows, 11.4 MB vs 26.6 MB). SheetJS probes the deprecated
 * `bytesRead` getter once while switching, which would print a DeprecationWarning (DEP0108) on
 * the CLI's stderr; the probe is harmless, so that one warning is muted.
 */
function switchToNativeZlib(): void {
  if (zlibReady) return
  withoutDeprecationWarnings(() => XLSX.CFB.utils.use_zlib(zlib))
  zlibReady = true
}

/** Re-zipping through SheetJS's CFB probes the same getter; muted the same way. */
function withoutDeprecationWarnings<T>(fn: () => T): T {
  const prev = process.noDeprecation
  process.noDeprecation = true
  try {
    return fn()
  } finally {
    process.noDeprecation = prev
  }
}

export interface XlsxOptions {
  sheetName?: string
}

/** Stored in the file's own (en-US) syntax; a Norwegian Excel or LibreOffice shows it as `# ##0,00`. */
export const MONEY_FORMAT = '#,##0.00'
const DEFAULT_DATE_FORMAT = 'yyyy-mm-dd'

/** Days since 1899-12-30 (the spreadsheet epoch), plus the time of day as a fraction. */
export function dateSerial(d: LocalDate): number {
  const [y, m, day] = d.date.split('-').map(Number)
  const days = Date.UTC(y, m - 1, day) / 86_400_000 + 25_569
  if (!d.time) return days
  const [h, min] = d.time.split(':').map(Number)
  return days + (h * 60 + min) / 1440
}

function xlsxCell(cell: Cell, dateFormat: string): XLSX.CellObject | undefined {
  if (cell === null || cell === '') return undefined
  // Amounts: the exact decimal string parsed once — never øre / 100 computed in floating point.
  if (isMoney(cell))
    return { t: 'n', v: Number(formatOre(cell.ore, { decimal: '.', group: '' })), z: MONEY_FORMAT }
  // Dates as serial numbers with a date format: no time zone can shift the day.
  if (isLocalDate(cell))
    return { t: 'n', v: dateSerial(cell), z: cell.time ? `${dateFormat} hh:mm` : dateFormat }
  if (typeof cell === 'number') return { t: 'n', v: cell }
  return { t: 's', v: cell }
}

/** A dense worksheet built directly (SheetJS's fastest write path for large sheets). */
export function tableToSheet(table: Table): XLSX.WorkSheet {
  const dateFormat = table.layout?.dateFormat ?? DEFAULT_DATE_FORMAT
  const data: XLSX.CellObject[][] = [table.headers.map((h) => ({ t: 's', v: h }))]
  const push = (row: readonly Cell[]) => {
    // Empty cells stay holes in the dense row, so the file has no empty <c> elements.
    const out: XLSX.CellObject[] = []
    for (let c = 0; c < row.length; c++) {
      const cell = xlsxCell(row[c], dateFormat)
      if (cell) out[c] = cell
    }
    data.push(out)
  }
  for (const row of table.rows) push(row)
  const lastDataRow = data.length - 1
  for (const row of table.footer?.() ?? []) push(row)
  let cols = table.headers.length
  for (const row of data) cols = Math.max(cols, row.length)
  const ws: XLSX.WorkSheet = {
    '!data': data,
    '!ref': XLSX.utils.encode_range({
      s: { r: 0, c: 0 },
      e: { r: Math.max(data.length - 1, 0), c: Math.max(cols - 1, 0) },
    }),
  }
  const layout = table.layout
  if (layout?.widths) ws['!cols'] = layout.widths.map((wch) => ({ wch }))
  if (layout?.autofilter) {
    // Over the header and the data only: sorting must never move the totals row into the data.
    ws['!autofilter'] = {
      ref: XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: lastDataRow, c: table.headers.length - 1 } }),
    }
  }
  return ws
}

export function tableToWorkbook(table: Table, options: XlsxOptions = {}): XLSX.WorkBook {
  return sheetsToWorkbook([{ name: options.sheetName ?? 'Invoices', table }])
}

export interface NamedSheet {
  name: string
  table: Table
}

export function sheetsToWorkbook(sheets: readonly NamedSheet[]): XLSX.WorkBook {
  const wb = XLSX.utils.book_new()
  for (const s of sheets) XLSX.utils.book_append_sheet(wb, tableToSheet(s.table), s.name)
  return wb
}

/** SheetJS's community edition writes no panes: the frozen header goes into the sheet's XML. */
const FROZEN_HEADER_VIEW =
  '<sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
  '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView>'

/** The sheet view sits near the start of the sheet's XML; only that much is decoded and patched. */
const VIEW_WINDOW = 4096

function freezeHeaders(buf: Buffer, sheetIndexes: readonly number[]): Buffer {
  if (sheetIndexes.length === 0) return buf
  const zip = XLSX.CFB.read(buf, { type: 'buffer' })
  for (const i of sheetIndexes) {
    const entry = XLSX.CFB.find(zip, `/xl/worksheets/sheet${i + 1}.xml`)
    if (!entry?.content) throw new Error(`The written workbook has no sheet ${i + 1}.`)
    const content = Buffer.from(entry.content as Uint8Array)
    const head = content.subarray(0, VIEW_WINDOW).toString('latin1')
    const m = /<sheetView [^>]*?workbookViewId="0"[^>]*?\/>/.exec(head)
    if (!m) throw new Error(`Sheet ${i + 1} has no view to freeze.`)
    const view = FROZEN_HEADER_VIEW.replace('<sheetView workbookViewId="0">', m[0].replace('/>', '>'))
    entry.content = Buffer.concat([
      content.subarray(0, m.index),
      Buffer.from(view, 'utf8'),
      content.subarray(m.index + m[0].length),
    ])
    entry.size = entry.content.length
  }
  return XLSX.CFB.write(zip, { type: 'buffer', fileType: 'zip', compression: true }) as Buffer
}

export function sheetsToXlsxBuffer(sheets: readonly NamedSheet[]): Buffer {
  switchToNativeZlib()
  const wb = sheetsToWorkbook(sheets)
  const frozen = sheets.flatMap((s, i) => (s.table.layout?.freezeHeader ? [i] : []))
  // With a pane to add, the package is stored uncompressed first and deflated once when re-zipped.
  const compression = frozen.length === 0
  const buf = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression }) as Buffer
  return withoutDeprecationWarnings(() => freezeHeaders(buf, frozen))
}

export function tableToXlsxBuffer(table: Table, options: XlsxOptions = {}): Buffer {
  return sheetsToXlsxBuffer([{ name: options.sheetName ?? 'Invoices', table }])
}

/** Written to a temporary file and renamed, so a failed export leaves no half file behind. */
export async function writeXlsxSheets(
  file: string,
  sheets: readonly NamedSheet[],
): Promise<{ bytes: number }> {
  const buf = sheetsToXlsxBuffer(sheets)
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

export async function writeXlsxFile(
  file: string,
  table: Table,
  options: XlsxOptions = {},
): Promise<{ bytes: number }> {
  return writeXlsxSheets(file, [{ name: options.sheetName ?? 'Invoices', table }])
}
