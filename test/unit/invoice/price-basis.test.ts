import { describe, expect, it } from 'vitest'
import type { RawCell } from '../../../src/main/import/types'
import { validateRows } from '../../../src/main/invoice'
import { suggestMapping } from '../../../src/main/mapping'
import { NOW, sheet } from './helpers'

const HEADERS = [
  'Ordrenr',
  'Kundetype',
  'Forfall',
  'Fornavn',
  'Etternavn',
  'Firmanavn',
  'Org.nr',
  'E-post',
  'Telefon',
  'Adresse',
  'Postnr',
  'Poststed',
  'Varenr',
  'Varenavn',
  'Antall',
]
const CUSTOMER: Record<string, RawCell> = {
  Ordrenr: '10001',
  Kundetype: 'Bedrift',
  Forfall: '14',
  Fornavn: 'Kari',
  Etternavn: 'Nordmann',
  Firmanavn: 'Fjord Bygg AS',
  'Org.nr': '923609016',
  'E-post': 'faktura@fjordbygg.no',
  Telefon: '22334455',
  Adresse: 'Kaigata 4',
  Postnr: '5003',
  Poststed: 'Bergen',
  Varenr: 'V-1',
  Varenavn: 'Konsulenttime',
  Antall: '1',
}

function run(extra: string[], rows: Record<string, RawCell>[], prices?: 'incl' | 'excl') {
  const headers = [...HEADERS, ...extra]
  const src = sheet(
    headers,
    rows.map((r) => ({ ...CUSTOMER, ...r })),
  )
  const suggestion = suggestMapping(headers, src, null, { prices })
  const result = validateRows(headers, src, { columns: suggestion.columns, now: NOW, decimalCommaHint: true })
  return { suggestion, result }
}

const order = (r: ReturnType<typeof run>, i = 0) => r.result.invoices[i].request.session.order

