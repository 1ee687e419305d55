import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import zlib from 'node:zlib'
import * as XLSX from 'xlsx'
import { sniffContainer, zipKind } from './detect'
import { cancelled, megabytes, readError, shown } from './errors'
import { detectHeaderIndex, HEADER_SCAN_ROWS, isBlankRow } from './header-row'
import type { IssueSink } from './issues'
import type { TableSink } from './table'
import type { RawCell, ReadHooks, ReadLimits, ReadOptions, SourceFormat, TableInfo } from './types'
import { CellConverter } from './workbook-cells'

export interface WorkbookContext {
  file: string
  size: number
  options: ReadOptions
  limits: ReadLimits
  issues: IssueSink
  sink: TableSink
  hooks: ReadHooks
  /** Set for inspectFile: only this many data rows are needed. */
  preview?: number
}

const boundedZlib = new Map<number, object>()
/**
 * Native inflate (fast) with a hard cap per zip entry: a zip bomb that lies about its sizes in
 * the directory still stops at the cap instead of filling memory. Installed before every read,
 * because SheetJS keeps one global zlib and the report writer installs plain zlib.
 */
function installBoundedZlib(limit: number): void {
  let z = boundedZlib.get(limit)
  if (!z) {
    class BoundedInflateRaw extends zlib.InflateRaw {
      constructor() {
        super({ maxOutputLength: Math.max(1, Math.min(limit, 2 ** 31 - 1)) })
      }
      // SheetJS reads `bytesRead` (input consumed), which Node deprecates with a warning on stderr;
      // `bytesWritten` is the same number under its new name.
      override get bytesRead(): number {
        return this.bytesWritten
      }
    }
    z = { InflateRaw: BoundedInflateRaw, deflateRawSync: zlib.deflateRawSync }
    boundedZlib.set(limit, z)
  }
  XLSX.CFB.utils.use_zlib(z)
}

function zipBomb(file: string, bytes: number, limit: number): Error {
  return readError(
    'zip_bomb',
    file,
    `${shown(file)} would unpack to ${bytes > 0 ? `${megabytes(bytes)} MB` : 'too much data'}, more than the ${megabytes(limit)} MB allowed; it is not read.`,
    `${shown(file)} ville pakkes ut til ${bytes > 0 ? `${megabytes(bytes)} MB` : 'for mye data'}, mer enn tillatte ${megabytes(limit)} MB; den leses ikke.`,
  )
}

function parseFailure(file: string, e: unknown, limit: number): Error {
  const msg = e instanceof Error ? e.message : String(e)
  if ((e as NodeJS.ErrnoException)?.code === 'ERR_BUFFER_TOO_LARGE') return zipBomb(file, 0, limit)
  if (/password|encrypt/i.test(msg)) {
    return readError(
      'encrypted_workbook',
      file,
      `${shown(file)} is password-protected; save a copy without a password and read that.`,
      `${shown(file)} er passordbeskyttet; lagre en kopi uten passord og les den.`,
      { detail: msg },
    )
  }
  return readError(
    'damaged_workbook',
    file,
    `${shown(file)} is damaged or incomplete and cannot be read as a workbook; save or download it again.`,
    `${shown(file)} er skadet eller ufullstendig og kan ikke leses som arbeidsbok; lagre eller last den ned på nytt.`,
    { detail: msg },
  )
}

/** Decides the format by content and refuses encrypted files and zip bombs before SheetJS inflates. */
function precheck(file: string, buf: Buffer, limits: ReadLimits): SourceFormat {
  const container = sniffContainer(buf)
  if (container === 'zip') {
    const kind = zipKind(file, buf)
    if (kind.declaredBytes > limits.maxUncompressedBytes)
      throw zipBomb(file, kind.declaredBytes, limits.maxUncompressedBytes)
    return kind.format
  }
  let names: string[] = []
  try {
    const cfb = XLSX.CFB.read(buf, { type: 'buffer' }) as { FullPaths: string[] }
    names = cfb.FullPaths.map((p) => p.split('/').filter(Boolean).pop() ?? '')
  } catch (e) {
    throw parseFailure(file, e, limits.maxUncompressedBytes)
  }
  if (names.includes('EncryptedPackage')) throw parseFailure(file, new Error('encrypted'), 0)
  if (!names.includes('Workbook') && !names.includes('Book')) {
    throw readError(
      'content_mismatch',
      file,
      `${shown(file)} is an Office file but not an Excel workbook (perhaps a Word document).`,
      `${shown(file)} er en Office-fil, men ikke en Excel-arbeidsbok (kanskje et Word-dokument).`,
    )
  }
  return 'xls'
}

type Dense = XLSX.CellObject[][]

