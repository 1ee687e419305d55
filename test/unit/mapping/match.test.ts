import { describe, expect, it } from 'vitest'
import type { RawCell } from '../../../src/main/import/types'
import { matchHeader, normalizeHeader, parseMappingFile, suggestMapping } from '../../../src/main/mapping'

const field = (h: string) => {
  const m = matchHeader(h)
  return m && 'field' in m ? m.field : m && 'decide' in m ? `decide:${m.decide}` : undefined
}

describe('header normalisation and synonyms', () => {
  it('normalises case, punctuation, spacing and æøå', () => {
    expect(normalizeHeader(' Org.nr ')).toBe('orgnr')
    expect(normalizeHeader('E-post')).toBe('epost')
    expect(normalizeHeader('Beløp')).toBe('belop')
    expect(normalizeHeader('Mva %')).toBe('mvapct')
    expect(normalizeHeader('Kundenr/Ærendé')).toBe('kundenraerende')
  })
  it.each([
    ['merchant_reference', 'merchant_reference'],
    ['Fakturanr', 'merchant_reference'],
    ['Fakturanummer', 'merchant_reference'],
    ['Kundetype', 'payment_product_type'],
    ['Fornavn', 'first_name'],
    ['Etternavn', 'last_name'],
    ['Firma', 'business_name'],
    ['Firmanavn', 'business_name'],
    ['Org.nr', 'organization_number'],
    ['Organisasjonsnummer', 'organization_number'],
    ['E-post', 'email'],
    ['Epost', 'email'],
    ['Telefon', 'phone_number'],
    ['Mobil', 'phone_number'],
    ['Tlf', 'phone_number'],
    ['Adresse', 'address_line'],
    ['Postnr', 'postal_code'],
    ['Postnummer', 'postal_code'],
    ['Poststed', 'postal_place'],
    ['Sted', 'postal_place'],
    ['Land', 'country'],
    ['Linje', 'line_id'],
    ['Beskrivelse', 'description'],
    ['Tekst', 'description'],
    ['Antall', 'quantity'],
    ['Pris', 'unit_price'],
    ['Enhetspris', 'unit_price'],
    ['Beløp', 'amount'],
    ['MVA-sats', 'vat'],
    ['Mva %', 'vat'],
    ['Valuta', 'currency'],
    ['Unit Price', 'unit_price'],
    ['E-mail address', 'email'],
    ['Fakturanumer', 'merchant_reference'], // typo: fuzzy
    ['Kundens e-postadresse', 'email'], // synonym inside a longer header
    ['MVA', 'decide:vat'],
    ['Sum', 'decide:total'],
    ['Forfall', 'decide:due'],
    ['Betalingsfrist', 'decide:due'],
  ])('%s → %s', (h, f) => expect(field(h)).toBe(f))
  it('does not map unrelated headers', () => {
    expect(matchHeader('Kommentar intern')).toBeUndefined()
    expect(matchHeader('')).toBeUndefined()
  })
})

describe('suggestMapping', () => {
  const headers = [
    'Fakturanr',
    'Kundetype',
    'Fornavn',
    'Etternavn',
    'E-post',
    'Beskrivelse',
    'Antall',
    'Pris',
    'MVA',
    'Sum',
  ]
  const row = (ref: string, pris: string, mva: RawCell, sum: string): RawCell[] => [
    ref,
    'Privat',
    'Kari',
    'Nordmann',
    'kari@example.no',
    'Vare',
    '1',
    pris,
    mva,
    sum,
  ]

  it('maps synonyms with confidence and decides MVA and Sum by their values', () => {
    const s = suggestMapping(headers, [
      row('1', '100', '25', '100'),
      row('1', '50', '25', '50'),
      row('2', '10', '15', '10'),
    ])
    expect(s.mapping).toMatchObject({
      merchant_reference: 'Fakturanr',
      vat: 'MVA',
      amount: 'Sum',
      unit_price: 'Pris',
    })
    expect(s.columns.vat).toBe(8)
    expect(s.confidence.merchant_reference).toBeGreaterThan(0.9)
    expect(s.source.vat).toBe('values')
    expect(s.ambiguous).toEqual([])
  })

  it('leaves MVA holding VAT amounts and Sum holding the invoice total for the user', () => {
    const s = suggestMapping(headers, [
      row('1', '100', '20,00', '150'),
      row('1', '50', '10,00', '150'),
      row('2', '10', '2', '10'),
    ])
    expect(s.mapping.vat).toBeUndefined()
    expect(s.mapping.amount).toBeUndefined()
    const byHeader = Object.fromEntries(s.ambiguous.map((a) => [a.header, a]))
    expect(byHeader.MVA.reason).toMatch(/VAT amounts/)
    expect(byHeader.Sum.reason).toMatch(/invoice total/)
    expect(s.unmapped).toEqual(['MVA', 'Sum'])
  })

  it('decides Forfall as a due date or a number of days', () => {
    const h = ['Fakturanr', 'Forfall']
    expect(suggestMapping(h, [['1', '31.12.2026']]).mapping.due_date).toBe('Forfall')
    expect(suggestMapping(h, [['1', '14']]).mapping.days_until_due).toBe('Forfall')
    expect(suggestMapping(h, [['1', { date: '2026-12-31' }]]).mapping.due_date).toBe('Forfall')
  })

  it('does not take a "Type" column of product kinds as the customer type', () => {
    const s = suggestMapping(
      ['Fakturanr', 'Type'],
      [
        ['1', 'Vare'],
        ['2', 'Tjeneste'],
      ],
    )
    expect(s.mapping.payment_product_type).toBeUndefined()
    expect(s.ambiguous[0]).toMatchObject({ header: 'Type', candidates: ['payment_product_type'] })
  })

  it('applies overrides, null exclusions, and uses column numbers for duplicate headers', () => {
    const h = ['Ref', 'Navn', 'Navn', 'Beløp']
    const s = suggestMapping(h, [], null, {
      overrides: { first_name: 2, last_name: 3 },
      unmapped: ['amount'],
    })
    expect(s.mapping).toEqual({ first_name: 2, last_name: 3, merchant_reference: 'Ref' })
    expect(s.source.first_name).toBe('override')
  })
})

describe('mapping files', () => {
  it('accepts the wrapped form, the bare form and a whole validate --json output', () => {
    expect(
      parseMappingFile('{"mapping":{"vat":"MVA","amount":4},"constants":{"days_until_due":14}}', 'm.json'),
    ).toEqual({
      mapping: { vat: 'MVA', amount: 4 },
      constants: { days_until_due: '14' },
    })
    expect(parseMappingFile('{"vat":"MVA","amount":null}', 'm.json').mapping).toEqual({
      vat: 'MVA',
      amount: null,
    })
    const out = {
      mapping: { vat: 'MVA' },
      constants: {},
      invoices: [],
      errors: [],
      warnings: [],
      summary: {},
    }
    expect(parseMappingFile(JSON.stringify(out), 'm.json').mapping).toEqual({ vat: 'MVA' })
  })
  it('refuses unknown fields and bad columns with a sentence naming the file', () => {
    expect(() => parseMappingFile('{"mapping":{"pris":"Pris"}}', 'm.json')).toThrow(
      /m\.json: "pris" is not a field/,
    )
    expect(() => parseMappingFile('{"vat":0}', 'm.json')).toThrow(/column number from 1/)
    expect(() => parseMappingFile('not json', 'm.json')).toThrow(/m\.json: is not valid JSON/)
  })
})
