import * as XLSX from 'xlsx'
import { num, readError, shown } from './errors'
import type { IssueSink } from './issues'
import type { RawCell } from './types'

type Kind = 'general' | 'date' | 'pct' | 'other'

/** Excel's error codes (cell.v of an error cell) as the text Excel shows. */
const ERRORS: Record<number, string> = {
  0: '#NULL!',
  7: '#DIV/0!',
  15: '#VALUE!',
  23: '#REF!',
  29: '#NAME?',
  36: '#NUM!',
  42: '#N/A',
  43: '#GETTING_DATA',
}

const pad = (n: number, w: number) => String(n).padStart(w, '0')

/**
 * Workbook cell → RawCell by the cell's type and number format, never by its display text:
 * a date-formatted number becomes a calendar date, a %-formatted one a percent, others keep
 * their formatted text next to the number (e.g. postal code 151 shown as "0151").
 */
export class CellConverter {
  private kinds = new Map<string, Kind>()

  constructor(
    private readonly date1904: boolean,
    private readonly maxFieldChars: number,
    private readonly file: string,
  ) {}

  private kind(z: string | undefined): Kind {
    if (z === undefined || z === 'General' || z === '') return 'general'
    let k = this.kinds.get(z)
    if (k === undefined) {
      const bare = z.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '')
      k = XLSX.SSF.is_date(z) ? 'date' : bare.includes('%') ? 'pct' : 'other'
      this.kinds.set(z, k)
    }
    return k
  }

  private date(v: number): RawCell {
    const d = XLSX.SSF.parse_date_code(v, { date1904: this.date1904 })
    if (!d) return { n: v }
    return { date: `${pad(d.y, 4)}-${pad(d.m, 2)}-${pad(d.d, 2)}` }
  }

  cell(c: XLSX.CellObject | undefined, line: number, col: number, issues?: IssueSink): RawCell {
    if (!c || c.t === 'z') return null
    if (c.v === undefined) {
      // A formula saved without its result (written by a program, never opened in a spreadsheet).
      issues?.add({
        code: 'formula_without_value',
        severity: 'warning',
        line,
        message: `Row ${line}, column ${col + 1}: a formula has no saved value; open and save the file in a spreadsheet program.`,
        message_nb: `Rad ${line}, kolonne ${col + 1}: en formel har ingen lagret verdi; åpne og lagre filen i et regneark.`,
      })
      return null
    }
    switch (c.t) {
      case 's': {
        const v = c.v as string
        if (v.length > this.maxFieldChars) this.tooLong(line, col, v.length)
        return v
      }
      case 'n': {
        const v = c.v as number
        const z = c.z as string | undefined
        switch (this.kind(z)) {
          case 'general':
            return { n: v }
          case 'date':
            return this.date(v)
          case 'pct':
            return { n: v, pct: true }
          case 'other': {
            let text: string | undefined
            try {
              text = XLSX.SSF.format(z as string, v)
            } catch {
              text = undefined
            }
            return text === undefined ? { n: v } : { n: v, text }
          }
        }
        return { n: v }
      }
      case 'b':
        return { b: Boolean(c.v) }
      case 'd': {
        const d = c.v instanceof Date ? c.v : new Date(String(c.v))
        return Number.isNaN(d.getTime()) ? null : { date: d.toISOString().slice(0, 10) }
      }
      case 'e': {
        const text = c.w ?? ERRORS[c.v as number] ?? '#ERROR'
        issues?.add({
          code: 'formula_error',
          severity: 'warning',
          line,
          message: `Row ${line}, column ${col + 1} shows the error ${text}.`,
          message_nb: `Rad ${line}, kolonne ${col + 1} viser feilen ${text}.`,
        })
        return text
      }
      default:
        return null
    }
  }

  /** One dense row from `firstCol` on. */
  row(row: XLSX.CellObject[], firstCol: number, line = 0, issues?: IssueSink): RawCell[] {
    const n = Math.max(0, row.length - firstCol)
    const out: RawCell[] = new Array(n)
    for (let i = 0; i < n; i++) out[i] = this.cell(row[i + firstCol], line, i, issues)
    return out
  }

  private tooLong(line: number, col: number, length: number): never {
    const n = num(this.maxFieldChars)
    throw readError(
      'field_too_long',
      this.file,
      `Row ${line} of ${shown(this.file)}, column ${col + 1}, holds ${num(length).en} characters; a cell may hold at most ${n.en}.`,
      `Rad ${line} i ${shown(this.file)}, kolonne ${col + 1}, har ${num(length).nb} tegn; en celle kan ha høyst ${n.nb}.`,
      { line },
    )
  }
}
