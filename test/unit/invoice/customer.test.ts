import { describe, expect, it } from 'vitest'
import type { RawCell } from '../../../src/main/import/types'
import { splitFullName } from '../../../src/main/invoice/customer'
import { splitPostalPlace } from '../../../src/main/values/postal'
import { parseDays } from '../../../src/main/values/parse'
import { suggestMapping } from '../../../src/main/mapping'
import { NOW, run, sheet } from './helpers'
import { validateRows } from '../../../src/main/invoice'

/** A webshop-style row with Norwegian headers and no customer-type column. */
const H = [
  'Ordrenr',
  'Kundenavn',
  'Kontaktperson',
  'Org.nr',
  'E-post',
  'Telefon',
  'Adresse',
  'Postnr og sted',
  'Varenavn',
  'Beløp',
  'MVA-sats',
  'Betalingsbetingelser',
]
const shop = (over: Record<string, RawCell>): Record<string, RawCell> => ({
  Ordrenr: '1001',
  Kundenavn: 'Kari Nordmann',
  Kontaktperson: '',
  'Org.nr': '',
  'E-post': 'kari@example.no',
  Telefon: '98765432',
  Adresse: 'Lillegata 5',
  'Postnr og sted': '5003 Bergen',
  Varenavn: 'Sokker',
  Beløp: '100,00',
  'MVA-sats': '25',
  Betalingsbetingelser: '14 dager',
  ...over,
})

describe('full names', () => {
  it.each([
    ['Nordmann, Ola', 'Ola', 'Nordmann'],
    ['Ole Martin Hansen', 'Ole Martin', 'Hansen'],
    ['Åse Østby-Lie', 'Åse', 'Østby-Lie'],
    ['  Østby-Lie ,  Åse  Marie ', 'Åse Marie', 'Østby-Lie'],
    ['Kari   Nordmann', 'Kari', 'Nordmann'],
  ])('%s → %s + %s', (text, first, last) => {
    expect(splitFullName(text)).toEqual({ first, last })
  })
  it.each(['Cher', 'Nordmann,', ', Ola', ''])('one word (%j) cannot be split', (text) => {
    expect(splitFullName(text)).toBeUndefined()
  })

  it('a Navn column fills first and last name; separate columns win where both are given', () => {
    const h = [
      'Fakturanr',
      'Navn',
      'Fornavn',
      'Etternavn',
      'E-post',
      'Telefon',
      'Adresse',
      'Postnr',
      'Sted',
      'Beskrivelse',
      'Beløp',
      'MVA',
    ]
    const base = {
      'E-post': 'a@b.no',
      Telefon: '98765432',
      Adresse: 'Vei 1',
      Postnr: '0152',
      Sted: 'Oslo',
      Beskrivelse: 'Kontingent',
      Beløp: '500',
      MVA: '0',
    }
    const r = run(
      h,
      [
        { ...base, Fakturanr: '1', Navn: 'Nordmann, Ola', Fornavn: '', Etternavn: '' },
        { ...base, Fakturanr: '2', Navn: 'Feil Navn', Fornavn: 'Kari', Etternavn: 'Hansen' },
        { ...base, Fakturanr: '3', Navn: 'Cher', Fornavn: '', Etternavn: '' },
      ],
      { defaults: { days_until_due: 14 } },
    )
    const names = r.invoices.map((i) => [
      i.request.session.order.billing_address.first_name,
      i.request.session.order.billing_address.last_name,
    ])
    expect(names).toEqual([
      ['Ola', 'Nordmann'],
      ['Kari', 'Hansen'],
    ])
    expect(r.errors).toHaveLength(1)
    expect(r.errors[0]).toMatchObject({
      code: 'name_one_word',
      rows: [4],
      column: 'Navn',
      field: 'full_name',
      value: 'Cher',
    })
    expect(r.errors[0].message).toBe(
      'Row 4: the name "Cher" in Navn is one word; Kravia needs both a first and a last name (write "Last name, First name" or "First Last").',
    )
    expect(r.errors[0].message_nb).toBe(
      'Rad 4: navnet "Cher" i Navn er bare ett ord; Kravia trenger både fornavn og etternavn (skriv «Etternavn, Fornavn» eller «Fornavn Etternavn»).',
    )
  })
})

