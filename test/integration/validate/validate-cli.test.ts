import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openAppDb } from '../../../src/main/db/store'
import { buildTemplate, validateRows } from '../../../src/main/invoice'
import { rememberMapping, suggestMapping } from '../../../src/main/mapping'
import { createBatch } from '../../../src/main/journal/freeze'
import { payRequestSchema } from '../../../src/shared/kravia-schema'
import { cli } from './cli'

const FIX = new URL('../../fixtures/validate/', import.meta.url)
const fixture = (name: string) => join(FIX.pathname, name)
const seed = JSON.parse(readFileSync(fixture('seed-bodies.json'), 'utf8'))
let dir: string
let dataDir: string

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kb-validate-'))
  dataDir = join(dir, 'data')
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('validate: valid files', () => {
  it('a Norwegian `;` CSV with the seed examples → exit 0 and exactly the seed bodies', async () => {
    const r = await cli([
      'validate',
      fixture('seed-nb.csv'),
      '--json',
      '--callback-url',
      'https://example.com/callback',
      '--data-dir',
      dataDir,
    ])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(Object.keys(out)).toEqual([
      'mapping',
      'constants',
      'invoices',
      'errors',
      'warnings',
      'summary',
      'comparison',
    ])
    expect(out.mapping).toMatchObject({
      merchant_reference: 'Fakturanr',
      payment_product_type: 'Kundetype',
      vat: 'MVA-sats',
    })
    expect(out.invoices).toHaveLength(2)
    expect(Object.keys(out.invoices[0])).toEqual(['merchant_reference', 'rows', 'request'])
    expect(out.invoices[0].rows).toEqual([2])
    for (const [i, key] of [
      [0, 'b2b'],
      [1, 'b2c'],
    ] as const) {
      const expected = structuredClone(seed[key])
      expected.session.order.merchant_reference = out.invoices[i].merchant_reference
      expect(JSON.stringify(out.invoices[i].request)).toBe(JSON.stringify(expected))
      expect(payRequestSchema.safeParse(out.invoices[i].request).success).toBe(true)
    }
    expect(out.errors).toEqual([])
    expect(out.warnings.map((w: { code: string }) => w.code).sort()).toEqual([
      'org_number_checksum',
      'postal_code_padded',
    ])
    expect(Object.keys(out.warnings[0])).toEqual([
      'code',
      'rows',
      'column',
      'field',
      'value',
      'message',
      'message_nb',
    ])
    expect(out.summary).toEqual({
      invoices: 2,
      invalid_invoices: 0,
      lines: 2,
      total_amount: 59800,
      by_product_type: {
        'kravia.invoice_b2b': { invoices: 1, amount: 29900 },
        'kravia.invoice_b2c': { invoices: 1, amount: 29900 },
      },
      by_vat_rate: { '25': { lines: 2, amount: 59800, vat_amount: 11960 } },
      price_basis: {
        basis: 'incl',
        columns: [
          {
            field: 'amount',
            column: 'Beløp',
            basis: 'incl',
            label_en: 'Line amount incl. VAT',
            label_nb: 'Linjebeløp inkl. mva',
            stated: false,
          },
        ],
        message:
          'Prices including VAT, from column "Beløp" (Line amount incl. VAT). The header "Beløp" does not say; read as including VAT.',
        message_nb:
          'Priser inkludert mva, fra kolonnen «Beløp» (Linjebeløp inkl. mva). Overskriften «Beløp» sier ikke hvilken; lest som inkludert mva.',
      },
    })
  })

  it('the downloadable XLSX template → exit 0, text summary', async () => {
    const file = join(dir, 'template.xlsx')
    writeFileSync(file, buildTemplate('xlsx'))
    const r = await cli(['validate', file, '--data-dir', dataDir])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/Invoices: 2 valid, 0 invalid; 2 lines; total 598\.00 NOK/)
    expect(r.stdout).toMatch(/VAT 25 %: 2 lines/)
  })
})

