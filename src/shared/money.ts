/**
 * Exact decimal arithmetic for money. Values read from a sheet become `Dec` (an integer of units
 * at a decimal scale, as BigInt) and only become øre through one rounding, half away from zero.
 * Never floats on money: `0.1 + 0.2` and `x * 100` are exactly the bugs this file exists to avoid.
 */

export interface Dec {
  /** value = units / 10^scale */
  units: bigint
  scale: number
}

const POW10: bigint[] = []
for (let i = 0; i <= 40; i++) POW10.push(10n ** BigInt(i))

export function pow10(n: number): bigint {
  return n < POW10.length ? POW10[n] : 10n ** BigInt(n)
}

/** Parses a plain decimal string such as `-1299.5`, `0.125`, `25` (no grouping, `.` as separator). */
export function decFromPlain(text: string): Dec | undefined {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text)
  if (!m || (m[2] === '' && (m[3] === undefined || m[3] === ''))) return undefined
  const frac = m[3] ?? ''
  const units = BigInt(`${m[2] || '0'}${frac}`)
  return { units: m[1] === '-' ? -units : units, scale: frac.length }
}

/**
 * A number from a spreadsheet cell through its shortest decimal string (`String(n)`), which is the
 * value the user typed for anything Excel stores (0.1 stays 0.1, never 0.1000000000000000055).
 */
export function decFromNumber(n: number): Dec | undefined {
  if (!Number.isFinite(n)) return undefined
  const s = String(n)
  const e = s.indexOf('e')
  if (e < 0) return decFromPlain(s)
  const base = decFromPlain(s.slice(0, e))
  if (!base) return undefined
  return shift(base, Number(s.slice(e + 1)))
}

/** Multiplies by 10^k exactly (k may be negative). */
export function shift(d: Dec, k: number): Dec {
  if (k >= 0) {
    if (d.scale >= k) return { units: d.units, scale: d.scale - k }
    return { units: d.units * pow10(k - d.scale), scale: 0 }
  }
  return { units: d.units, scale: d.scale - k }
}

/** Removes trailing zero decimals: 25.00 → 25, 11.110 → 11.11. */
export function normalize(d: Dec): Dec {
  let { units, scale } = d
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n
    scale--
  }
  return { units, scale }
}

/** The count of decimals actually used (trailing zeros do not count: 1.2500 has 2). */
export function decimals(d: Dec): number {
  return normalize(d).scale
}

/** Integer division rounding half away from zero (den > 0). */
export function divRound(num: bigint, den: bigint): bigint {
  const q = num / den
  const r = num % den
  const twice = (r < 0n ? -r : r) * 2n
  if (twice >= den) return num < 0n ? q - 1n : q + 1n
  return q
}

/** The value rounded to `scale` decimals, half away from zero, as an integer of 10^-scale units. */
export function roundTo(d: Dec, scale: number): bigint {
  if (d.scale <= scale) return d.units * pow10(scale - d.scale)
  return divRound(d.units, pow10(d.scale - scale))
}

/** NOK → øre, rounding half away from zero once. */
export function toOre(d: Dec): bigint {
  return roundTo(d, 2)
}

export function mul(a: Dec, b: Dec): Dec {
  return { units: a.units * b.units, scale: a.scale + b.scale }
}

export function compare(a: Dec, b: Dec): number {
  const s = Math.max(a.scale, b.scale)
  const x = a.units * pow10(s - a.scale)
  const y = b.units * pow10(s - b.scale)
  return x < y ? -1 : x > y ? 1 : 0
}

export function isZero(d: Dec): boolean {
  return d.units === 0n
}

/** The VAT part of a gross amount: amount × vat / (100 + vat), rounded half away from zero. */
export function vatOfGross(amountOre: bigint, vatPercent: Dec): bigint {
  const v = vatPercent.units
  const den = 100n * pow10(vatPercent.scale) + v
  if (den <= 0n) return 0n
  return divRound(amountOre * v, den)
}

/** Plain decimal string: 1299.5, 0.125, 25, -3. */
export function decToString(d: Dec): string {
  const n = normalize(d)
  const neg = n.units < 0n
  const digits = (neg ? -n.units : n.units).toString()
  if (n.scale === 0) return `${neg ? '-' : ''}${digits}`
  const padded = digits.padStart(n.scale + 1, '0')
  const cut = padded.length - n.scale
  return `${neg ? '-' : ''}${padded.slice(0, cut)}.${padded.slice(cut)}`
}