describe('customer name and customer type from the organisation number', () => {
  it('org.nr → Bedrift with Kundenavn as the company; none → Privat with Kundenavn as the person; one notice', () => {
    const r = run(H, [
      shop({}),
      shop({
        Ordrenr: '1002',
        Kundenavn: 'Fjord Bygg AS',
        Kontaktperson: 'Hansen, Per',
        'Org.nr': '923 609 016',
      }),
      shop({ Ordrenr: '1003', Kundenavn: 'Ole Martin Hansen' }),
    ])
    expect(r.errors).toEqual([])
    expect(r.invoices.map((i) => i.request.payment.payment_product_type)).toEqual([
      'kravia.invoice_b2c',
      'kravia.invoice_b2b',
      'kravia.invoice_b2c',
    ])
    const [a, b, c] = r.invoices.map((i) => i.request.session.order.billing_address)
    expect([a.first_name, a.last_name, a.business_name]).toEqual(['Kari', 'Nordmann', undefined])
    expect([b.first_name, b.last_name, b.business_name, b.organization_number]).toEqual([
      'Per',
      'Hansen',
      'Fjord Bygg AS',
      '923609016',
    ])
    expect([c.first_name, c.last_name]).toEqual(['Ole Martin', 'Hansen'])
    const notices = r.warnings.filter((w) => w.code === 'product_type_from_org_number')
    expect(notices).toHaveLength(1)
    expect(notices[0]).toMatchObject({ rows: [], column: null, field: 'payment_product_type' })
    expect(notices[0].message).toBe(
      'No customer type was given, so the organisation number decides: 1 invoice with one is sent as Business, 2 invoices without one as Private.',
    )
    expect(notices[0].message_nb).toBe(
      'Ingen kundetype er oppgitt, så organisasjonsnummeret avgjør: 1 faktura med nummer sendes som Bedrift, 2 fakturaer uten som Privat.',
    )
    // No "not sent for a private customer" warning for a name that is the person's.
    expect(r.warnings.map((w) => w.code)).toEqual(['product_type_from_org_number'])
  })

  it('a business without a contact person names the missing field by its label', () => {
    const r = run(H, [shop({ Kundenavn: 'Fjord Bygg AS', 'Org.nr': '923609016' })])
    expect(r.invoices).toEqual([])
    const e = r.errors.find((x) => x.code === 'missing_value')
    expect(e?.message).toBe('Row 2: Kontaktperson is empty.')
    const noContact = run(
      H.filter((x) => x !== 'Kontaktperson'),
      [shop({ Kundenavn: 'Fjord Bygg AS', 'Org.nr': '923609016' })],
    )
    expect(noContact.errors.map((x) => [x.message, x.message_nb])).toEqual([
      ['Row 2: First name is empty.', 'Rad 2: Fornavn er tom.'],
      ['Row 2: Last name is empty.', 'Rad 2: Etternavn er tom.'],
    ])
  })

  it('without an org-number column every invoice is Privat; a type column or a default still decides', () => {
    const h = H.filter((x) => x !== 'Org.nr')
    const r = run(h, [shop({}), shop({ Ordrenr: '1002' })])
    expect(r.invoices.map((i) => i.product_type)).toEqual(['kravia.invoice_b2c', 'kravia.invoice_b2c'])
    expect(r.warnings[0].message).toBe(
      'No customer type was given and no invoice has an organisation number, so all 2 invoices are sent as Private.',
    )
    expect(r.warnings[0].message_nb).toBe(
      'Ingen kundetype er oppgitt og ingen faktura har organisasjonsnummer, så alle 2 fakturaer sendes som Privat.',
    )
    const typed = run(
      [...H, 'Kundetype'],
      [
        shop({ Kundetype: 'Bedrift', 'Org.nr': '923609016', Kontaktperson: 'Per Hansen', Kundenavn: 'X AS' }),
        shop({ Ordrenr: '1002', Kundetype: 'Privat', 'Org.nr': '' }),
      ],
    )
    expect(typed.errors).toEqual([])
    expect(typed.invoices.map((i) => i.product_type)).toEqual(['kravia.invoice_b2b', 'kravia.invoice_b2c'])
    expect(typed.warnings.some((w) => w.code === 'product_type_from_org_number')).toBe(false)
    const grouped = run(
      H,
      [shop({ 'Org.nr': '923609016', Kontaktperson: 'Per Hansen', Kundenavn: 'X AS' })],
      {
        defaults: { payment_product_type: 'b2b_grouped' },
      },
    )
    expect(grouped.invoices[0].product_type).toBe('kravia.invoice_b2b_grouped')
    expect(grouped.warnings).toEqual([])
  })

  it('names customer types in words in its messages', () => {
    const r = run(
      [...H, 'Kundetype'],
      [shop({ Kundetype: 'kunde' }), shop({ Ordrenr: '2', Kundetype: 'b2b', Kundenavn: '' })],
    )
    const text = r.errors.map((e) => `${e.message} ${e.message_nb}`).join(' ')
    expect(text).toMatch(/Business \(Bedrift\), Private \(Privat\)/)
    expect(text).toMatch(/required for business customers/)
    expect(text).toMatch(/påkrevd for bedriftskunder/)
    expect(text).not.toMatch(/b2b|b2c|invoice_b2|business_name|last_name|organization_number/)
  })
})

