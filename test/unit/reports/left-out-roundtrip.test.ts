import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import type { Db } from '../../../src/main/db/open'
import { freezeBatch, toBatchInvoice } from '../../../src/main/journal/freeze-validated'
import { readTable, type SourceRow } from '../../../src/main/import'
import { type ValidationResult, validateFile } from '../../../src/main/invoice'
import type { ColumnIndexes } from '../../../src/main/invoice/field-sources'
import { ValidationSession } from '../../../src/main/invoice/validate'
import { exportBatch } from '../../../src/main/reports/export'
import { countFailedForExport } from '../../../src/main/reports/failed-rows'
import { createBatch } from '../../../src/main/journal/freeze'
import { findInvoicedReferences } from '../../../src/main/journal/invoiced'
import { getInvoiceByReference } from '../../../src/main/journal/reads'
import { listLeftOut } from '../../../src/main/journal/left-out'
import { leftOutLineNumbers, readSourceLines } from '../../../src/main/journal/left-out-source'
import { CANONICAL_FIELDS, type CanonicalField } from '../../../src/shared/canonical'
import { batchInput, payRequest, tempDb } from '../../support/journal-fixtures'
import { setInvoiceState } from '../../../src/main/journal/invoice-state'

let t: ReturnType<typeof tempDb>
afterEach(() => t?.close())

const HEAD =
  'Fakturanr;Kundetype;Forfall;Fornavn;Etternavn;Firma;Org.nr;E-post;Telefon;Adresse;Postnr;Poststed;Beskrivelse;Antall;Pris;MVA-sats'
/** A month's sheet: one good invoice, one with a typo in the email (two lines), one without a description, a row without a reference, one invoiced last month. */
const SOURCE = [
  HEAD,
  'A-1;Bedrift;14;Kari;Nordmann;Fjordkraft Rør AS;923 609 016;kari@fjordror.no;90011223;Storgata 1;151;Oslo;Rørleggertime;2;1 250,00;25',
  'B-2;Privat;14;Eva;Berg;;;eva.berg(at)example.no;41234567;Havnegata 3;9008;Tromsø;Kurs – høst;1;1 200,50;25',
  'B-2;;;;;;;;;;;;=Materiell;3;19,90;15',
  'C-3;Privat;14;Per;Ås;;;per.as@example.no;48000000;Kirkeveien 12;7030;Trondheim;;1;500,00;25',
  ';Privat;14;Ole;Uten;;;ole@example.no;48000001;Vei 1;7030;Trondheim;Uten referanse;1;100,00;25',
  'D-4;Privat;14;Ida;Før;;;ida@example.no;48000002;Vei 2;0151;Oslo;Allerede sendt;1;300,00;25',
].join('\r\n')

const SCOPE = { env: 'sandbox' as const, account: 'T12345678' }

/** D-4 went out in an earlier batch of the same environment and account. */
function invoicedBefore(db: Db): void {
  const b = createBatch(
    db,
    batchInput([{ merchant_reference: 'D-4', rows: [2], request: payRequest('D-4') }]),
  )
  const id = getInvoiceByReference(db, b, 'D-4')!.id
  setInvoiceState(db, id, 'sending')
  setInvoiceState(db, id, 'authorized')
}

const lookup = (db: Db) => (refs: readonly string[]) =>
  findInvoicedReferences(db, SCOPE.env, SCOPE.account, refs)

/** What submit --skip-invalid does: validate, read the invoices' lines back, freeze the batch. */
async function submitSkippingInvalid(db: Db, file: string) {
  const v = await validateFile(file, {
    invoicedLookup: lookup(db),
    invoicedScope: 'sandbox, account T12345678',
  })
  const lines = leftOutLineNumbers(v.result)
  for (const inv of v.result.invoices) for (const l of inv.rows) lines.add(l)
  const rows = await readSourceLines(file, {}, lines, v.info.sha256)
  const { invoices: _none, ...batch } = batchInput([])
  const batchId = freezeBatch(db, {
    ...batch,
    result: v.result,
    plan: v.session.plan,
    rowAt: (l) => rows.get(l),
  })
  return { batchId, result: v.result }
}

/** The exported file read back by the real reader and validated with its canonical headers. */
async function reimport(db: Db, file: string): Promise<ValidationResult> {
  const rows: SourceRow[] = []
  const res = await readTable(file, {}, (chunk) => {
    rows.push(...chunk)
  })
  expect(res.issues.filter((i) => i.severity === 'error')).toEqual([])
  expect(res.info.headers).toEqual([...CANONICAL_FIELDS, 'error'])
  const columns: ColumnIndexes = {}
  res.info.headers.forEach((h, i) => {
    if ((CANONICAL_FIELDS as readonly string[]).includes(h)) columns[h as CanonicalField] = i
  })
  const s = new ValidationSession(res.info.headers, {
    columns,
    decimalCommaHint: res.info.decimalCommaHint,
    invoicedLookup: lookup(db),
  })
  s.addRows(rows)
  return s.finish()
}