/** For JSON fields typed `number` (quantity, vat): exact for every value a sheet can hold. */
export function decToNumber(d: Dec): number {
  // Both operands are exact doubles and IEEE division rounds correctly, so this equals
  // Number("11.11") for 1111/100. Not money arithmetic: quantity and VAT rate only.
  if (d.scale <= 22 && d.units <= 9007199254740991n && d.units >= -9007199254740991n)
    return Number(d.units) / 10 ** d.scale
  return Number(decToString(d))
}

/** How øre are written as kroner: the decimal mark and the thousands separator ('' for none). */
export interface OreFormat {
  decimal: ',' | '.'
  group: string
}

/** For summaries and messages: `1 299,50` (Norwegian, no-break space) or `1,299.50` (English). */
const DISPLAY: Record<'nb' | 'en', OreFormat> = {
  nb: { decimal: ',', group: '\u00a0' },
  en: { decimal: '.', group: ',' },
}

/**
 * Øre → kroner with two decimals, by integer operations only: `1 299,50` (nb, the default),
 * `1,299.50` (en), or a given format such as `{ decimal: '.', group: '' }` → `1299.50` for files
 * (the XLSX writer turns that string into the closest double to the exact decimal).
 */
export function formatOre(ore: bigint | number, format: 'nb' | 'en' | OreFormat = 'nb'): string {
  const { decimal, group } = typeof format === 'string' ? DISPLAY[format] : format
  let neg: boolean
  let kr: string
  let cents: string
  if (typeof ore === 'number') {
    if (!Number.isSafeInteger(ore)) throw new Error(`Amount in øre must be a whole number, got ${ore}`)
    neg = ore < 0
    const abs = Math.abs(ore)
    const rest = abs % 100
    kr = String((abs - rest) / 100)
    cents = String(rest).padStart(2, '0')
  } else {
    neg = ore < 0n
    const abs = neg ? -ore : ore
    kr = (abs / 100n).toString()
    cents = (abs % 100n).toString().padStart(2, '0')
  }
  const grouped = group ? kr.replace(/\B(?=(\d{3})+(?!\d))/g, group) : kr
  return `${neg ? '-' : ''}${grouped}${decimal}${cents}`
}

export type DecimalSeparator = ',' | '.'

export type ParsedNumber =
  | { kind: 'ok'; value: Dec; vote?: DecimalSeparator }
  /** One separator followed by exactly three digits (`1,500`): a decimal or a thousands separator. */
  | { kind: 'ambiguous'; sep: DecimalSeparator; text: string }
  | { kind: 'invalid' }

