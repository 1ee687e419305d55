import { num, readError, shown } from './errors'
import { NEUTRALISED } from './neutralise'
import { detectHeaderIndex, HEADER_SCAN_ROWS, headerText, isBlankCell, isBlankRow } from './header-row'
import type { IssueSink } from './issues'
import type { OnRows, RawCell, ReadLimits, SourceRow } from './types'

export interface TableSinkOptions {
  file: string
  csv: boolean
  limits: ReadLimits
  issues: IssueSink
  /** Forced 1-based header row. */
  headerRow?: number
  chunkRows: number
  onRows: OnRows
  /** Stop accepting rows after this many data rows (inspect's preview). */
  stopAfter?: number
  /** Called once the header row is decided (ReadHooks.onHeader). */
  onHeader?: (headers: string[]) => void
}

/** `="0151"`: how many systems export text that must keep its leading zeros; Excel shows 0151. */
const EXCEL_TEXT = /^="(?:[^"]|"")*"$/

/**
 * Turns the reader's records (line + cells) into the table: finds the header row, checks headers,
 * limits and ragged rows, skips blank rows and hands data rows on in chunks, in order. Shared by
 * the CSV and workbook readers so both behave the same.
 */
export class TableSink {
  headers: string[] = []
  headerRow = 0
  rowCount = 0
  /** True once `stopAfter` rows were taken: the reader may stop reading. */
  full = false
  private scan: SourceRow[] | null = []
  private pending: SourceRow[] = []
  private cells = 0

  constructor(private readonly o: TableSinkOptions) {}

  get headerKnown(): boolean {
    return this.scan === null
  }

  /** Adds one record. Synchronous; call `drain()` now and then to deliver full chunks. */
  add(line: number, cells: RawCell[]): void {
    if (this.full) return
    if (this.scan !== null) {
      if (isBlankRow(cells)) return
      if (this.o.headerRow !== undefined) {
        if (line < this.o.headerRow) return
        this.scan.push({ line, cells })
        this.decideHeader()
        return
      }
      this.scan.push({ line, cells })
      if (this.scan.length >= HEADER_SCAN_ROWS) this.decideHeader()
      return
    }
    this.addData(line, cells)
  }

  /** Delivers every full chunk (awaiting the consumer, so a slow consumer slows the reader). */
  async drain(): Promise<void> {
    while (this.pending.length >= this.o.chunkRows) {
      const chunk = this.pending.splice(0, this.o.chunkRows)
      await this.o.onRows(chunk)
    }
  }

  /** End of input: decides the header if not yet done, delivers the rest, refuses an empty table. */
  async end(): Promise<void> {
    if (this.scan !== null) this.decideHeader()
    if (this.pending.length > 0) {
      const chunk = this.pending
      this.pending = []
      await this.o.onRows(chunk)
    }
    if (this.headers.length === 0) {
      throw readError(
        'empty_file',
        this.o.file,
        `${shown(this.o.file)} is empty: it has no header row and no data.`,
        `${shown(this.o.file)} er tom: den har ingen overskriftsrad og ingen data.`,
      )
    }
    if (this.rowCount === 0) {
      throw readError(
        'no_data_rows',
        this.o.file,
        `${shown(this.o.file)} has a header row (row ${this.headerRow}) but no data rows below it.`,
        `${shown(this.o.file)} har en overskriftsrad (rad ${this.headerRow}), men ingen datarader under den.`,
        { line: this.headerRow },
      )
    }
  }

  private decideHeader(): void {
    const scan = this.scan ?? []
    this.scan = null
    const forced = this.o.headerRow
    if (scan.length === 0 && forced === undefined) return
    let idx = 0
    if (forced !== undefined) {
      idx = scan.findIndex((r) => r.line === forced)
      if (idx < 0) {
        throw readError(
          'bad_option',
          this.o.file,
          `Row ${forced} of ${shown(this.o.file)} is blank or missing and cannot be the header row.`,
          `Rad ${forced} i ${shown(this.o.file)} er tom eller finnes ikke og kan ikke være overskriftsraden.`,
          { line: forced },
        )
      }
    } else idx = detectHeaderIndex(scan.map((r) => r.cells))
    const header = scan[idx]
    if (this.o.csv) this.checkFields(header.line, header.cells)
    this.headerRow = header.line
    this.headers = header.cells.map(headerText)
    // Trailing blank header cells (a `;` at the end of every line) are not columns.
    while (this.headers.length > 0 && this.headers[this.headers.length - 1] === '') this.headers.pop()
    if (this.headers.length > this.o.limits.maxColumns) {
      const n = num(this.o.limits.maxColumns)
      throw readError(
        'too_many_columns',
        this.o.file,
        `${shown(this.o.file)} has ${this.headers.length} columns in its header row (row ${header.line}); at most ${n.en} are allowed.`,
        `${shown(this.o.file)} har ${this.headers.length} kolonner i overskriftsraden (rad ${header.line}); høyst ${n.nb} er tillatt.`,
        { line: header.line },
      )
    }
    this.reportHeaderProblems()
    this.o.onHeader?.(this.headers)
    for (let i = idx + 1; i < scan.length; i++) this.addData(scan[i].line, scan[i].cells)
  }

