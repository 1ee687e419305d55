import { describe, expect, it } from 'vitest'
import {
  CANONICAL_FIELDS,
  type CanonicalField,
  FIELD_INFO,
  PRICE_FIELDS,
} from '../../../src/shared/canonical'
import { headerBasis } from '../../../src/main/mapping/basis'
import { matchHeader } from '../../../src/main/mapping/header-match'
import { suggestMapping } from '../../../src/main/mapping/match'
import { checkMappingAgainst, parseMappingFile } from '../../../src/main/mapping/mapping-file'
import { SYNONYMS } from '../../../src/main/mapping/synonyms'
import type { RememberedMapping } from '../../../src/main/mapping/types'

/** Every way of writing "excluding VAT" the importer promises to recognise. */
const EXCL_MARKERS = [
  'eks. mva',
  'eks mva',
  'eks.mva',
  'ekskl. mva',
  'ekskl mva',
  'eksl mva',
  'eksklusiv mva',
  'ex mva',
  'ex. mva',
  'exkl. mva',
  'u/mva',
  'u. mva',
  'uten mva',
  'netto',
  'excl. VAT',
  'excl VAT',
  'ex VAT',
  'ex. VAT',
  'excluding VAT',
  'net',
  'ex moms',
  'eksMVA',
]
const INCLUDING = new Set<CanonicalField>(['unit_price', 'amount'])

function fieldOf(header: string): CanonicalField | undefined {
  const m = matchHeader(header)
  return m && 'field' in m ? m.field : undefined
}

/** Headers built from every synonym and label with every excluding marker, in the usual arrangements. */
function markedHeaders(): string[] {
  const bases = new Set<string>()
  for (const f of CANONICAL_FIELDS) for (const s of SYNONYMS[f]) bases.add(s)
  for (const i of FIELD_INFO) bases.add(i.label_en).add(i.label_nb).add(i.field)
  for (const b of ['Pris', 'Enhetspris', 'Beløp', 'Sum', 'Total', 'Linjesum', 'Price', 'Amount', 'À-pris'])
    bases.add(b)
  const out: string[] = []
  const pricey = /pris|price|bel|amount|sum|total|lin/i
  for (const b of bases)
    for (const m of EXCL_MARKERS) {
      out.push(`${b} ${m}`, `${m} ${b}`)
      if (pricey.test(b)) out.push(`${b} (${m})`, `${b}_${m.replace(/\W+/g, '_')}`)
    }
  return out
}

