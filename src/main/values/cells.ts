/** One cell as a reader hands it over: its type kept from the source, so numbers, percents and dates are never re-read from display text. */
export type RawCell =
  /** Text as written (every CSV cell; text cells of a workbook). Not trimmed yet. */
  | string
  /** A numeric workbook cell. `pct` when its number format is a percent (0.25 shown as 25 %). */
  | { n: number; pct?: boolean; text?: string }
  /** A date workbook cell, as a calendar date `YYYY-MM-DD`. */
  | { date: string }
  | { b: boolean }
  | null

/**
 * Characters NFC can change: combining marks (a macOS export writes `å` as a + U+030A), Hangul
 * jamo, and the few singletons that NFC maps (Ångström sign, Ohm, Kelvin). Precomposed æøå are
 * already NFC, so the ICU call is skipped for them.
 */
const NFC_SENSITIVE = /\p{M}|[\u1100-\u11ff\u212b\u2126\u212a]/u

/** Trimmed, NFC text. */
export function clean(s: string): string {
  const t = s.trim()
  return NFC_SENSITIVE.test(t) ? t.normalize('NFC') : t
}

/**
 * A cell as text for text fields (names, references, postal codes, phones). Numeric cells go
 * through their shortest decimal string, so 151 stays "151" and 923609016 stays "923609016".
 */
export function cellText(c: RawCell | undefined): string {
  if (c === null || c === undefined) return ''
  if (typeof c === 'string') return clean(c)
  if ('n' in c) return String(c.n)
  if ('date' in c) return c.date
  return c.b ? 'TRUE' : 'FALSE'
}

/** The raw value shown in an error: what the user's program shows, as close as we know it. */
export function cellDisplay(c: RawCell | undefined): string | null {
  if (c === null || c === undefined) return null
  if (typeof c === 'string') return c === '' ? null : c
  if ('n' in c) return c.text ?? (c.pct ? `${String(c.n)} (${trimPct(c.n)} %)` : String(c.n))
  if ('date' in c) return c.date
  return c.b ? 'TRUE' : 'FALSE'
}

function trimPct(n: number): string {
  return String(Math.round(n * 1e8) / 1e6)
}

export function isBlank(c: RawCell | undefined): boolean {
  if (c === null || c === undefined) return true
  if (typeof c === 'string') return c.trim() === ''
  return false
}
