import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import { afterEach, describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import { exportBatch } from '../../../src/main/reports/export'
import { FAILED_ROWS_HEADERS } from '../../../src/main/reports/failed-rows'
import { REPORT_HEADERS } from '../../../src/main/reports/report-rows'
import { createBatch } from '../../../src/main/journal/freeze'
import { getInvoiceByReference } from '../../../src/main/journal/reads'
import { CANONICAL_FIELDS } from '../../../src/shared/canonical'
import type { PayRequest } from '../../../src/shared/kravia'
import { batchInput, payRequest, tempDb } from '../../support/journal-fixtures'
import { setInvoiceState } from '../../../src/main/journal/invoice-state'

let t: ReturnType<typeof tempDb>
afterEach(() => t?.close())

function twoLines(ref: string): PayRequest {
  const r = payRequest(ref, 1500_50)
  r.session.order.items = [
    {
      line_id: '1',
      id: 'SKU-9',
      description: 'Rådgivning, "senior"',
      quantity: 2.5,
      amount: 1250_00,
      vat: 25,
    },
    { line_id: '2', description: '=Reise', quantity: 1, amount: 250_50, vat: 12 },
  ]
  r.session.order.billing_address.phone_number = '+4791234567'
  return r
}

/** A batch with one invoice in each interesting state. */
function journal() {
  t = tempDb()
  const list = [
    { merchant_reference: 'OK-1', rows: [2], request: payRequest('OK-1', 125_00) },
    { merchant_reference: 'FAIL-2', rows: [3, 4], request: twoLines('FAIL-2') },
    {
      merchant_reference: 'UNK-3',
      rows: [5],
      request: payRequest('UNK-3', 99_90, { invoice_channel: 'merchant' }),
    },
    { merchant_reference: 'PART-4', rows: [6], request: payRequest('PART-4', 1000_00) },
  ]
  const b = createBatch(t.db, batchInput(list))
  const id = (ref: string) => getInvoiceByReference(t.db, b, ref)!.id
  setInvoiceState(t.db, id('OK-1'), 'sending')
  setInvoiceState(t.db, id('OK-1'), 'authorized', {
    transaction_id: 'T12345678.abc',
    transaction_status: 'AUTHORIZED',
    invoice_number: 'INV-2026-000001',
    invoice_url: 'https://checkout.dintero.com/transaction-attachments/x.pdf',
    kid: '000000019497814',
    account_bban: '15063092174',
    kravia_due_date: '2026-12-09',
  })
  setInvoiceState(t.db, id('FAIL-2'), 'sending')
  setInvoiceState(t.db, id('FAIL-2'), 'failed', {
    error_code: 'INVALID_REQUEST',
    error_message: 'billing_address.email: is invalid',
  })
  setInvoiceState(t.db, id('UNK-3'), 'sending')
  setInvoiceState(t.db, id('UNK-3'), 'unknown', { lookup_reason: 'Two transactions have this reference.' })
  setInvoiceState(t.db, id('PART-4'), 'sending')
  setInvoiceState(t.db, id('PART-4'), 'part_paid', {
    transaction_id: 'T12345678.p4',
    transaction_status: 'PARTIALLY_CAPTURED',
  })
  setInvoiceState(t.db, id('PART-4'), 'voided')
  return b
}

describe('batch report, machine columns', () => {
  it('writes one CSV row per invoice with every column, formula-safe', async () => {
    const b = journal()
    const file = join(t.dir, 'report.csv')
    const r = await exportBatch(t.db, b, { format: 'csv', file, delimiter: ',', columns: 'machine' })
    expect(r.rows).toBe(4)
    const text = readFileSync(file, 'utf8')
    expect(text.charCodeAt(0)).toBe(0xfeff)
    expect(text.endsWith('\r\n')).toBe(true)
    const rows = Papa.parse<Record<string, string>>(text.slice(1), {
      header: true,
      skipEmptyLines: true,
    }).data
    expect(Object.keys(rows[0])).toEqual([...REPORT_HEADERS])
    expect(rows[0]).toMatchObject({
      source_rows: '2',
      merchant_reference: 'OK-1',
      customer: 'Firma OK-1 AS',
      organization_number: '974760673',
      amount: '125.00',
      vat_amount: '25.00',
      state: 'authorized',
      payment: 'unpaid',
      kid: '000000019497814',
      account: '15063092174',
      due_date: '2026-12-09',
      error: '',
    })
    expect(rows[1]).toMatchObject({ source_rows: '3, 4', state: 'failed', amount: '1500.50' })
    expect(rows[1].error).toBe('billing_address.email: is invalid (INVALID_REQUEST)')
    expect(rows[2]).toMatchObject({ state: 'unknown', error: 'Two transactions have this reference.' })
    expect(rows[3]).toMatchObject({ state: 'voided', payment: 'part paid, rest cancelled' })
  })

  it('writes XLSX with amounts as numbers and ids, org numbers and KID as text', async () => {
    const b = journal()
    const file = join(t.dir, 'report.xlsx')
    await exportBatch(t.db, b, { format: 'xlsx', file, columns: 'machine' })
    const wb = XLSX.read(readFileSync(file), { dense: true, cellNF: true })
    expect(wb.SheetNames).toEqual(['Invoices'])
    const data = wb.Sheets.Invoices['!data']!
    const col = (name: string) => REPORT_HEADERS.indexOf(name as (typeof REPORT_HEADERS)[number])
    expect(data[0].map((c) => c.v)).toEqual([...REPORT_HEADERS])
    expect(data[1][col('amount')]).toMatchObject({ t: 'n', v: 125, z: '#,##0.00' })
    expect(data[2][col('amount')]).toMatchObject({ t: 'n', v: 1500.5 })
    expect(data[1][col('kid')]).toMatchObject({ t: 's', v: '000000019497814' })
    expect(data[1][col('organization_number')]).toMatchObject({ t: 's', v: '974760673' })
    expect(data[1][col('account')]).toMatchObject({ t: 's', v: '15063092174' })
    expect(data[1][col('source_rows')]).toMatchObject({ t: 's', v: '2' })
  })
})

describe('failed rows export', () => {
  it('writes the template columns plus error, one row per line of failed and unknown invoices', async () => {
    const b = journal()
    const file = join(t.dir, 'failed.csv')
    const r = await exportBatch(t.db, b, { format: 'csv', file, failedOnly: true, delimiter: ';' })
    expect(r.rows).toBe(3) // FAIL-2 has two lines, UNK-3 one
    const text = readFileSync(file, 'utf8')
    const parsed = Papa.parse<string[]>(text.slice(1), { delimiter: ';', skipEmptyLines: true }).data
    expect(parsed[0]).toEqual([...CANONICAL_FIELDS, 'error'])
    expect(FAILED_ROWS_HEADERS).toEqual([...CANONICAL_FIELDS, 'error'])
    const rec = (i: number) => Object.fromEntries(parsed[0].map((h, j) => [h, parsed[i][j]]))
    expect(rec(1)).toMatchObject({
      merchant_reference: 'FAIL-2',
      payment_product_type: 'b2b',
      days_until_due: '14',
      invoice_channel: 'kravia',
      organization_number: '974760673',
      phone_number: '+4791234567',
      postal_code: '0155',
      line_id: '1',
      id: 'SKU-9',
      description: 'Rådgivning, "senior"',
      quantity: '2,5',
      unit_price: '',
      amount: '1250,00',
      vat: '25',
      currency: 'NOK',
      error: 'billing_address.email: is invalid (INVALID_REQUEST)',
    })
    expect(rec(2)).toMatchObject({
      merchant_reference: 'FAIL-2',
      line_id: '2',
      description: "'=Reise",
      amount: '250,50',
      vat: '12',
    })
    expect(rec(3)).toMatchObject({
      merchant_reference: 'UNK-3',
      invoice_channel: 'merchant',
      amount: '99,90',
    })
    expect(rec(3).error).toMatch(/^Outcome unknown: the invoice may already exist in Dintero\./)
  })

  it('leaves out invoices already fixed in a follow-up batch', async () => {
    const b = journal()
    createBatch(
      t.db,
      batchInput([{ merchant_reference: 'FAIL-2', rows: [2], request: twoLines('FAIL-2') }], {}, 'sandbox', {
        parentBatchId: b,
      }),
    )
    const file = join(t.dir, 'failed.xlsx')
    const r = await exportBatch(t.db, b, { format: 'xlsx', file, failedOnly: true })
    expect(r.rows).toBe(1)
    const wb = XLSX.read(readFileSync(file), { dense: true })
    const data = wb.Sheets.Failed['!data']!
    expect(data[1][0]).toMatchObject({ t: 's', v: 'UNK-3' })
    expect(data[1][CANONICAL_FIELDS.indexOf('amount')]).toMatchObject({ t: 'n', v: 99.9 })
    expect(data[1][CANONICAL_FIELDS.indexOf('postal_code')]).toMatchObject({ t: 's', v: '0155' })
    expect(data[1][CANONICAL_FIELDS.indexOf('days_until_due')]).toMatchObject({ t: 'n', v: 14 })
  })
})
