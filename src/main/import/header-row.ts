import type { RawCell } from './types'

/** How many non-blank rows at the top are looked at to find the header row. */
export const HEADER_SCAN_ROWS = 30

const NUMBER_LIKE = /^[-+−(]?\s*(kr\.?\s*|nok\s*)?[\d\s.,' ]+(%|,-|kr)?\)?$/i
const DATE_LIKE = /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/

export function isBlankCell(c: RawCell | undefined): boolean {
  return c === null || c === undefined || (typeof c === 'string' && c.trim() === '')
}

export function isBlankRow(cells: readonly RawCell[]): boolean {
  for (const c of cells) if (!isBlankCell(c)) return false
  return true
}

/** A header-like cell: text that is not a number, amount or date written as text. */
function isTextCell(c: RawCell): boolean {
  if (typeof c !== 'string') return false
  const t = c.trim()
  return t !== '' && !NUMBER_LIKE.test(t) && !DATE_LIKE.test(t)
}

/**
 * Picks the header row among the first non-blank rows: the first row that is at least half as wide
 * as the widest row, is (almost) all text, has at least three text cells (fewer if the table is
 * narrower), and has a row below it. A title block above the table ("Fakturaliste november",
 * "Firma AS") is narrower and is skipped. Falls back to the first row.
 */
export function detectHeaderIndex(rows: readonly (readonly RawCell[])[]): number {
  if (rows.length === 0) return 0
  const widths = rows.map((r) => r.reduce<number>((n, c) => (isBlankCell(c) ? n : n + 1), 0))
  const widest = Math.max(...widths)
  const needText = Math.min(3, widest)
  for (let i = 0; i < rows.length; i++) {
    const filled = widths[i]
    if (filled < Math.ceil(widest / 2)) continue
    const text = rows[i].reduce<number>((n, c) => (isTextCell(c) ? n + 1 : n), 0)
    if (text < needText || text < filled * 0.8) continue
    if (i === rows.length - 1 && rows.length > 1) continue
    return i
  }
  return 0
}

/** Header cell → header text: trimmed, a stray BOM removed, numbers and dates as written. */
export function headerText(c: RawCell | undefined): string {
  if (c === null || c === undefined) return ''
  if (typeof c === 'string') return c.replace(/^\uFEFF+/, '').trim()
  if ('n' in c) return c.text ?? String(c.n)
  if ('date' in c) return c.date
  return String(c.b)
}
