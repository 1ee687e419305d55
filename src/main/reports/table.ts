/**
 * A report as the writers see it: headers and rows of typed cells. Money stays integer øre until
 * a writer formats it, so neither CSV nor XLSX output ever depends on float arithmetic.
 */
export interface Money {
  ore: number
}

/** `string` = text (ids, org numbers, KID, postal codes stay text), `number` = a plain numeric value. */
export type Cell = string | number | Money | null

export interface Table {
  headers: readonly string[]
  rows: Iterable<readonly Cell[]>
}

export const isMoney = (c: Cell): c is Money => typeof c === 'object' && c !== null

/**
 * Øre → "1299.50" (or "1299,50") with integer operations only; the XLSX writer turns the same
 * string into a number, which gives the closest double to the exact decimal.
 */
export function formatOre(ore: number, decimalSeparator: '.' | ',' = '.'): string {
  if (!Number.isSafeInteger(ore)) throw new Error(`Amount in øre must be a whole number, got ${ore}`)
  const abs = Math.abs(ore)
  const rest = abs % 100
  const kroner = (abs - rest) / 100
  return `${ore < 0 ? '-' : ''}${kroner}${decimalSeparator}${String(rest).padStart(2, '0')}`
}
