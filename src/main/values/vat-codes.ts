/**
 * Norway's standard VAT codes (SAF-T) on the sales side, as accounting systems export them.
 * Only output codes belong on an invoice; input codes (purchases, imports) are refused by name.
 */
import type { Dec } from '../../shared/money'
import type { RawCell } from './cells'

/** Output code → the rate Kravia receives. */
export const OUTPUT_VAT_CODES: ReadonlyMap<string, Dec> = new Map([
  ['3', { units: 25n, scale: 0 }],
  ['31', { units: 15n, scale: 0 }],
  ['32', { units: 1111n, scale: 2 }],
  ['33', { units: 12n, scale: 0 }],
  ['5', { units: 0n, scale: 0 }],
  ['51', { units: 0n, scale: 0 }],
  ['52', { units: 0n, scale: 0 }],
  ['6', { units: 0n, scale: 0 }],
  ['7', { units: 0n, scale: 0 }],
])

/** Codes for purchases and imports: valid codes, but never on a sales invoice. */
const INPUT_VAT_CODES = new Set([
  '0',
  '1',
  '11',
  '12',
  '13',
  '14',
  '15',
  '20',
  '21',
  '22',
  ...Array.from({ length: 12 }, (_, i) => String(81 + i)),
])

/** The accepted codes in words, for messages. */
export const ACCEPTED_CODES_EN = '3 (25 %), 31 (15 %), 32 (11.11 %), 33 (12 %), or 5, 51, 52, 6, 7 (0 %)'
export const ACCEPTED_CODES_NB = '3 (25 %), 31 (15 %), 32 (11,11 %), 33 (12 %), eller 5, 51, 52, 6, 7 (0 %)'

/** A code as written: `3`, ` 31 `, a numeric cell 3. Undefined when it is not a whole number. */
export function codeText(c: RawCell | undefined): string | undefined {
  if (c === null || c === undefined) return undefined
  if (typeof c === 'string') {
    const t = c.trim()
    return /^\d{1,3}$/.test(t) ? String(Number(t)) : undefined
  }
  if ('n' in c && Number.isInteger(c.n) && c.n >= 0 && c.n < 1000) return String(c.n)
  return undefined
}

export type VatCodeResult = { ok: true; rate: Dec } | { ok: false; input: boolean }

export function parseVatCode(c: RawCell | undefined): VatCodeResult {
  const code = codeText(c)
  const rate = code !== undefined ? OUTPUT_VAT_CODES.get(code) : undefined
  if (rate) return { ok: true, rate }
  return { ok: false, input: code !== undefined && INPUT_VAT_CODES.has(code) }
}

/** True when every value is an output code (a VAT column that holds codes, not rates). */
export function allOutputCodes(values: readonly RawCell[]): boolean {
  if (values.length === 0) return false
  for (const v of values) {
    const code = codeText(v)
    if (code === undefined || !OUTPUT_VAT_CODES.has(code)) return false
  }
  return true
}