describe('prices excluding VAT', () => {
  it('reads "Enhetspris eks. mva" as excluding VAT: 4 500,00 × 2 at 25 % is 11 250,00 including VAT', () => {
    const r = run(
      ['Enhetspris eks. mva', 'Mva %'],
      [{ Antall: '2', 'Enhetspris eks. mva': '4 500,00', 'Mva %': '25' }],
    )
    expect(r.suggestion.mapping.unit_price_excl_vat).toBe('Enhetspris eks. mva')
    expect(r.suggestion.mapping.unit_price).toBeUndefined()
    expect(r.result.errors).toEqual([])
    const o = order(r)
    expect(o.items[0]).toMatchObject({ amount: 1_125_000, vat: 25, quantity: 2 })
    expect(o.amount).toBe(1_125_000)
    expect(o.vat_amount).toBe(225_000)
  })

  it('reads "Beløp eks. mva" as the net line total and adds VAT per line', () => {
    const r = run(
      ['Beløp eks. mva', 'Mva %'],
      [
        { Varenavn: 'Rør', 'Beløp eks. mva': '199,99', 'Mva %': '25' },
        { Varenavn: 'Fisk', 'Beløp eks. mva': '100,01', 'Mva %': '11,11' },
      ],
    )
    expect(r.suggestion.mapping.amount_excl_vat).toBe('Beløp eks. mva')
    expect(r.result.errors).toEqual([])
    const o = order(r)
    // 19 999 × 25 / 100 = 4 999.75 → 5 000; 10 001 × 11.11 / 100 = 1 111.1111 → 1 111
    expect(o.items.map((i) => i.amount)).toEqual([19_999 + 5_000, 10_001 + 1_111])
    expect(o.vat_amount).toBe(5_000 + 1_111)
    expect(o.amount).toBe(24_999 + 11_112)
  })

  it('applies a discount once, before VAT, and rounds the net half away from zero once', () => {
    const r = run(
      ['Enhetspris eks. mva', 'Rabatt %', 'Mva %'],
      [{ Antall: '3', 'Enhetspris eks. mva': '333,33', 'Rabatt %': '10', 'Mva %': '25' }],
    )
    expect(r.suggestion.mapping.discount_percent).toBe('Rabatt %')
    expect(r.result.errors).toEqual([])
    // 3 × 333.33 × 0.9 = 899.991 → 89 999 øre; VAT 22 499.75 → 22 500
    expect(order(r).items[0]).toMatchObject({ amount: 89_999 + 22_500, description: 'Konsulenttime' })
    expect(order(r).vat_amount).toBe(22_500)
  })

  it('applies a discount to the gross for prices including VAT', () => {
    const r = run(
      ['Pris', 'Rabatt', 'Mva %'],
      [{ Antall: '2', Pris: '125,00', Rabatt: '12,5 %', 'Mva %': '25' }],
    )
    expect(r.suggestion.mapping.unit_price).toBe('Pris')
    expect(r.result.errors).toEqual([])
    // 2 × 125 × 0.875 = 218.75; VAT 21 875 × 25 / 125 = 4 375
    expect(order(r)).toMatchObject({ amount: 21_875, vat_amount: 4_375 })
  })

  it('keeps an ambiguous "Pris" including VAT, and reads it excluding with prices: excl', () => {
    const rows = [{ Pris: '100,00', 'Mva %': '25' }]
    expect(run(['Pris', 'Mva %'], rows).suggestion.mapping.unit_price).toBe('Pris')
    expect(order(run(['Pris', 'Mva %'], rows)).amount).toBe(10_000)
    const excl = run(['Pris', 'Mva %'], rows, 'excl')
    expect(excl.suggestion.mapping.unit_price_excl_vat).toBe('Pris')
    expect(order(excl)).toMatchObject({ amount: 12_500, vat_amount: 2_500 })
    // A header that states its basis keeps it whatever the option says.
    const stated = run(['Pris inkl. mva', 'Mva %'], [{ 'Pris inkl. mva': '100', 'Mva %': '25' }], 'excl')
    expect(stated.suggestion.mapping.unit_price).toBe('Pris inkl. mva')
  })

  it('accepts including and excluding values that agree within 1 øre, and names both columns when not', () => {
    const headers = ['Pris eks. mva', 'Beløp inkl. mva', 'Mva %']
    const ok = run(headers, [
      { 'Pris eks. mva': '99,99', 'Beløp inkl. mva': '124,99', 'Mva %': '25' },
      { Ordrenr: '2', 'Pris eks. mva': '99,99', 'Beløp inkl. mva': '124,98', 'Mva %': '25' },
    ])
    expect(ok.result.errors).toEqual([])
    // The excluding price decides: 9 999 + 2 500 (2 499.75 rounded) = 12 499.
    expect(order(ok, 0).amount).toBe(12_499)
    const bad = run(headers, [{ 'Pris eks. mva': '100,00', 'Beløp inkl. mva': '100,00', 'Mva %': '25' }])
    const e = bad.result.errors.find((x) => x.code === 'price_basis_mismatch')
    expect(e?.message).toBe(
      'Row 2: Beløp inkl. mva "100,00" (including VAT) does not agree with Pris eks. mva "100,00" (excluding VAT: 100.00 NOK + 25 % VAT = 125.00 NOK).',
    )
    expect(e?.message_nb).toContain('stemmer ikke med Pris eks. mva')
    expect(bad.result.invoices).toEqual([])
  })

  it('compares unit prices on both bases per unit', () => {
    const headers = ['Pris eks. mva', 'Pris inkl. mva', 'Mva %']
    const ok = run(headers, [
      { Antall: '100', 'Pris eks. mva': '10', 'Pris inkl. mva': '11,11', 'Mva %': '11,11' },
    ])
    expect(ok.result.errors).toEqual([])
    // 100 × 10.00 = 1 000.00 net; VAT 111.10; sent 1 111.10.
    expect(order(ok).amount).toBe(111_110)
    const bad = run(headers, [{ 'Pris eks. mva': '10', 'Pris inkl. mva': '12,50', 'Mva %': '15' }])
    expect(bad.result.errors.map((e) => [e.code, e.column])).toEqual([
      ['price_basis_mismatch', 'Pris inkl. mva'],
    ])
  })

  it('row errors for a discount that is out of range, not a number, or too precise', () => {
    for (const d of ['120', '-1', 'ti', '10,555']) {
      const r = run(['Pris', 'Rabatt %', 'Mva %'], [{ Pris: '100', 'Rabatt %': d, 'Mva %': '25' }])
      const e = r.result.errors.find((x) => x.code === 'discount_invalid')
      expect(e, d).toMatchObject({ rows: [2], column: 'Rabatt %', value: d })
      expect(e?.message).toBe(
        `Row 2: discount "${d}" in Rabatt % must be a percentage from 0 to 100 with at most 2 decimals.`,
      )
      expect(r.result.invoices).toEqual([])
    }
  })
})