describe('validate: invalid rows and unusable files', () => {
  it('invalid rows → exit 1 with row, column, field, value and both languages', async () => {
    const r = await cli(['validate', fixture('invalid-nb.csv'), '--json', '--data-dir', dataDir])
    expect(r.code).toBe(1)
    const out = JSON.parse(r.stdout)
    const email = out.errors.find((e: { code: string }) => e.code === 'email_invalid')
    expect(email).toEqual({
      code: 'email_invalid',
      rows: [3],
      column: 'E-post',
      field: 'email',
      value: 'kari(at)example.no',
      message: 'Row 3: "kari(at)example.no" in E-post is not an email address.',
      message_nb: 'Rad 3: "kari(at)example.no" i E-post er ikke en e-postadresse.',
    })
    expect(out.errors.map((e: { code: string }) => e.code)).toEqual(
      expect.arrayContaining(['email_invalid', 'conflicting_values', 'vat_rate_not_allowed']),
    )
    expect(out.summary.invalid_invoices).toBe(2)
    expect(out.invoices.map((i: { merchant_reference: string }) => i.merchant_reference)).toEqual([
      '1001',
      '1004',
    ])
  })

  it('an empty file → exit 2 and one clear sentence (JSON error object with --json)', async () => {
    const file = join(dir, 'empty.csv')
    writeFileSync(file, '')
    const r = await cli(['validate', file, '--json', '--data-dir', dataDir])
    expect(r.code).toBe(2)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).toMatch(/^kravia-batch: .*empty\.csv/)
    expect(JSON.parse(r.stdout).error.code).toBeTruthy()
  })

  it('duplicate headers → exit 2 unless a --mapping names the columns by number', async () => {
    const file = join(dir, 'dup.csv')
    const head = readFileSync(fixture('seed-nb.csv'), 'utf8')
      .replace('Fornavn', 'Navn')
      .replace('Etternavn', 'Navn')
    writeFileSync(file, head)
    const r = await cli(['validate', file, '--data-dir', dataDir])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/"Navn" more than once/)
    const mapping = join(dir, 'dup-mapping.json')
    writeFileSync(mapping, JSON.stringify({ mapping: { first_name: 4, last_name: 5 } }))
    const ok = await cli(['validate', file, '--mapping', mapping, '--json', '--data-dir', dataDir])
    expect(ok.code).toBe(0)
    expect(JSON.parse(ok.stdout).mapping).toMatchObject({ first_name: 4, last_name: 5 })
  })

  it('usage errors → exit 2', async () => {
    const r = await cli([
      'validate',
      fixture('seed-nb.csv'),
      '--product-type',
      'kunde',
      '--data-dir',
      dataDir,
    ])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/--product-type must be b2b, b2c or b2b_grouped/)
    const cb = await cli([
      'validate',
      fixture('seed-nb.csv'),
      '--callback-url',
      'http://localhost/cb',
      '--data-dir',
      dataDir,
    ])
    expect(cb.code).toBe(2)
  })
})

