/**
 * Cell → value for every canonical field. Pure and cheap: these run once per row (line fields) or
 * once per invoice (invoice fields) on the hot path, so no zod and no regex soup per cell.
 */
import { createRequire } from 'node:module'
import {
  type Dec,
  type DecimalSeparator,
  decFromNumber,
  type ParsedNumber,
  parseNumberText,
  normalize,
  roundTo,
  shift,
} from '../../shared/money'
import { cleanOrgNumber, isValidOrgNumber, normalizeNoPostalCode } from '../../shared/no-validators'
import { INVOICE_CHANNELS, type InvoiceChannel, type ProductType } from '../../shared/kravia'
import type { RawCell } from './cells'

const PRODUCT_ALIASES: Record<string, ProductType> = {
  b2b: 'kravia.invoice_b2b',
  invoiceb2b: 'kravia.invoice_b2b',
  kraviainvoiceb2b: 'kravia.invoice_b2b',
  bedrift: 'kravia.invoice_b2b',
  firma: 'kravia.invoice_b2b',
  business: 'kravia.invoice_b2b',
  company: 'kravia.invoice_b2b',
  b2bgrouped: 'kravia.invoice_b2b_grouped',
  invoiceb2bgrouped: 'kravia.invoice_b2b_grouped',
  kraviainvoiceb2bgrouped: 'kravia.invoice_b2b_grouped',
  samlefaktura: 'kravia.invoice_b2b_grouped',
  b2c: 'kravia.invoice_b2c',
  invoiceb2c: 'kravia.invoice_b2c',
  kraviainvoiceb2c: 'kravia.invoice_b2c',
  privat: 'kravia.invoice_b2c',
  privatperson: 'kravia.invoice_b2c',
  person: 'kravia.invoice_b2c',
  private: 'kravia.invoice_b2c',
  consumer: 'kravia.invoice_b2c',
}

/** `b2b`, `B2B`, `kravia.invoice_b2b`, `Bedrift`, `Firma` → b2b; `Privat`, `Person` → b2c; … */
export function parseProductType(text: string): ProductType | undefined {
  return PRODUCT_ALIASES[text.toLowerCase().replace(/[^a-z0-9]/g, '')]
}

export function parseChannel(text: string): InvoiceChannel | undefined {
  const t = text.toLowerCase()
  return (INVOICE_CHANNELS as readonly string[]).includes(t) ? (t as InvoiceChannel) : undefined
}

/** Spreadsheets store float noise in formula results (0.1+0.2); 10 decimals is more than anyone types. */
function cellDec(c: { n: number }): Dec | undefined {
  const d = decFromNumber(c.n)
  if (!d) return undefined
  return d.scale > 10 ? { units: roundTo(d, 10), scale: 10 } : d
}

/** A number from any cell: numeric cells exactly, text as people write it (see parseNumberText). */
export function cellNumber(c: RawCell | undefined, sep?: DecimalSeparator): ParsedNumber {
  if (c === null || c === undefined) return { kind: 'invalid' }
  if (typeof c === 'string') return parseNumberText(c, sep)
  if ('n' in c) {
    const d = cellDec(c)
    return d ? { kind: 'ok', value: d } : { kind: 'invalid' }
  }
  return { kind: 'invalid' }
}

/** VAT: `25`, `25 %`, `25,0`, a 0.25 percent-formatted cell. Percent-formatted cells come pre-scaled. */
export function cellVat(c: RawCell | undefined, sep?: DecimalSeparator): ParsedNumber {
  if (typeof c === 'string') {
    const t = c.trim()
    return parseNumberText(t.endsWith('%') ? t.slice(0, -1) : t, sep)
  }
  if (c && typeof c === 'object' && 'n' in c && c.pct) {
    const d = cellDec(c)
    return d ? { kind: 'ok', value: shift(d, 2) } : { kind: 'invalid' }
  }
  return cellNumber(c, sep)
}

/** Norway's VAT rates: 0, 11.11, 12, 15, 25 (compared as integers of the value's own scale). */
export function isAllowedNokRate(vat: Dec): boolean {
  const d = vat.scale > 0 ? normalize(vat) : vat
  if (d.scale === 0) return d.units === 25n || d.units === 15n || d.units === 12n || d.units === 0n
  return d.scale === 2 && d.units === 1111n
}

/** Payment terms as written: `14 dager`, `14 dager netto`, `netto 30`, `30 d`, `Net 30`, `30 days`. */
const TERMS =
  /^(?:(?:netto|net)\s*)?(\d{1,3})\s*(?:d|dg|dgr|dag|dager|days?)?\.?(?:\s*(?:netto|net|neto))?\.?$/
const CASH = new Set(['kontant', 'kontantbetaling', 'kontant betaling', 'cash', 'contant'])

/** Up to three digits and nothing else. */
const PLAIN_DAYS = /^\d{1,3}$/

