import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { schemaErrors } from '../dintero/request-check'
import { cli } from './cli'

/**
 * An accounting system's monthly order export as it comes: Windows-1252, `;`, prices and line
 * totals excluding VAT, discounts, SAF-T VAT codes, one full-name contact column, payment terms
 * as text and no customer-type column. Every request is checked against øre computed by hand.
 */
const FILE = new URL('../../fixtures/validate/ordreeksport-cp1252.csv', import.meta.url).pathname
let dir: string

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kb-order-export-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const item = (
  description: string,
  quantity: number,
  amount: number,
  vat: number,
  line_id: string,
  id: string,
) => ({
  description,
  quantity,
  amount,
  vat,
  line_id,
  id,
})

// Hand-computed, per line: net = qty × unit × (1 − discount) rounded once; VAT = net × rate / 100 rounded;
// amount = net + VAT.
const EXPECTED = [
  {
    payment: { payment_product_type: 'kravia.invoice_b2b', operation: 'invoice_payment', days_until_due: 14 },
    session: {
      order: {
        // 7.5 × 1 250.00 × 0.90 = 8 437.50 → VAT 2 109.375 → 2 109.38 → 10 546.88
        // 3 × 333.33 = 999.99 → VAT 249.9975 → 250.00 → 1 249.99
        // 1 × 490.00 → VAT 122.50 → 612.50
        amount: 1_054_688 + 124_999 + 61_250,
        currency: 'NOK',
        vat_amount: 210_938 + 25_000 + 12_250,
        merchant_reference: '20451',
        items: [
          item('Konsulenttime senior', 7.5, 1_054_688, 25, '1', 'V-1001'),
          item('Byggevarer, diverse', 3, 124_999, 25, '2', 'V-2040'),
          item('Frakt', 1, 61_250, 25, '3', 'V-3001'),
        ],
        billing_address: {
          first_name: 'Ole Martin',
          last_name: 'Hansen',
          business_name: 'Fjordbygg AS',
          organization_number: '923609016',
          email: 'faktura@fjordbygg.no',
          phone_number: '+4722334455',
          address_line: 'Kaigata 4',
          postal_code: '5003',
          postal_place: 'Bergen',
          country: 'NO',
        },
      },
    },
  },
  {
    payment: { payment_product_type: 'kravia.invoice_b2c', operation: 'invoice_payment', days_until_due: 0 },
    session: {
      order: {
        // 2.5 × 189.90 × 0.95 = 451.00125 → 451.00; VAT 15 % = 67.65 → 518.65
        // 4 × 85.50 = 342.00; VAT 11.11 % = 37.9962 → 38.00 → 380.00
        // 2 × 135.00 × 0.875 = 236.25; VAT 12 % = 28.35 → 264.60
        amount: 51_865 + 38_000 + 26_460,
        currency: 'NOK',
        vat_amount: 6_765 + 3_800 + 2_835,
        merchant_reference: '20452',
        items: [
          item('Laks, fersk filet', 2.5, 51_865, 15, '1', 'V-5010'),
          item('Råfisk torsk', 4, 38_000, 11.11, '2', 'V-5020'),
          item('Kinobillett', 2, 26_460, 12, '3', 'V-7001'),
        ],
        billing_address: {
          first_name: 'Kari',
          last_name: 'Nordmann',
          email: 'kari.nordmann@example.no',
          phone_number: '+4791555555',
          address_line: 'Lillegata 5',
          postal_code: '0152',
          postal_place: 'Oslo',
          country: 'NO',
        },
      },
    },
  },
  {
    payment: { payment_product_type: 'kravia.invoice_b2b', operation: 'invoice_payment', days_until_due: 30 },
    session: {
      order: {
        // 12 × 1 045.00 × 0.9775 = 12 257.85, code 52 (export, 0 %); 750.00, code 6 (0 %)
        amount: 1_225_785 + 75_000,
        currency: 'NOK',
        vat_amount: 0,
        merchant_reference: '20453',
        items: [
          item('Eksportpall', 12, 1_225_785, 0, '1', 'V-9001'),
          item('Tollbehandling', 1, 75_000, 0, '2', 'V-9002'),
        ],
        billing_address: {
          first_name: 'Åse',
          last_name: 'Østby-Lie',
          business_name: 'Nordlys Eksport AS',
          organization_number: '987654325',
          email: 'post@nordlys-eksport.no',
          phone_number: '+4798765432',
          address_line: 'Havnevegen 12',
          postal_code: '9008',
          postal_place: 'Tromsø',
          country: 'NO',
        },
      },
    },
  },
]