describe('VAT codes', () => {
  it('reads a "MVA-kode" column as Norway’s output codes', () => {
    const codes: [string, number][] = [
      ['3', 25],
      ['31', 15],
      ['32', 11.11],
      ['33', 12],
      ['5', 0],
      ['51', 0],
      ['52', 0],
      ['6', 0],
      ['7', 0],
    ]
    const r = run(
      ['Beløp eks. mva', 'MVA-kode'],
      codes.map(([code], i) => ({ Ordrenr: String(i), 'Beløp eks. mva': '100,00', 'MVA-kode': code })),
    )
    expect(r.suggestion.mapping.vat_code).toBe('MVA-kode')
    expect(r.result.errors).toEqual([])
    expect(r.result.invoices.map((i) => i.request.session.order.items[0].vat)).toEqual(codes.map((c) => c[1]))
    expect(order(r, 2)).toMatchObject({ amount: 11_111, vat_amount: 1_111 })
  })

  it('reads a "Mva" column of codes as codes, and a column of rates as rates', () => {
    const codes = run(
      ['Pris', 'Mva'],
      [
        { Pris: '100', Mva: '3' },
        { Ordrenr: '2', Pris: '100', Mva: '31' },
      ],
    )
    expect(codes.suggestion.mapping.vat_code).toBe('Mva')
    expect(codes.result.invoices[1].request.session.order.items[0].vat).toBe(15)
    const rates = run(
      ['Pris', 'Mva-sats'],
      [
        { Pris: '100', 'Mva-sats': '25' },
        { Ordrenr: '2', Pris: '100', 'Mva-sats': '15' },
      ],
    )
    expect(rates.suggestion.mapping.vat).toBe('Mva-sats')
    // Only when every value is an output code is the column codes.
    const mixed = run(
      ['Pris', 'Mva-sats'],
      [
        { Pris: '100', 'Mva-sats': '25' },
        { Ordrenr: '2', Pris: '100', 'Mva-sats': '3' },
      ],
    )
    expect(mixed.suggestion.mapping.vat).toBe('Mva-sats')
    expect(mixed.result.errors.map((e) => e.code)).toEqual(['vat_rate_not_allowed'])
  })

  it('names the column, the value and the accepted codes for an input or unknown code', () => {
    const r = run(
      ['Pris', 'Avgiftskode'],
      [
        { Pris: '100', Avgiftskode: '1' },
        { Ordrenr: '2', Pris: '100', Avgiftskode: '99' },
      ],
    )
    expect(r.result.errors.map((e) => e.code)).toEqual(['vat_code_input', 'vat_code_invalid'])
    expect(r.result.errors[0].message).toBe(
      'Row 2: VAT code "1" in Avgiftskode is an input VAT code (purchases), not for an invoice; accepted codes are 3 (25 %), 31 (15 %), 32 (11.11 %), 33 (12 %), or 5, 51, 52, 6, 7 (0 %).',
    )
    expect(r.result.errors[1].message_nb).toBe(
      'Rad 3: mva-koden "99" i Avgiftskode er ikke en mva-kode for salg; gyldige koder er 3 (25 %), 31 (15 %), 32 (11,11 %), 33 (12 %), eller 5, 51, 52, 6, 7 (0 %).',
    )
  })

  it('refuses a code that contradicts the rate column beside it', () => {
    const r = run(['Pris', 'Mva %', 'MVA-kode'], [{ Pris: '100', 'Mva %': '25', 'MVA-kode': '31' }])
    expect(r.result.errors.map((e) => [e.code, e.column])).toEqual([['vat_code_conflict', 'MVA-kode']])
  })
})