const SPACES = /[\s\u00a0\u202f\u2009\u2007']/g
const FAST = /^(\d{1,3}(?:[ \u00a0]\d{3})+|\d+)(?:([.,])(\d+))?$/
const GROUP_SPACES = /[ \u00a0]/g
const CURRENCY_PREFIX = /^(?:kr\.?|nok)\s*/i
const CURRENCY_SUFFIX = /\s*(?:kr\.?|nok)$/i

/**
 * Reads a number as people write it in Norwegian and English sheets: `1 299,50`, `1.299,50`,
 * `1,299.50`, `1299.5`, `kr 1 299,-`, `7,5`, NBSP thousands. `sep` is the column's decimal
 * separator when it is known; without it a lone `1,500` is reported as ambiguous. `vote` tells
 * which decimal separator the text itself proves, so the column's separator can be decided.
 */
export function parseNumberText(raw: string, sep?: DecimalSeparator): ParsedNumber {
  // Fast path for the shapes nearly every cell has (`3`, `1299,50`, `1 299,50`, `0.125`): one regex, no copies.
  const f = FAST.exec(raw)
  if (f) {
    const int = f[1]
    const frac = f[3]
    if (frac === undefined)
      return { kind: 'ok', value: { units: BigInt(int.replace(GROUP_SPACES, '')), scale: 0 } }
    const grouped = int.length > 3 && (int.includes(' ') || int.includes('\u00a0'))
    if (frac.length !== 3 || grouped || int.length > 3 || int[0] === '0') {
      const digits = grouped ? int.replace(GROUP_SPACES, '') : int
      return {
        kind: 'ok',
        value: { units: BigInt(digits + frac), scale: frac.length },
        vote: f[2] as DecimalSeparator,
      }
    }
  }
  let s = raw.trim()
  if (s === '') return { kind: 'invalid' }
  let neg = false
  if (s[0] === '-' || s[0] === '\u2212') {
    neg = true
    s = s.slice(1).trimStart()
  } else if (s[0] === '+') s = s.slice(1).trimStart()
  if (/[a-z]/i.test(s)) s = s.replace(CURRENCY_PREFIX, '').replace(CURRENCY_SUFFIX, '')
  if (!neg && (s[0] === '-' || s[0] === '\u2212')) {
    neg = true
    s = s.slice(1)
  }
  // `1 299,-` and `1 299.-`: whole kroner
  if (s.endsWith(',-') || s.endsWith('.-')) s = s.slice(0, -2)
  s = s.replace(SPACES, '')
  if (s === '' || !/^[\d.,]+$/.test(s)) return { kind: 'invalid' }
  const lastComma = s.lastIndexOf(',')
  const lastDot = s.lastIndexOf('.')
  let intPart: string
  let frac = ''
  let vote: DecimalSeparator | undefined
  if (lastComma >= 0 && lastDot >= 0) {
    const dec: DecimalSeparator = lastComma > lastDot ? ',' : '.'
    const thou = dec === ',' ? '.' : ','
    const at = dec === ',' ? lastComma : lastDot
    intPart = s.slice(0, at)
    frac = s.slice(at + 1)
    if (frac.includes(thou) || frac.includes(dec) || !groupedOk(intPart, thou)) return { kind: 'invalid' }
    intPart = intPart.split(thou).join('')
    vote = dec
  } else if (lastComma >= 0 || lastDot >= 0) {
    const ch: DecimalSeparator = lastComma >= 0 ? ',' : '.'
    const parts = s.split(ch)
    if (parts.length > 2) {
      // 1,299,000 or 1.299.000: the separator groups thousands
      if (!groupedOk(s, ch)) return { kind: 'invalid' }
      intPart = parts.join('')
      vote = ch === ',' ? '.' : ','
    } else {
      const [a, b] = parts
      if (b.length === 3 && a.length >= 1 && a.length <= 3 && a[0] !== '0') {
        const use = sep
        if (use === undefined) return { kind: 'ambiguous', sep: ch, text: raw }
        if (use === ch) {
          intPart = a
          frac = b
        } else intPart = a + b
      } else {
        if (a === '' && b === '') return { kind: 'invalid' }
        intPart = a
        frac = b
        vote = ch
      }
    }
  } else intPart = s
  if (intPart === '' && frac === '') return { kind: 'invalid' }
  const units = BigInt(`${intPart || '0'}${frac}`)
  return { kind: 'ok', value: { units: neg ? -units : units, scale: frac.length }, vote }
}

/**
 * What a text says about its column's decimal separator, without building the number: the
 * separator it proves, 'ambiguous' for `1,500`, or undefined (no separator, or not a number).
 */
export function separatorEvidence(raw: string): DecimalSeparator | 'ambiguous' | undefined {
  if (raw.indexOf(',') < 0 && raw.indexOf('.') < 0) return undefined
  const f = FAST.exec(raw)
  if (f) {
    const int = f[1]
    const frac = f[3]
    if (frac === undefined) return undefined
    const grouped = int.length > 3 && (int.includes(' ') || int.includes('\u00a0'))
    if (frac.length === 3 && !grouped && int.length <= 3 && int[0] !== '0') return 'ambiguous'
    return f[2] as DecimalSeparator
  }
  const p = parseNumberText(raw)
  return p.kind === 'ok' ? p.vote : p.kind === 'ambiguous' ? 'ambiguous' : undefined
}

/** `1.299.000` style grouping: first group 1–3 digits, then groups of exactly 3. */
function groupedOk(s: string, sep: string): boolean {
  const groups = s.split(sep)
  if (groups[0].length < 1 || groups[0].length > 3) return groups.length === 1 && groups[0].length > 0
  for (let i = 1; i < groups.length; i++) if (groups[i].length !== 3) return false
  return true
}

/**
 * A line's total in øre: quantity × unit price × (100 − discount %) / 100, rounded half away
 * from zero once (never per step). Without a discount it is quantity × unit price.
 */
export function lineTotalOre(unit: Dec, quantity: Dec, discountPercent?: Dec): bigint {
  const du = discountPercent?.units ?? 0n
  const ds = discountPercent?.scale ?? 0
  const num = quantity.units * unit.units * (100n * pow10(ds) - du)
  return divRound(num, pow10(quantity.scale + unit.scale + ds))
}

/** VAT on a net amount: net × rate / 100, rounded half away from zero. */
export function vatOfNet(netOre: bigint, vatPercent: Dec): bigint {
  return divRound(netOre * vatPercent.units, 100n * pow10(vatPercent.scale))
}

/** A unit price excluding VAT with VAT added, in øre (rounded once): for comparing with a given gross price. */
export function grossUnitOre(unitExcl: Dec, vatPercent: Dec): bigint {
  const num = unitExcl.units * (100n * pow10(vatPercent.scale) + vatPercent.units)
  return divRound(num, pow10(unitExcl.scale + vatPercent.scale))
}