describe('an accounting order export (Windows-1252, excluding prices, discounts, VAT codes)', () => {
  it('validate --json, with no mapping file, prints exactly the hand-computed requests', async () => {
    const r = await cli(['validate', FILE, '--json', '--data-dir', join(dir, 'data')])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out.mapping).toMatchObject({
      merchant_reference: 'Ordrenr',
      unit_price_excl_vat: 'Enhetspris eks. mva',
      amount_excl_vat: 'Beløp eks. mva',
      discount_percent: 'Rabatt %',
      vat_code: 'MVA-kode',
    })
    expect(out.mapping.unit_price).toBeUndefined()
    expect(out.mapping.amount).toBeUndefined()
    expect(out.errors).toEqual([])
    expect(out.invoices.map((i: { rows: number[] }) => i.rows)).toEqual([
      [2, 3, 4],
      [5, 6, 7],
      [8, 9],
    ])
    const requests = out.invoices.map((i: { request: unknown }) => i.request)
    expect(requests).toEqual(EXPECTED)
    for (const body of requests) expect(schemaErrors('POST /v1/sessions/pay', body)).toEqual([])
    for (const inv of requests) {
      const o = inv.session.order
      expect(o.amount).toBe(o.items.reduce((s: number, i: { amount: number }) => s + i.amount, 0))
    }
    expect(out.summary.total_amount).toBe(1_240_937 + 116_325 + 1_300_785)
    expect(out.summary.price_basis).toMatchObject({
      basis: 'excl',
      message:
        'Prices excluding VAT, from columns "Enhetspris eks. mva" (Unit price excl. VAT) and "Beløp eks. mva" (Line amount excl. VAT); VAT is added per line.',
    })
  })

  it('says the basis in words in the human summary', async () => {
    const r = await cli(['validate', FILE, '--data-dir', join(dir, 'data')])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('total 26,580.47 NOK')
    expect(r.stdout).toContain('VAT 25 %: 3 lines, 12,409.37 NOK (VAT 2,481.88 NOK)')
    expect(r.stdout).toContain('Prices excluding VAT, from columns "Enhetspris eks. mva"')
  })

  it('reads an ambiguous Pris column including VAT, and excluding with --prices excl', async () => {
    const csv = join(dir, 'pris.csv')
    writeFileSync(
      csv,
      'Fakturanr;Kundetype;Forfall;Fornavn;Etternavn;E-post;Telefon;Adresse;Postnr;Poststed;Beskrivelse;Antall;Pris;Mva %\r\n' +
        'A-1;Privat;14;Kari;Nordmann;kari@example.no;98765432;Lillegata 5;5003;Bergen;Abonnement;2;100,00;25\r\n',
    )
    const incl = JSON.parse((await cli(['validate', csv, '--json', '--data-dir', join(dir, 'data')])).stdout)
    expect(incl.invoices[0].request.session.order).toMatchObject({ amount: 20_000, vat_amount: 4_000 })
    expect(incl.summary.price_basis.message).toBe(
      'Prices including VAT, from column "Pris" (Unit price incl. VAT). The header "Pris" does not say; read as including VAT.',
    )
    const excl = JSON.parse(
      (await cli(['validate', csv, '--json', '--prices', 'excl', '--data-dir', join(dir, 'data')])).stdout,
    )
    expect(excl.mapping.unit_price_excl_vat).toBe('Pris')
    expect(excl.invoices[0].request.session.order).toMatchObject({ amount: 25_000, vat_amount: 5_000 })
    const bad = await cli(['validate', csv, '--prices', 'netto', '--data-dir', join(dir, 'data')])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--prices must be incl or excl')
  })

  it('refuses a mapping file that reads an excluding column as including VAT', async () => {
    const m = join(dir, 'm.json')
    writeFileSync(m, JSON.stringify({ mapping: { unit_price: 'Enhetspris eks. mva' } }))
    const r = await cli(['validate', FILE, '--mapping', m, '--data-dir', join(dir, 'data')])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(
      'the column "Enhetspris eks. mva" says excluding VAT, so it cannot be Unit price incl. VAT; map it to Unit price excl. VAT.',
    )
  })
})