describe('postal code and place in one column', () => {
  it.each([
    ['0152 Oslo', '0152', 'Oslo'],
    ['N-0152 OSLO', '0152', 'OSLO'],
    ['0152, Oslo', '0152', 'Oslo'],
    ['NO-5003 Bergen', '5003', 'Bergen'],
    ['9990 Båtsfjord', '9990', 'Båtsfjord'],
  ])('%s', (text, code, place) => {
    expect(splitPostalPlace(text)).toEqual({ code, place })
  })
  it.each(['Oslo', '0152', 'Storgata 1, Oslo', ''])('%j is not both', (t) => {
    expect(splitPostalPlace(t)).toBeUndefined()
  })

  it('fills both fields, pads a lost leading zero with a warning, and lets separate columns win', () => {
    const r = run(H, [
      shop({ 'Postnr og sted': '152 Oslo' }),
      shop({ Ordrenr: '2', 'Postnr og sted': 'N-0152 OSLO' }),
    ])
    const addr = r.invoices.map((i) => [
      i.request.session.order.billing_address.postal_code,
      i.request.session.order.billing_address.postal_place,
    ])
    expect(addr).toEqual([
      ['0152', 'Oslo'],
      ['0152', 'OSLO'],
    ])
    const padded = r.warnings.find((w) => w.code === 'postal_code_padded')
    expect(padded).toMatchObject({ rows: [2], column: 'Postnr og sted', value: '152 Oslo' })
    const both = run([...H, 'Postnr'], [shop({ Postnr: '0150' })])
    expect(both.invoices[0].request.session.order.billing_address).toMatchObject({
      postal_code: '0150',
      postal_place: 'Bergen',
    })
  })

  it('Postadresse is the postal code and place when its values say so, else the street', () => {
    const h = ['Postadresse']
    const place = suggestMapping(h, sheet(h, [{ Postadresse: '0152 Oslo' }, { Postadresse: '5003 Bergen' }]))
    expect(place.mapping).toEqual({ postal_code_place: 'Postadresse' })
    const street = suggestMapping(
      h,
      sheet(h, [{ Postadresse: 'Storgata 1' }, { Postadresse: 'Postboks 12' }]),
    )
    expect(street.mapping).toEqual({ address_line: 'Postadresse' })
  })
})

describe('payment terms as text', () => {
  it.each([
    ['14 dager', 14],
    ['14 dager netto', 14],
    ['netto 30', 30],
    ['Netto 30 dager', 30],
    ['30 d', 30],
    ['Net 30', 30],
    ['30 days', 30],
    ['Kontant', 0],
    ['10 dgr.', 10],
    ['14', 14],
  ])('%s → %d', (text, days) => {
    expect(parseDays(text)).toBe(days)
  })
  it.each(['400 dager', 'ved levering', '14 uker', '-5 dager'])('%s is refused', (text) => {
    expect(parseDays(text)).toBeUndefined()
  })
  it('a Betalingsfrist column of terms is days until due', () => {
    const h = ['Betalingsfrist']
    const s = suggestMapping(h, sheet(h, [{ Betalingsfrist: '14 dager' }, { Betalingsfrist: 'Netto 30' }]))
    expect(s.mapping).toEqual({ days_until_due: 'Betalingsfrist' })
  })
})

describe('order exports', () => {
  it('Ordrenr is the invoice number only without an invoice-number column; Varenavn and Varenr are the line', () => {
    const h = ['Ordrenr', 'Fakturanr', 'Varenr', 'Varenavn', 'Kunde']
    const s = suggestMapping(h, [])
    expect(s.mapping).toEqual({
      merchant_reference: 'Fakturanr',
      id: 'Varenr',
      description: 'Varenavn',
      business_name: 'Kunde',
    })
    const only = suggestMapping(['Ordrenummer', 'Produktnavn', 'SKU'], [])
    expect(only.mapping).toEqual({ merchant_reference: 'Ordrenummer', description: 'Produktnavn', id: 'SKU' })
  })
  it('short words match only as the whole header', () => {
    const s = suggestMapping(['Kundenummer', 'Kontaktperson e-post', 'Kontakt'], [])
    expect(s.mapping).toEqual({ email: 'Kontaktperson e-post', full_name: 'Kontakt' })
  })
})

describe('one-line results against hand-computed values', () => {
  it('a private webshop order', () => {
    const src = sheet(H, [shop({ Beløp: '249,00', Betalingsbetingelser: '30 dager netto' })])
    const columns = suggestMapping(H, src).columns
    const r = validateRows(H, src, { columns, now: NOW, decimalCommaHint: true })
    expect(r.invoices[0].request).toEqual({
      payment: {
        payment_product_type: 'kravia.invoice_b2c',
        operation: 'invoice_payment',
        days_until_due: 30,
      },
      session: {
        order: {
          amount: 24900,
          currency: 'NOK',
          // 24900 × 25 / 125 = 4980
          vat_amount: 4980,
          merchant_reference: '1001',
          items: [{ description: 'Sokker', quantity: 1, amount: 24900, vat: 25, line_id: '1' }],
          billing_address: {
            first_name: 'Kari',
            last_name: 'Nordmann',
            email: 'kari@example.no',
            phone_number: '+4798765432',
            address_line: 'Lillegata 5',
            postal_code: '5003',
            postal_place: 'Bergen',
            country: 'NO',
          },
        },
      },
    })
  })
})
