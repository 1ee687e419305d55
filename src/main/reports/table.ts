/**
 * A report as the writers see it: headers and rows of typed cells. Money stays integer øre until
 * a writer formats it, so neither CSV nor XLSX output ever depends on float arithmetic.
 */
export interface Money {
  ore: number
}

/** A calendar date in Norway (`YYYY-MM-DD`), with a time of day (`HH:MM`) when it is an instant. */
export interface LocalDate {
  date: string
  time?: string
}

/**
 * `string` = text (ids, org numbers, KID, postal codes stay text), `number` = a plain numeric value,
 * `Money` = øre, `LocalDate` = a date (a date cell in XLSX, `YYYY-MM-DD` in CSV).
 */
export type Cell = string | number | Money | LocalDate | null

/** How a spreadsheet shows the table; CSV ignores it. */
export interface SheetLayout {
  /** Column widths in characters. */
  widths?: readonly number[]
  /** Keep the header row in view while scrolling, and put a filter on it. */
  freezeHeader?: boolean
  autofilter?: boolean
  /** The number format of date cells (XLSX syntax), e.g. `dd.mm.yyyy`. */
  dateFormat?: string
}

export interface Table {
  headers: readonly string[]
  rows: Iterable<readonly Cell[]>
  /** Rows written after the data in a spreadsheet only (a totals row), read once the rows are done. */
  footer?: () => readonly (readonly Cell[])[]
  layout?: SheetLayout
}

export const isMoney = (c: Cell): c is Money => typeof c === 'object' && c !== null && 'ore' in c
export const isLocalDate = (c: Cell): c is LocalDate => typeof c === 'object' && c !== null && 'date' in c

/** `2026-12-09` or `2026-12-09 14:05`: unambiguous text any spreadsheet reads as a date. */
export function formatLocalDate(d: LocalDate): string {
  return d.time ? `${d.date} ${d.time}` : d.date
}