describe('validate: mappings', () => {
  it('--mapping round-trip: the printed mapping and constants give the same result', async () => {
    const first = await cli([
      'validate',
      fixture('odd-headers.csv'),
      '--json',
      '--days-until-due',
      '10',
      '--product-type',
      'b2c',
      '--data-dir',
      dataDir,
    ])
    const out1 = JSON.parse(first.stdout)
    // "Kolonne X" matches nothing: the user adds it by hand, plus a constant.
    out1.mapping.description = 'Kolonne X'
    out1.constants.vat = '25'
    const file = join(dir, 'round.json')
    writeFileSync(file, JSON.stringify(out1, null, 2))
    const second = await cli([
      'validate',
      fixture('odd-headers.csv'),
      '--json',
      '--mapping',
      file,
      '--days-until-due',
      '10',
      '--product-type',
      'b2c',
      '--data-dir',
      dataDir,
    ])
    expect(second.code).toBe(0)
    const out2 = JSON.parse(second.stdout)
    expect(out2.mapping).toEqual(out1.mapping)
    expect(out2.constants).toEqual({ vat: '25' })
    writeFileSync(file, JSON.stringify({ mapping: out2.mapping, constants: out2.constants }))
    const third = await cli([
      'validate',
      fixture('odd-headers.csv'),
      '--json',
      '--mapping',
      file,
      '--days-until-due',
      '10',
      '--product-type',
      'b2c',
      '--data-dir',
      dataDir,
    ])
    expect(JSON.parse(third.stdout)).toEqual(out2)
    expect(out2.invoices[0].request.payment).toEqual({
      payment_product_type: 'kravia.invoice_b2c',
      operation: 'invoice_payment',
      days_until_due: 10,
    })
  })

  it('uses a mapping the app remembered (read-only), and --no-remembered ignores it', async () => {
    const data = join(dir, 'remembered')
    const db = openAppDb(data)
    const headers = readFileSync(fixture('odd-headers.csv'), 'utf8').split(/\r?\n/)[0].split(';')
    const auto = suggestMapping(headers, [])
    rememberMapping(
      db,
      headers,
      { ...auto.mapping, description: 'Kolonne X' },
      { vat: '25', days_until_due: '10', payment_product_type: 'b2c' },
    )
    db.close()
    const dbFile = join(data, 'kravia-batch.sqlite')
    const before = statSync(dbFile).mtimeMs
    const r = await cli(['validate', fixture('odd-headers.csv'), '--json', '--data-dir', data])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout).constants).toEqual({
      vat: '25',
      days_until_due: '10',
      payment_product_type: 'b2c',
    })
    expect(statSync(dbFile).mtimeMs).toBe(before)
    const ignored = await cli([
      'validate',
      fixture('odd-headers.csv'),
      '--json',
      '--no-remembered',
      '--data-dir',
      data,
    ])
    expect(ignored.code).toBe(1)
    expect(JSON.parse(ignored.stdout).errors[0].code).toBe('field_not_mapped')
  })

  it('refuses a reference already invoiced in the same environment and account', async () => {
    const data = join(dir, 'invoiced')
    const db = openAppDb(data)
    const headers = readFileSync(fixture('seed-nb.csv'), 'utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)[0]
      .split(';')
    const rows = readFileSync(fixture('seed-nb.csv'), 'utf8')
      .split(/\r?\n/)
      .slice(1, 2)
      .map((l, i) => ({ line: i + 2, cells: l.split(';') }))
    const v = validateRows(headers, rows, { columns: suggestMapping(headers, rows).columns })
    expect(v.invoices).toHaveLength(1)
    createBatch(db, {
      source: { name: 'seed-nb.csv', sha256: 'x' },
      mapping: {},
      settings: {
        rate: 5,
        concurrency: 2,
        toggle: 'strict-success-merchant-reference',
        canary: null,
        transientTries: 8,
        backoffBaseMs: 10,
        backoffMaxMs: 100,
      },
      env: 'sandbox',
      account: 'T12345678',
      baseUrl: 'http://127.0.0.1:1',
      invoices: v.invoices,
    })
    db.prepare(`UPDATE invoices SET state = 'authorized'`).run()
    db.close()
    const r = await cli(['validate', fixture('seed-nb.csv'), '--json', '--data-dir', data])
    expect(r.code).toBe(1)
    const out = JSON.parse(r.stdout)
    expect(out.errors).toHaveLength(1)
    expect(out.errors[0]).toMatchObject({
      code: 'already_invoiced',
      rows: [2],
      value: v.invoices[0].merchant_reference,
    })
    const other = await cli([
      'validate',
      fixture('seed-nb.csv'),
      '--json',
      '--data-dir',
      data,
      '--env',
      'test',
      '--account',
      'T12345678',
    ])
    expect(other.code).toBe(0)
  })
})
