import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import { buildTemplate, TEMPLATE_NOTES_SHEET, validateRows } from '../../../src/main/invoice'
import { suggestMapping } from '../../../src/main/mapping'
import { payRequestSchema } from '../../../src/shared/kravia-schema'
import { ALL_HEADERS, B2B_ROW, B2C_ROW, NOW, run, sheet } from './helpers'

const seed = JSON.parse(
  readFileSync(new URL('../../fixtures/validate/seed-bodies.json', import.meta.url), 'utf8'),
)
const CALLBACK = 'https://example.com/callback'

describe('the seed examples, exactly', () => {
  it('builds the B2B body byte for byte (key order included)', () => {
    const r = run(ALL_HEADERS, [B2B_ROW], { callbackUrl: CALLBACK })
    expect(r.errors).toEqual([])
    const body = r.invoices[0].request
    expect(JSON.stringify(body)).toBe(JSON.stringify(seed.b2b))
    expect(payRequestSchema.safeParse(body).success).toBe(true)
    expect(r.warnings.map((w) => w.code)).toEqual(['org_number_checksum'])
  })

  it('builds the B2C body byte for byte and sends no business fields', () => {
    const r = run(ALL_HEADERS, [{ ...B2C_ROW, business_name: 'Ignored AS' }], { callbackUrl: CALLBACK })
    expect(r.errors).toEqual([])
    expect(JSON.stringify(r.invoices[0].request)).toBe(JSON.stringify(seed.b2c))
    expect(payRequestSchema.safeParse(r.invoices[0].request).success).toBe(true)
    expect(r.warnings.map((w) => w.code)).toEqual(['b2c_business_ignored'])
  })

  it('leaves session.url out when no callback URL is configured', () => {
    const r = run(ALL_HEADERS, [B2C_ROW])
    const { url: _url, ...session } = seed.b2c.session
    expect(JSON.stringify(r.invoices[0].request)).toBe(JSON.stringify({ payment: seed.b2c.payment, session }))
    expect(payRequestSchema.safeParse(r.invoices[0].request).success).toBe(true)
  })

  it('gives the same body from Norwegian headers and typed workbook cells', () => {
    const headers = [
      'Fakturanr',
      'Kundetype',
      'Forfall',
      'Fornavn',
      'Etternavn',
      'Firmanavn',
      'Org.nr',
      'E-post',
      'Mobil',
      'Adresse',
      'Postnr',
      'Poststed',
      'Linje',
      'Beskrivelse',
      'Antall',
      'Pris',
      'Mva %',
    ]
    const row = {
      Fakturanr: '<your-unique-id-here>',
      Kundetype: 'Bedrift',
      Forfall: { n: 30 },
      Fornavn: 'Ola',
      Etternavn: 'Nordmann',
      Firmanavn: 'Nordmann AS',
      'Org.nr': { n: 123456789 },
      'E-post': 'ola@nordmann.no',
      Mobil: { n: 99999999 },
      Adresse: 'Storgata 1',
      Postnr: { n: 151 },
      Poststed: 'Oslo',
      Linje: 'sub-001',
      Beskrivelse: 'Monthly subscription - Premium',
      Antall: { n: 1 },
      Pris: { n: 299 },
      'Mva %': { n: 0.25, pct: true },
    }
    const src = sheet(headers, [row])
    const m = suggestMapping(headers, src)
    expect(m.ambiguous).toEqual([])
    const r = validateRows(headers, src, { columns: m.columns, now: NOW, callbackUrl: CALLBACK })
    expect(r.errors).toEqual([])
    expect(JSON.stringify(r.invoices[0].request)).toBe(JSON.stringify(seed.b2b))
  })
})

describe('the downloadable template', () => {
  it('CSV: BOM, `;`, CRLF, canonical headers, and validating it gives the seed bodies', () => {
    const buf = buildTemplate('csv')
    const text = buf.toString('utf8')
    expect(text.startsWith('\uFEFFmerchant_reference;payment_product_type;')).toBe(true)
    expect(text).toContain('\r\n')
    const [head, ...lines] = text.slice(1).trim().split('\r\n')
    const headers = head.split(';')
    const rows = lines.map((l, i) => ({ line: i + 2, cells: l.split(';') }))
    const m = suggestMapping(headers, rows)
    expect(Object.values(m.source).every((s) => s === 'exact')).toBe(true)
    const r = validateRows(headers, rows, {
      columns: m.columns,
      now: NOW,
      callbackUrl: CALLBACK,
      decimalCommaHint: true,
    })
    expect(r.errors).toEqual([])
    const strip = (b: { session: { order: { merchant_reference: string } } }) => ({
      ...b,
      session: { ...b.session, order: { ...b.session.order, merchant_reference: 'x' } },
    })
    expect(r.invoices.map((i) => strip(i.request))).toEqual([strip(seed.b2b), strip(seed.b2c)])
  })

  it('XLSX: the invoices sheet plus a Norwegian/English notes sheet', () => {
    const wb = XLSX.read(buildTemplate('xlsx'))
    expect(wb.SheetNames).toEqual(['Fakturaer', TEMPLATE_NOTES_SHEET])
    const rows = XLSX.utils.sheet_to_json<string[]>(wb.Sheets.Fakturaer, { header: 1 })
    expect(rows[0][0]).toBe('merchant_reference')
    expect(rows).toHaveLength(3)
    const notes = XLSX.utils.sheet_to_json<string[]>(wb.Sheets[TEMPLATE_NOTES_SHEET], { header: 1 })
    expect(notes.find((n) => n[0] === 'organization_number')?.[1]).toBe('Organisasjonsnummer')
    expect(notes.find((n) => n[0] === 'due_date')?.[4]).toMatch(/dd\.mm\.åååå/)
    // The one-column alternatives are explained in both languages.
    expect(notes.find((n) => n[0] === 'full_name')?.slice(1, 3)).toEqual(['Fullt navn', 'Full name'])
    expect(notes.find((n) => n[0] === 'full_name')?.[4]).toMatch(/«Etternavn, Fornavn»/)
    expect(notes.find((n) => n[0] === 'postal_code_place')?.[5]).toMatch(/0152 Oslo/)
  })
})