describe('the VAT basis a header states', () => {
  it('no header with an excluding marker maps to an including field (walks the synonym table)', () => {
    const headers = markedHeaders()
    expect(headers.length).toBeGreaterThan(5000)
    const wrong = headers.filter((h) => {
      const f = fieldOf(h)
      return f !== undefined && INCLUDING.has(f)
    })
    expect(wrong).toEqual([])
    // Nor does any synonym in the table that itself carries an excluding marker.
    for (const f of INCLUDING)
      for (const s of SYNONYMS[f]) expect(headerBasis(s)?.basis, `${f}: ${s}`).not.toBe('excl')
  })

  it('not even when a remembered mapping, a mapping file or a value-decided header says so', () => {
    const headers = markedHeaders().filter((h) => /pris|price|belop|beløp|amount|sum|total/i.test(h))
    for (const h of headers.slice(0, 400)) {
      const remembered: RememberedMapping = {
        headers: [h],
        mapping: { unit_price: h, amount: h },
        constants: {},
        exact: true,
        updatedAt: '',
      }
      const s = suggestMapping([h], [['100']], remembered, { overrides: { amount: h } })
      expect(s.columns.unit_price, h).toBeUndefined()
      expect(s.columns.amount, h).toBeUndefined()
    }
    // `Sum eks. mva` is decided by its values, then read on its stated basis.
    const s = suggestMapping(
      ['Ordrenr', 'Sum eks. mva'],
      [
        ['1', '10'],
        ['1', '20'],
      ],
    )
    expect(s.mapping).toEqual({ merchant_reference: 'Ordrenr', amount_excl_vat: 'Sum eks. mva' })
  })

  it('maps the spellings people use to the right basis, and leaves headers that say neither as including', () => {
    const cases: [string, CanonicalField][] = [
      ['Enhetspris eks. mva', 'unit_price_excl_vat'],
      ['Enhetspris ekskl. mva', 'unit_price_excl_vat'],
      ['Pris eksl mva', 'unit_price_excl_vat'],
      ['Pris ex mva', 'unit_price_excl_vat'],
      ['Pris u/mva', 'unit_price_excl_vat'],
      ['Pris uten mva', 'unit_price_excl_vat'],
      ['Nettopris', 'unit_price_excl_vat'],
      ['Unit price excl. VAT', 'unit_price_excl_vat'],
      ['Price ex VAT', 'unit_price_excl_vat'],
      ['Net price', 'unit_price_excl_vat'],
      ['Beløp eks. mva', 'amount_excl_vat'],
      ['Linjesum ekskl. mva', 'amount_excl_vat'],
      ['Netto', 'amount_excl_vat'],
      ['Nettobeløp', 'amount_excl_vat'],
      ['Net amount', 'amount_excl_vat'],
      ['Amount excl. VAT', 'amount_excl_vat'],
      ['Pris inkl. mva', 'unit_price'],
      ['Unit price incl. VAT', 'unit_price'],
      ['Bruttopris', 'unit_price'],
      ['Beløp inkl. mva', 'amount'],
      ['Gross amount', 'amount'],
      ['Brutto', 'amount'],
      ['Pris', 'unit_price'],
      ['Enhetspris', 'unit_price'],
      ['Beløp', 'amount'],
      ['Rabatt', 'discount_percent'],
      ['Rabatt %', 'discount_percent'],
      ['Rab.', 'discount_percent'],
      ['Discount', 'discount_percent'],
      ['Discount %', 'discount_percent'],
      ['MVA-kode', 'vat_code'],
      ['Mva-kode', 'vat_code'],
      ['Avgiftskode', 'vat_code'],
      ['Skattekode', 'vat_code'],
      ['VAT code', 'vat_code'],
    ]
    for (const [h, f] of cases) expect(fieldOf(h), h).toBe(f)
    // `Sum` stays value-decided (a line amount or the invoice total), on the including basis.
    expect(matchHeader('Sum')).toEqual({ decide: 'total' })
  })

  it('discards a remembered excluding header mapped to an including field, and maps it on its own basis', () => {
    const headers = ['Ordrenr', 'Enhetspris eks. mva']
    const remembered: RememberedMapping = {
      headers,
      mapping: { merchant_reference: 'Ordrenr', unit_price: 'Enhetspris eks. mva' },
      constants: {},
      exact: true,
      updatedAt: '2026-11-01T00:00:00Z',
    }
    const s = suggestMapping(headers, [['1', '100']], remembered)
    expect(s.mapping).toEqual({ merchant_reference: 'Ordrenr', unit_price_excl_vat: 'Enhetspris eks. mva' })
    expect(s.ambiguous).toEqual([])
  })

  it('says why when the user maps an excluding header to an including field', () => {
    const s = suggestMapping(['Pris eks. mva'], [['100']], null, {
      overrides: { unit_price: 'Pris eks. mva' },
    })
    expect(s.columns.unit_price).toBeUndefined()
    expect(s.ambiguous[0]).toMatchObject({ header: 'Pris eks. mva', candidates: ['unit_price_excl_vat'] })
    expect(s.ambiguous[0].reason).toMatch(/exclude VAT/)
  })

  it('flips only headers that state no basis with prices: excl', () => {
    const s = suggestMapping(['Pris', 'Beløp inkl. mva'], [['10', '12,50']], null, { prices: 'excl' })
    expect(s.mapping).toEqual({ unit_price_excl_vat: 'Pris', amount: 'Beløp inkl. mva' })
  })

  it('lets a mapping file name the new fields', () => {
    const m = parseMappingFile(
      JSON.stringify({
        mapping: { unit_price_excl_vat: 'Pris', discount_percent: 'Rabatt', vat_code: 'Kode' },
      }),
      'm.json',
    )
    expect(m.mapping).toEqual({ unit_price_excl_vat: 'Pris', discount_percent: 'Rabatt', vat_code: 'Kode' })
    expect(Object.keys(PRICE_FIELDS)).toHaveLength(4)
  })

  it("names fields by their labels in a mapping file's errors, never by their internal names", () => {
    const wrongBasis = parseMappingFile(JSON.stringify({ unit_price: 'Enhetspris eks. mva' }), 'm.json')
    const missing = parseMappingFile(JSON.stringify({ unit_price_excl_vat: 'Pris' }), 'm.json')
    const message = (m: typeof missing) => {
      try {
        checkMappingAgainst(['Enhetspris eks. mva', 'Antall'], m, 'm.json')
      } catch (e) {
        return [(e as Error).message, (e as { options: { message_nb: string } }).options.message_nb]
      }
      return []
    }
    const [en, nb] = message(wrongBasis)
    expect(en).toContain('cannot be Unit price incl. VAT; map it to Unit price excl. VAT.')
    expect(nb).toContain('kan ikke være Enhetspris inkl. mva; koble den til Enhetspris eks. mva.')
    const [en2, nb2] = message(missing)
    expect(en2).toContain('the column "Pris" (for Unit price excl. VAT) is not in the table.')
    expect(nb2).toContain('kolonnen "Pris" (for Enhetspris eks. mva) finnes ikke i tabellen.')
    for (const text of [en, nb, en2, nb2]) expect(text).not.toMatch(/unit_price|_vat\b/)
  })
})
