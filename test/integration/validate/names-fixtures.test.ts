import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Transaction } from '../../../src/main/dintero/types'
import { type Sandbox, startSandbox } from '../../../src/main/sandbox'
import { payRequestSchema } from '../../../src/shared/kravia-schema'
import { schemaErrors } from '../dintero/request-check'
import { cli } from './cli'

/**
 * Two files shaped like real exports, read with no mapping file: a webshop's order CSV (Ordrenr,
 * Varenavn, Varenr, Kundenavn, org.nr for some customers, terms as text, postal code and place in
 * one column) and a club's member register in Excel ("Etternavn, Fornavn" names, postal codes that
 * lost their leading zero, a title above the table). Every request is written out by hand here.
 */
const FIX = new URL('../../fixtures/names/', import.meta.url).pathname
const SHOP = join(FIX, 'nettbutikk-ordre.csv')
const REGISTER = join(FIX, 'medlemsregister.xlsx')

type Line = [description: string, quantity: number, amount: number, vat: number, id?: string]
function request(
  type: 'b2b' | 'b2c',
  days: number,
  ref: string,
  amount: number,
  vat: number,
  lines: Line[],
  billing: Record<string, string>,
) {
  return {
    payment: {
      payment_product_type: `kravia.invoice_${type}`,
      operation: 'invoice_payment',
      days_until_due: days,
    },
    session: {
      order: {
        amount,
        currency: 'NOK',
        vat_amount: vat,
        merchant_reference: ref,
        items: lines.map(([description, quantity, a, v, id], i) => ({
          description,
          quantity,
          amount: a,
          vat: v,
          line_id: String(i + 1),
          ...(id ? { id } : {}),
        })),
        billing_address: { ...billing, country: 'NO' },
      },
    },
  }
}

const SHOP_REQUESTS = [
  // 2 × 249,00 = 498,00 (VAT 498 × 25/125 = 99,60); 1 × 399,00 (VAT 79,80).
  request(
    'b2c',
    14,
    '10231',
    89700,
    17940,
    [
      ['Ullsokker 3-pk', 2, 49800, 25, 'ULL-100'],
      ['Strikkelue', 1, 39900, 25, 'LUE-7'],
    ],
    {
      first_name: 'Ingrid',
      last_name: 'Solberg',
      email: 'ingrid.solberg@example.no',
      phone_number: '+4741234567',
      address_line: 'Skogveien 12',
      postal_code: '0152',
      postal_place: 'Oslo',
    },
  ),
  // 10 × 459,50 = 4 595,00 (VAT 919,00); 149,00 (VAT 29,80).
  request(
    'b2b',
    30,
    '10232',
    474400,
    94880,
    [
      ['Regndress barn', 10, 459500, 25, 'BARN-22'],
      ['Frakt', 1, 14900, 25, 'FRAKT'],
    ],
    {
      first_name: 'Kari',
      last_name: 'Berg',
      business_name: 'Fjellheim Barnehage AS',
      organization_number: '923609016',
      email: 'faktura@fjellheim.example.no',
      phone_number: '+4755123456',
      address_line: 'Fjellveien 3',
      postal_code: '5003',
      postal_place: 'BERGEN',
    },
  ),
  // 2 × 89,90 = 179,80; VAT 179,80 × 15/115 = 23,4522… → 23,45.
  request('b2c', 10, '10233', 17980, 2345, [['Kaffe 500 g', 2, 17980, 15, 'KAFFE-500']], {
    first_name: 'Ole Martin',
    last_name: 'Hansen',
    email: 'olemartin@example.no',
    phone_number: '+4790011223',
    address_line: 'Havnegata 8',
    postal_code: '9990',
    postal_place: 'Båtsfjord',
  }),
  request('b2b', 30, '10234', 50000, 0, [['Gavekort 500 kr', 1, 50000, 0, 'GAVE-500']], {
    first_name: 'Åse',
    last_name: 'Østby-Lie',
    business_name: 'Østby Regnskap AS',
    organization_number: '987654325',
    email: 'ase@ostby.example.no',
    phone_number: '+4722334455',
    address_line: 'Rådhusgata 5',
    postal_code: '0160',
    postal_place: 'Oslo',
  }),
]

const member = (
  first: string,
  last: string,
  address: string,
  code: string,
  place: string,
  phone: string,
  email: string,
) => ({
  first_name: first,
  last_name: last,
  email,
  phone_number: phone,
  address_line: address,
  postal_code: code,
  postal_place: place,
})
const REGISTER_REQUESTS = [
  request(
    'b2c',
    14,
    'K2027-001',
    65000,
    0,
    [['Medlemskontingent 2027', 1, 65000, 0]],
    member('Ola', 'Nordmann', 'Storgata 1', '0152', 'OSLO', '+4798765432', 'ola.nordmann@example.no'),
  ),
  request(
    'b2c',
    14,
    'K2027-002',
    65000,
    0,
    [['Medlemskontingent 2027', 1, 65000, 0]],
    member(
      'Åse Marie',
      'Østby-Lie',
      'Bygdøy allé 5',
      '0257',
      'OSLO',
      '+4741234567',
      'ase.ostby-lie@example.no',
    ),
  ),
  request(
    'b2c',
    14,
    'K2027-003',
    32500,
    0,
    [['Juniorkontingent 2027', 1, 32500, 0]],
    member('Ole Martin', 'Hansen', 'Nygårdsgaten 4', '5003', 'BERGEN', '+4790011223', 'olemartin@example.no'),
  ),
  // 650,00 at 0 % and 399,00 at 25 % (VAT 399 × 25/125 = 79,80).
  request(
    'b2c',
    14,
    'K2027-004',
    104900,
    7980,
    [
      ['Medlemskontingent 2027', 1, 65000, 0],
      ['Klubbgenser str. M', 1, 39900, 25],
    ],
    member('Kari', 'Berg', 'Trondheimsveien 80', '0179', 'OSLO', '+4747700000', 'kari.berg@example.no'),
  ),
]