/** The first non-blank rows of a sheet, converted, for header detection and sheet choice. */
function topRows(data: Dense, firstCol: number, conv: CellConverter): RawCell[][] {
  const out: RawCell[][] = []
  for (let r = 0; r < data.length && out.length < HEADER_SCAN_ROWS; r++) {
    const row = data[r]
    if (!row) continue
    const cells = conv.row(row, firstCol)
    if (!isBlankRow(cells)) out.push(cells)
  }
  return out
}

function sheetData(ws: XLSX.WorkSheet | undefined): { data: Dense; firstCol: number } {
  const data = (ws?.['!data'] ?? []) as Dense
  const ref = ws?.['!ref']
  const firstCol = ref ? XLSX.utils.decode_range(ref).s.c : 0
  return { data, firstCol }
}

/** "Looks like a table": a header row with at least two names and at least one row below it. */
function looksLikeTable(rows: RawCell[][]): boolean {
  if (rows.length < 2) return false
  const i = detectHeaderIndex(rows)
  return i < rows.length - 1 && rows[i].filter((c) => c !== null && c !== '').length >= 2
}

export async function readWorkbook(ctx: WorkbookContext): Promise<Omit<TableInfo, 'headerRow' | 'headers'>> {
  const { file, limits, sink, hooks } = ctx
  const buf = await readFile(file)
  const sha256 = createHash('sha256').update(buf).digest('hex')
  const format = precheck(file, buf, limits)
  if (hooks.signal?.aborted) throw cancelled(file)
  hooks.onProgress?.({ phase: 'parsing', bytesRead: ctx.size, totalBytes: ctx.size, rows: 0 })
  installBoundedZlib(limits.maxUncompressedBytes)
  let wb: XLSX.WorkBook
  // SheetJS prints what it tolerates in damaged files ("Bad uncompressed size", "Missing Info for
  // XLS Record") with console.error; that would land on the CLI's stderr. The read is synchronous,
  // so muting console.error just around it affects nothing else.
  const consoleError = console.error
  console.error = () => {}
  try {
    wb = XLSX.read(buf, {
      type: 'buffer',
      dense: true,
      cellDates: false,
      cellNF: true,
      cellText: false,
      cellFormula: false,
      cellHTML: false,
      // The preview needs only the top of each sheet: a 200k-row workbook opens in a moment.
      sheetRows: ctx.preview !== undefined ? ctx.preview + 200 : 0,
    })
  } catch (e) {
    throw parseFailure(file, e, limits.maxUncompressedBytes)
  } finally {
    console.error = consoleError
  }
  const names = wb.SheetNames
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904)
  const conv = new CellConverter(date1904, limits.maxFieldChars, file)
  let sheet = ctx.options.sheet
  if (sheet !== undefined && !names.includes(sheet)) {
    throw readError(
      'sheet_not_found',
      file,
      `${shown(file)} has no sheet named "${sheet}"; its sheets are: ${names.join(', ')}.`,
      `${shown(file)} har ikke noe ark som heter «${sheet}»; arkene er: ${names.join(', ')}.`,
      { column: sheet },
    )
  }
  if (sheet === undefined) {
    const hidden = (i: number) => Boolean(wb.Workbook?.Sheets?.[i]?.Hidden)
    const candidates = names.filter((_, i) => !hidden(i))
    sheet = candidates.find((n) => {
      const { data, firstCol } = sheetData(wb.Sheets[n])
      return looksLikeTable(topRows(data, firstCol, conv))
    })
    if (sheet === undefined) {
      throw readError(
        'no_table',
        file,
        `${shown(file)} has no sheet with a table (a header row with data rows below it).`,
        `${shown(file)} har ikke noe ark med en tabell (en overskriftsrad med datarader under).`,
      )
    }
  }
  const { data, firstCol } = sheetData(wb.Sheets[sheet])
  for (let r = 0; r < data.length; r++) {
    const row = data[r]
    if (!row) continue
    sink.add(r + 1, conv.row(row, firstCol, r + 1, ctx.issues))
    if (sink.full) break
    if ((r & 1023) === 1023) {
      // Let timers and signals (Ctrl-C in the CLI, a Stop in the app) through between batches.
      if ((r & 8191) === 8191) await new Promise((resolve) => setImmediate(resolve))
      if (hooks.signal?.aborted) throw cancelled(file)
      await sink.drain()
      hooks.onProgress?.({ phase: 'rows', bytesRead: ctx.size, totalBytes: ctx.size, rows: sink.rowCount })
    }
  }
  await sink.end()
  hooks.onProgress?.({ phase: 'rows', bytesRead: ctx.size, totalBytes: ctx.size, rows: sink.rowCount })
  return { file, format, sheets: names, sheet, sha256 }
}