/** Whole days 0–365 from `14`, `14,0`, a numeric cell, or terms as text (`14 dager`, `Kontant` = 0). */
export function parseDays(c: RawCell | undefined): number | undefined {
  // The usual cell (`14`, a numeric 30) is read without building a decimal: once per invoice.
  if (typeof c === 'string') {
    if (PLAIN_DAYS.test(c)) return Number(c) <= 365 ? Number(c) : undefined
  } else if (c && 'n' in c && Number.isInteger(c.n) && c.n >= 0 && c.n <= 365) return c.n === 0 ? 0 : c.n
  let p = cellNumber(c, ',')
  if (p.kind !== 'ok' && typeof c === 'string') {
    const t = c.trim().toLowerCase()
    if (CASH.has(t)) return 0
    const m = TERMS.exec(t)
    if (m) p = cellNumber(m[1], ',')
  }
  if (p.kind !== 'ok') return undefined
  const d = p.value
  const whole = roundTo(d, 0)
  if (roundTo({ units: whole, scale: 0 }, d.scale) !== d.units) return undefined
  if (whole < 0n || whole > 365n) return undefined
  return Number(whole)
}

const pad2 = (n: number) => String(n).padStart(2, '0')

function isoDate(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined
  const t = new Date(Date.UTC(y, m - 1, d))
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return undefined
  return `${y}-${pad2(m)}-${pad2(d)}`
}

/** `dd.mm.yyyy`, `d.m.yy`, `dd/mm/yyyy`, `yyyy-mm-dd`, date cells, and bare Excel serials. */
export function parseDueDate(c: RawCell | undefined): string | undefined {
  if (c === null || c === undefined) return undefined
  if (typeof c === 'object') {
    if ('date' in c) return c.date
    if ('n' in c && Number.isInteger(c.n) && c.n > 20000 && c.n < 80000) {
      // A date cell whose format was lost: an Excel serial (1900 system, day 0 = 1899-12-30).
      const t = new Date(Date.UTC(1899, 11, 30) + c.n * 86_400_000)
      return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate())
    }
    return undefined
  }
  const s = c.trim()
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(s)
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]))
  m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})$/.exec(s)
  if (m) {
    const y = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3])
    return isoDate(y, Number(m[2]), Number(m[1]))
  }
  return undefined
}

type ParsePhone = typeof import('libphonenumber-js/min').parsePhoneNumberFromString
let parseLib: ParsePhone | undefined

/** The library (and its metadata) loads on first use: most sheets only hold +47 numbers, and it costs ~0.2 s of start-up. */
function phoneLib(): ParsePhone {
  if (!parseLib) {
    const require = createRequire(import.meta.url)
    parseLib = (require('libphonenumber-js/min') as { parsePhoneNumberFromString: ParsePhone })
      .parsePhoneNumberFromString
  }
  return parseLib
}

const phoneCache = new Map<string, string | null>()
const NO_8 = /^[2-9]\d{7}$/

/**
 * E.164 from `99999999`, `+47 999 99 999`, `0047…`, `4799999999`, numeric cells. The 8-digit
 * Norwegian case (almost every row) skips the library: with its metadata every 8-digit number
 * starting 2–9 is valid, and the library costs ~4 µs a call.
 */
export function parsePhone(text: string): string | undefined {
  let s = text.replace(/[\s\u00a0().-]/g, '')
  if (NO_8.test(s)) return `+47${s}`
  if (s.startsWith('+47') && s.length === 11 && NO_8.test(s.slice(3))) return s
  const hit = phoneCache.get(s)
  if (hit !== undefined) return hit ?? undefined
  const key = s
  if (s.startsWith('00')) s = `+${s.slice(2)}`
  else if (!s.startsWith('+') && /^\d{9,15}$/.test(s) && !s.startsWith('0')) s = `+${s}`
  const p = phoneLib()(s, 'NO')
  const out = p?.isValid() ? p.number : null
  if (phoneCache.size > 50_000) phoneCache.clear()
  phoneCache.set(key, out)
  return out ?? undefined
}

const EMAIL = /^[^\s@"<>,;]+@[^\s@"<>,;]+\.[a-z]{2,}$/i

export function isEmail(text: string): boolean {
  return text.length <= 254 && EMAIL.test(text) && !text.includes('..')
}

export type PostalResult = { ok: true; value: string; padded: boolean } | { ok: false }

export function parsePostalCode(text: string, country: string): PostalResult {
  if (country !== 'NO') return text ? { ok: true, value: text, padded: false } : { ok: false }
  const v = normalizeNoPostalCode(text)
  if (!v) return { ok: false }
  return { ok: true, value: v, padded: v !== text.replace(/[\s\u00a0]/g, '') }
}

export type OrgResult = { ok: true; value: string; checksum: boolean } | { ok: false }

export function parseOrgNumber(text: string): OrgResult {
  const s = cleanOrgNumber(text)
  if (!/^\d{9}$/.test(s)) return { ok: false }
  return { ok: true, value: s, checksum: isValidOrgNumber(s) }
}

const COUNTRY_ALIASES: Record<string, string> = {
  norge: 'NO',
  norway: 'NO',
  noreg: 'NO',
  nor: 'NO',
  sverige: 'SE',
  sweden: 'SE',
  swe: 'SE',
  finland: 'FI',
  suomi: 'FI',
  fin: 'FI',
  danmark: 'DK',
  denmark: 'DK',
}

export function parseCountry(text: string): string | undefined {
  if (/^[a-z]{2}$/i.test(text)) return text.toUpperCase()
  return COUNTRY_ALIASES[text.toLowerCase()]
}