  private reportHeaderProblems(): void {
    const seen = new Map<string, number>()
    this.headers.forEach((h, i) => {
      if (h === '') {
        this.o.issues.add({
          code: 'blank_header',
          severity: 'warning',
          line: this.headerRow,
          column: `#${i + 1}`,
          message: `Column ${i + 1} of the header row (row ${this.headerRow}) has no name.`,
          message_nb: `Kolonne ${i + 1} i overskriftsraden (rad ${this.headerRow}) har ikke noe navn.`,
        })
        return
      }
      const key = h.toLocaleLowerCase('nb')
      const first = seen.get(key)
      if (first === undefined) seen.set(key, i)
      else {
        this.o.issues.add({
          code: 'duplicate_header',
          severity: 'error',
          line: this.headerRow,
          column: h,
          message: `The header "${h}" appears twice in row ${this.headerRow} (columns ${first + 1} and ${i + 1}).`,
          message_nb: `Overskriften «${h}» står to ganger i rad ${this.headerRow} (kolonne ${first + 1} og ${i + 1}).`,
        })
      }
    })
  }

  private addData(line: number, cells: RawCell[]): void {
    if (isBlankRow(cells)) return
    const width = this.headers.length
    if (this.o.csv) {
      this.checkFields(line, cells)
      for (let i = 0; i < cells.length; i++) {
        const c = cells[i]
        if (typeof c !== 'string' || c.length < 2) continue
        const first = c.charCodeAt(0)
        if (first === 39 && NEUTRALISED.test(c)) cells[i] = c.slice(1)
        else if (first === 61 && EXCEL_TEXT.test(c)) cells[i] = c.slice(2, -1).replace(/""/g, '"')
      }
      if (cells.length !== width) this.checkRagged(line, cells)
    } else {
      if (cells.length > width) {
        for (let i = width; i < cells.length; i++) {
          if (!isBlankCell(cells[i])) {
            this.o.issues.add({
              code: 'extra_cells',
              severity: 'warning',
              line,
              message: `Row ${line} has values right of the table's last column (column ${i + 1}); they are ignored.`,
              message_nb: `Rad ${line} har verdier til høyre for tabellens siste kolonne (kolonne ${i + 1}); de blir ignorert.`,
            })
            break
          }
        }
        cells.length = width
      }
      while (cells.length < width) cells.push(null)
    }
    this.rowCount++
    this.cells += cells.length
    this.checkCounts(line)
    this.pending.push({ line, cells })
    if (this.o.stopAfter !== undefined && this.rowCount >= this.o.stopAfter) this.full = true
  }

  /** A CSV row with another number of cells than the header. Extra empty cells are dropped silently. */
  private checkRagged(line: number, cells: RawCell[]): void {
    const width = this.headers.length
    if (cells.length > width) {
      let lastFilled = cells.length - 1
      while (lastFilled >= width && isBlankCell(cells[lastFilled])) lastFilled--
      if (lastFilled < width) {
        cells.length = width
        return
      }
    }
    this.o.issues.add({
      code: 'ragged_row',
      severity: 'error',
      line,
      message: `Line ${line} has ${cells.length} cells but the header row (line ${this.headerRow}) has ${width}.`,
      message_nb: `Linje ${line} har ${cells.length} celler, men overskriftsraden (linje ${this.headerRow}) har ${width}.`,
    })
  }

  private checkCounts(line: number): void {
    const { maxRows, maxCells } = this.o.limits
    if (this.rowCount > maxRows) {
      const n = num(maxRows)
      throw readError(
        'too_many_rows',
        this.o.file,
        `${shown(this.o.file)} has more than ${n.en} data rows (row ${line} is over the limit); split the file.`,
        `${shown(this.o.file)} har mer enn ${n.nb} datarader (rad ${line} er over grensen); del opp filen.`,
        { line },
      )
    }
    if (this.cells > maxCells) {
      const n = num(maxCells)
      throw readError(
        'too_many_cells',
        this.o.file,
        `${shown(this.o.file)} has more than ${n.en} cells (reached at row ${line}); split the file.`,
        `${shown(this.o.file)} har mer enn ${n.nb} celler (nådd i rad ${line}); del opp filen.`,
        { line },
      )
    }
  }

  private checkFields(line: number, cells: RawCell[]): void {
    const max = this.o.limits.maxFieldChars
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i]
      if (typeof c === 'string' && c.length > max) {
        const column = this.headers[i] || `#${i + 1}`
        const n = num(max)
        throw readError(
          'field_too_long',
          this.o.file,
          `Line ${line} of ${shown(this.o.file)}, column ${column}, holds ${num(c.length).en} characters; a cell may hold at most ${n.en}.`,
          `Linje ${line} i ${shown(this.o.file)}, kolonne ${column}, har ${num(c.length).nb} tegn; en celle kan ha høyst ${n.nb}.`,
          { line, column },
        )
      }
    }
  }
}