let dir: string
let sb: Sandbox
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kb-names-'))
  sb = await startSandbox({ port: 0 })
})
afterAll(async () => {
  await sb.close()
  rmSync(dir, { recursive: true, force: true })
})

async function validateJson(file: string) {
  const r = await cli(['validate', file, '--json', '--data-dir', join(dir, 'data')])
  expect(r.stderr).toBe('')
  expect(r.code).toBe(0)
  return JSON.parse(r.stdout)
}

describe('real-looking exports, no mapping file', () => {
  it('the webshop order CSV: every request field by field, the columns it recognised, one notice', async () => {
    const out = await validateJson(SHOP)
    expect(out.mapping).toEqual({
      merchant_reference: 'Ordrenr',
      business_name: 'Kundenavn',
      full_name: 'Kontaktperson',
      organization_number: 'Org.nr',
      email: 'E-post',
      phone_number: 'Telefon',
      address_line: 'Adresse',
      postal_code_place: 'Postnr og sted',
      id: 'Varenr',
      description: 'Varenavn',
      quantity: 'Antall',
      unit_price: 'Pris',
      vat: 'MVA',
      days_until_due: 'Betalingsbetingelser',
    })
    expect(out.invoices.map((i: { rows: number[] }) => i.rows)).toEqual([[2, 3], [4, 5], [6], [7]])
    expect(out.invoices.map((i: { request: unknown }) => i.request)).toEqual(SHOP_REQUESTS)
    // The exact bytes too: key order as Dintero's examples.
    expect(JSON.stringify(out.invoices[1].request)).toBe(JSON.stringify(SHOP_REQUESTS[1]))
    for (const inv of out.invoices) {
      expect(schemaErrors('POST /v1/sessions/pay', inv.request)).toEqual([])
      expect(payRequestSchema.safeParse(inv.request).success).toBe(true)
    }
    expect(out.errors).toEqual([])
    expect(out.warnings.map((w: { code: string }) => w.code)).toEqual(['product_type_from_org_number'])
    expect(out.warnings[0].message_nb).toBe(
      'Ingen kundetype er oppgitt, så organisasjonsnummeret avgjør: 2 fakturaer med nummer sendes som Bedrift, 2 fakturaer uten som Privat.',
    )
    expect(out.summary.total_amount).toBe(89700 + 474400 + 17980 + 50000)
  })

  it('the member register XLSX: names split, lost zeros restored, all private', async () => {
    const out = await validateJson(REGISTER)
    expect(out.mapping).toMatchObject({
      full_name: 'Navn',
      postal_code: 'Postnr',
      days_until_due: 'Betalingsfrist',
    })
    expect(out.invoices.map((i: { request: unknown }) => i.request)).toEqual(REGISTER_REQUESTS)
    for (const inv of out.invoices) expect(schemaErrors('POST /v1/sessions/pay', inv.request)).toEqual([])
    expect(out.errors).toEqual([])
    expect(out.warnings.map((w: { message: string }) => w.message)).toEqual([
      'No customer type was given and no invoice has an organisation number, so all 4 invoices are sent as Private.',
    ])
  })

  it('submit sends exactly those requests to the sandbox', async () => {
    for (const file of [SHOP, REGISTER]) {
      const r = await cli([
        'submit',
        file,
        '--env',
        'sandbox',
        '--api-url',
        sb.baseUrl,
        '--yes',
        '--data-dir',
        join(dir, 'data'),
      ])
      expect(r.stderr).toBe('')
      expect(r.code).toBe(0)
      expect(r.stdout).toMatch(/finished: 4 authorized/)
    }
    const txs = (await (await fetch(`${sb.baseUrl}/__sandbox/transactions`)).json()) as Transaction[]
    const byRef = new Map(txs.map((t) => [t.merchant_reference, t]))
    expect(txs).toHaveLength(8)
    for (const req of [...SHOP_REQUESTS, ...REGISTER_REQUESTS]) {
      const t = byRef.get(req.session.order.merchant_reference)
      expect(t?.amount).toBe(req.session.order.amount)
      expect(t?.payment_product_type).toBe(req.payment.payment_product_type)
      expect(t?.billing_address).toMatchObject(req.session.order.billing_address)
    }
  })
})
