/**
 * What a price header says about VAT. `Enhetspris eks. mva`, `Beløp u/mva`, `Nettopris`,
 * `Price ex VAT` are excluding VAT; `Pris inkl. mva`, `Bruttobeløp`, `Amount incl. VAT` are
 * including it; `Pris`, `Beløp`, `Sum` say neither. The answer decides between the including
 * and excluding price fields, so a header that says "excluding" can never be read as including.
 */
import type { PriceBasis } from '../../shared/canonical'
import { foldHeader } from './synonyms'

/** Words that mean excluding VAT on their own (`eks`, `netto`) or together with a VAT word. */
const EXCL_WORDS = new Set([
  'eks',
  'ekskl',
  'eksl',
  'ekskludert',
  'eksklusiv',
  'eksklusive',
  'ex',
  'exkl',
  'excl',
  'exc',
  'exclusive',
  'excluding',
  'exclude',
  'excluded',
  'netto',
  'net',
  'uten',
  'without',
])
const INCL_WORDS = new Set([
  'inkl',
  'ink',
  'inkludert',
  'inklusiv',
  'inklusive',
  'incl',
  'inc',
  'inclusive',
  'including',
  'included',
  'brutto',
  'gross',
  'med',
])
/** Words for the tax itself: `u/mva` and `m/mva` are `u` or `m` next to one of these. */
const VAT_WORDS = new Set(['mva', 'vat', 'moms', 'avgift', 'tax', 'merverdiavgift'])
/** One-word forms: `eksmva`, `exvat`, `umva`, `inklmva`, `mmva`. */
const JOINED = /^(eks|ekskl|eksl|ex|exkl|excl|u|uten|inkl|ink|incl|inc|m|med)(mva|vat|moms)$/
/** A marker at the start of a word: `Nettopris`, `Bruttobeløp`, `Netbeløp`. */
const PREFIXES: [string, PriceBasis][] = [
  ['netto', 'excl'],
  ['brutto', 'incl'],
  ['gross', 'incl'],
  ['net', 'excl'],
]

/** Lower-case words of a header, æøå spelled out as in normalizeHeader. */
export function headerWords(h: string): string[] {
  return foldHeader(h)
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '')
}

function joinedBasis(w: string): PriceBasis | undefined {
  const m = JOINED.exec(w)
  if (!m) return undefined
  return /^(u|uten|e)/.test(m[1]) ? 'excl' : 'incl'
}

export interface HeaderBasis {
  basis: PriceBasis
  /** The header's words without the basis words (`Enhetspris eks. mva` → `enhetspris`), joined. */
  rest: string
}

/**
 * The basis a header states, and what is left of it without the basis words; undefined when it
 * states none. A header that states both (`netto inkl. mva`) counts as excluding: reading an
 * excluding price as including under-invoices, so that is the side to err away from.
 */
export function headerBasis(header: string): HeaderBasis | undefined {
  const words = headerWords(header)
  let excl = false
  let incl = false
  const rest: string[] = []
  for (let i = 0; i < words.length; i++) {
    const w = words[i]
    const next = words[i + 1]
    const joined = joinedBasis(w)
    if (joined) {
      if (joined === 'excl') excl = true
      else incl = true
      continue
    }
    if ((w === 'u' || w === 'm') && next !== undefined && VAT_WORDS.has(next)) {
      if (w === 'u') excl = true
      else incl = true
      i++
      continue
    }
    if (EXCL_WORDS.has(w) || INCL_WORDS.has(w)) {
      // `med`, `uten`, `without` say something only next to a VAT word.
      const needsVat = w === 'med' || w === 'uten' || w === 'without'
      if (!needsVat || (next !== undefined && VAT_WORDS.has(next))) {
        if (EXCL_WORDS.has(w)) excl = true
        else incl = true
        if (next !== undefined && VAT_WORDS.has(next)) i++
        continue
      }
    }
    const prefix = PREFIXES.find(([p]) => w.startsWith(p) && w.length > p.length)
    if (prefix) {
      if (prefix[1] === 'excl') excl = true
      else incl = true
      rest.push(w.slice(prefix[0].length))
      continue
    }
    // A word that ends in a marker: `Enhetsprisekskl`, `Prisnetto`.
    const suffix = /^(.+?)(eksklmva|eksmva|exmva|exclvat|exvat|netto|inklmva|inclvat|brutto)$/.exec(w)
    if (suffix && suffix[1].length >= 3) {
      if (/^(eks|ex|netto)/.test(suffix[2])) excl = true
      else incl = true
      rest.push(suffix[1])
      continue
    }
    rest.push(w)
  }
  if (!excl && !incl) return undefined
  // Trailing VAT words of a marker already consumed (`inkl. mva og frakt`) stay in `rest`.
  return { basis: excl ? 'excl' : 'incl', rest: rest.join('') }
}