const codesOf = (r: ValidationResult) =>
  Object.fromEntries(r.invalid.map((i) => [i.merchant_reference, i.errors.map((e) => e.code)]))

function fixXlsxCell(file: string, from: string, to: string): void {
  const wb = XLSX.read(readFileSync(file))
  const ws = wb.Sheets[wb.SheetNames[0]]
  let hits = 0
  for (const [addr, cell] of Object.entries(ws)) {
    if (addr.startsWith('!')) continue
    const c = cell as XLSX.CellObject
    if (c.v === from) {
      c.v = to
      c.w = to
      hits++
    }
  }
  expect(hits).toBe(1)
  writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }))
}

describe('left-out invoices in the batch and its failed-rows export', () => {
  it('are stored with their reason, errors and the values the user typed', async () => {
    t = tempDb()
    invoicedBefore(t.db)
    const src = join(t.dir, 'mars.csv')
    writeFileSync(src, SOURCE)
    const { batchId, result } = await submitSkippingInvalid(t.db, src)
    expect(result.invoices.map((i) => i.merchant_reference)).toEqual(['A-1'])

    const left = listLeftOut(t.db, batchId)
    expect(left.map((l) => [l.merchant_reference, l.reason, l.rows])).toEqual([
      ['B-2', 'invalid', [3, 4]],
      ['C-3', 'invalid', [5]],
      ['', 'invalid', [6]],
      ['D-4', 'already_invoiced', [7]],
    ])
    const b = left[0]
    expect(b.issues.map((i) => i.code)).toEqual(['email_invalid'])
    expect(b.issues[0]).toMatchObject({
      rows: [3],
      column: 'E-post',
      field: 'email',
      value: 'eva.berg(at)example.no',
    })
    expect(b.error).toContain('eva.berg(at)example.no')
    expect(b.error_nb).toBe(b.issues[0].message_nb)
    // What the user typed, under the canonical names: not the parsed or normalised value.
    expect(b.lines).toEqual([
      {
        merchant_reference: 'B-2',
        payment_product_type: 'Privat',
        days_until_due: '14',
        first_name: 'Eva',
        last_name: 'Berg',
        email: 'eva.berg(at)example.no',
        phone_number: '41234567',
        address_line: 'Havnegata 3',
        postal_code: '9008',
        postal_place: 'Tromsø',
        description: 'Kurs – høst',
        quantity: '1',
        unit_price: '1 200,50',
        vat: '25',
      },
      { merchant_reference: 'B-2', description: '=Materiell', quantity: '3', unit_price: '19,90', vat: '15' },
    ])
    expect(left[3].error).toMatch(/already/i)
    expect(left[2].issues.map((i) => i.code)).toEqual(['reference_missing'])
    expect(left[2].lines[0]).toMatchObject({ first_name: 'Ole', description: 'Uten referanse' })
    // Left-out invoices are something to fix: the app offers "fix and retry" for them.
    expect(countFailedForExport(t.db, batchId)).toBe(4)
  })

  it.each([
    ['csv', ';'],
    ['csv', ','],
    ['xlsx', ';'],
  ] as const)(
    'export as %s (%s) re-imports with the same errors, and validates once the value is fixed',
    async (format, delimiter) => {
      t = tempDb()
      invoicedBefore(t.db)
      const src = join(t.dir, 'mars.csv')
      writeFileSync(src, SOURCE)
      const { batchId } = await submitSkippingInvalid(t.db, src)
      const out = join(t.dir, `failed.${format}`)
      const res = await exportBatch(t.db, batchId, { format, file: out, failedOnly: true, delimiter })
      expect(res.rows).toBe(5) // B-2 has two lines

      const again = await reimport(t.db, out)
      expect(again.invoices).toEqual([])
      expect(codesOf(again)).toEqual({
        'B-2': ['email_invalid'],
        'C-3': ['missing_value'],
        'D-4': ['already_invoiced'],
      })
      expect(again.errors.filter((e) => e.code === 'reference_missing').map((e) => e.rows)).toHaveLength(1)

      // The user fixes the email in the exported file; the invoice is then the one the sheet meant.
      if (format === 'csv') {
        writeFileSync(out, readFileSync(out, 'utf8').replace('eva.berg(at)example.no', 'eva.berg@example.no'))
      } else fixXlsxCell(out, 'eva.berg(at)example.no', 'eva.berg@example.no')
      const fixed = await reimport(t.db, out)
      expect(fixed.invoices.map((i) => i.merchant_reference)).toEqual(['B-2'])

      const direct = join(t.dir, 'mars-fixed.csv')
      writeFileSync(direct, SOURCE.replace('eva.berg(at)example.no', 'eva.berg@example.no'))
      const want = (await validateFile(direct, {})).result.invoices.find(
        (i) => i.merchant_reference === 'B-2',
      )!
      expect(fixed.invoices[0].request).toEqual(want.request)
      expect(want.request.session.order.amount).toBe(1200_50 + 3 * 19_90)
      expect(want.request.session.order.items[1].description).toBe('=Materiell')
    },
  )

  it('freezes no batch when every invoice is left out, and says so in words', async () => {
    t = tempDb()
    const src = join(t.dir, 'alle-feil.csv')
    writeFileSync(src, [HEAD, SOURCE.split('\r\n')[2]].join('\r\n'), 'utf8')
    const v = await validateFile(src, {})
    expect(v.result.invoices).toHaveLength(0)
    const { invoices: _none, ...batch } = batchInput([])
    expect(() =>
      freezeBatch(t.db, { ...batch, result: v.result, plan: v.session.plan, rowAt: () => undefined }),
    ).toThrow('There are no valid invoices to send.')
    expect(t.db.prepare('SELECT count(*) AS n FROM batches').get()).toEqual({ n: 0 })
  })

  it('a follow-up batch that takes a left-out invoice up again removes it from the parent’s export', async () => {
    t = tempDb()
    invoicedBefore(t.db)
    const src = join(t.dir, 'mars.csv')
    writeFileSync(src, SOURCE)
    const { batchId } = await submitSkippingInvalid(t.db, src)
    const fixedFile = join(t.dir, 'fixed.csv')
    writeFileSync(
      fixedFile,
      [HEAD, SOURCE.split('\r\n')[2].replace('(at)', '@'), SOURCE.split('\r\n')[3]].join('\n'),
    )
    const v = await validateFile(fixedFile, {})
    expect(v.result.invoices).toHaveLength(1)
    const follow = createBatch(
      t.db,
      batchInput(v.result.invoices.map(toBatchInvoice), {}, 'sandbox', { parentBatchId: batchId }),
    )
    expect(listLeftOut(t.db, batchId).find((l) => l.merchant_reference === 'B-2')?.superseded_by).toBe(follow)
    expect(listLeftOut(t.db, batchId, { toFix: true }).map((l) => l.merchant_reference)).toEqual([
      'C-3',
      '',
      'D-4',
    ])
    expect(countFailedForExport(t.db, batchId)).toBe(3)
    const out = join(t.dir, 'parent-failed.csv')
    expect((await exportBatch(t.db, batchId, { format: 'csv', file: out, failedOnly: true })).rows).toBe(3)
    expect(readFileSync(out, 'utf8')).not.toContain('B-2')
  })

  it('keeps numeric and percent cells of a workbook as numbers (written in the export’s decimal style)', async () => {
    t = tempDb()
    const ws = XLSX.utils.aoa_to_sheet([
      [
        'Fakturanr',
        'Kundetype',
        'Forfall',
        'Fornavn',
        'Etternavn',
        'E-post',
        'Telefon',
        'Adresse',
        'Postnr',
        'Poststed',
        'Beskrivelse',
        'Antall',
        'Pris',
        'MVA-sats',
      ],
      [
        'X-1',
        'Privat',
        14,
        'Kari',
        'Nordmann',
        'kari@example.no',
        41234567,
        'Vei 1',
        5003,
        'Bergen',
        'Kurs',
        1,
        100,
        0.25,
      ],
      [
        'X-2',
        'Privat',
        14,
        'Eva',
        'Berg',
        'eva(at)example.no',
        41234568,
        'Vei 2',
        151,
        'Oslo',
        'Strøm',
        1000,
        0.125,
        0.25,
      ],
    ])
    for (const a of ['N2', 'N3']) ws[a].z = '0%'
    const wb = XLSX.utils.book_new()
    XLSX.utils.book_append_sheet(wb, ws, 'Fakturaer')
    const src = join(t.dir, 'april.xlsx')
    writeFileSync(src, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }))

    const { batchId } = await submitSkippingInvalid(t.db, src)
    const [x2] = listLeftOut(t.db, batchId)
    expect(x2.lines[0]).toMatchObject({
      days_until_due: 14,
      phone_number: '41234568',
      postal_code: '151',
      quantity: 1000,
      unit_price: 0.125,
      vat: 25,
    })
    const out = join(t.dir, 'failed.csv')
    await exportBatch(t.db, batchId, { format: 'csv', file: out, failedOnly: true, delimiter: ';' })
    expect(readFileSync(out, 'utf8')).toContain(';0,125;')
    writeFileSync(out, readFileSync(out, 'utf8').replace('eva(at)example.no', 'eva@example.no'))
    const fixed = await reimport(t.db, out)
    expect(fixed.errors).toEqual([])
    const order = fixed.invoices[0].request.session.order
    expect(order.amount).toBe(125_00)
    expect(order.billing_address.postal_code).toBe('0151')
    expect(order.items[0].vat).toBe(25)
  })
})
