import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import { afterEach, describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import { exportBatch } from '../../../src/main/reports/export'
import { createBatch } from '../../../src/main/journal/freeze'
import { getInvoiceByReference } from '../../../src/main/journal/reads'
import type { PayRequest } from '../../../src/shared/kravia'
import { batchInput, payRequest, tempDb } from '../../support/journal-fixtures'
import { setInvoiceState } from '../../../src/main/journal/invoice-state'

let t: ReturnType<typeof tempDb>
afterEach(() => t?.close())

/** An invoice with the given lines (gross øre, VAT %) and its VAT worked out by hand. */
function invoice(ref: string, lines: [number, number][], vat: number, b2c = false): PayRequest {
  const total = lines.reduce((s, [a]) => s + a, 0)
  const r = payRequest(ref, total, b2c ? { payment_product_type: 'kravia.invoice_b2c' } : {})
  r.session.order.vat_amount = vat
  r.session.order.items = lines.map(([amount, rate], i) => ({
    line_id: String(i + 1),
    description: `Line ${i + 1}`,
    quantity: 1,
    amount,
    vat: rate,
  }))
  if (b2c) {
    delete r.session.order.billing_address.business_name
    delete r.session.order.billing_address.organization_number
  }
  return r
}

/**
 * Five invoices, figures by hand:
 * A-1 B2B 1 000,00 @25 % (VAT 200,00)                     paid in full, captured 30.11. 23:30 UTC (1.12. in Oslo)
 * B-2 B2C 500,00 @25 % (VAT 100,00) + 224,00 @12 % (24,00)  part-paid 300,00 on 2.12.
 * C-3 B2B 250,00 @25 % (VAT 50,00)                        invoiced, unpaid
 * D-4 B2B 400,00 @25 % (VAT 80,00)                        100,00 paid, rest voided
 * E-5 B2C 115,00 @15 % (VAT 15,00)                        failed (never invoiced)
 */
function journal() {
  t = tempDb()
  const list = [
    { merchant_reference: 'A-1', rows: [2], request: invoice('A-1', [[1000_00, 25]], 200_00) },
    {
      merchant_reference: 'B-2',
      rows: [3, 4],
      request: invoice(
        'B-2',
        [
          [500_00, 25],
          [224_00, 12],
        ],
        124_00,
        true,
      ),
    },
    { merchant_reference: 'C-3', rows: [5], request: invoice('C-3', [[250_00, 25]], 50_00) },
    { merchant_reference: 'D-4', rows: [6], request: invoice('D-4', [[400_00, 25]], 80_00) },
    { merchant_reference: 'E-5', rows: [7], request: invoice('E-5', [[115_00, 15]], 15_00, true) },
  ]
  const b = createBatch(
    t.db,
    batchInput(list, {}, 'test', { source: { name: 'november.xlsx', sha256: 'b'.repeat(64) } }),
  )
  const id = (ref: string) => getInvoiceByReference(t.db, b, ref)!.id
  const sent = new Date('2026-11-20T08:15:00Z')
  for (const ref of ['A-1', 'B-2', 'C-3', 'D-4', 'E-5']) setInvoiceState(t.db, id(ref), 'sending', {}, sent)
  t.db.prepare('UPDATE invoices SET first_sent_at = ? WHERE batch_id = ?').run(sent.toISOString(), b)
  const kravia = (n: number) => ({
    transaction_id: `T12345678.tx${n}`,
    invoice_number: `KRV-${n}`,
    invoice_url: `https://checkout.dintero.com/transaction-attachments/${n}.pdf`,
    invoice_date: '2026-11-20',
    kravia_due_date: '2026-12-04',
    kid: `00000001949781${n}`,
    account_iban: 'NO9386011117947',
  })
  setInvoiceState(t.db, id('A-1'), 'authorized', { ...kravia(1), transaction_status: 'AUTHORIZED' })
  setInvoiceState(t.db, id('A-1'), 'paid', {
    transaction_status: 'CAPTURED',
    paid_amount: 1000_00,
    paid_at: '2026-11-30T23:30:00.000Z',
  })
  setInvoiceState(t.db, id('B-2'), 'authorized', { ...kravia(2), transaction_status: 'AUTHORIZED' })
  setInvoiceState(t.db, id('B-2'), 'part_paid', {
    transaction_status: 'PARTIALLY_CAPTURED',
    paid_amount: 300_00,
    paid_at: '2026-12-02T10:00:00.000Z',
  })
  setInvoiceState(t.db, id('C-3'), 'authorized', { ...kravia(3), transaction_status: 'AUTHORIZED' })
  setInvoiceState(t.db, id('D-4'), 'authorized', { ...kravia(4), transaction_status: 'AUTHORIZED' })
  setInvoiceState(t.db, id('D-4'), 'part_paid', {
    transaction_status: 'PARTIALLY_CAPTURED',
    paid_amount: 100_00,
    paid_at: '2026-11-25T12:00:00.000Z',
  })
  setInvoiceState(t.db, id('D-4'), 'voided')
  setInvoiceState(t.db, id('E-5'), 'failed', {
    error_code: 'INVALID_REQUEST',
    error_message: 'billing_address.email: is invalid',
  })
  return b
}

function csvRecords(file: string, delimiter: string) {
  const text = readFileSync(file, 'utf8')
  expect(text.charCodeAt(0)).toBe(0xfeff)
  const rows = Papa.parse<string[]>(text.slice(1), { delimiter, skipEmptyLines: true }).data
  return {
    header: rows[0],
    records: rows.slice(1).map((r) => Object.fromEntries(rows[0].map((h, i) => [h, r[i]]))),
  }
}

describe('the accountant report (CSV)', () => {
  it('has every column in bokmål, statuses and customer types in words, local dates', async () => {
    const b = journal()
    const file = join(t.dir, 'rapport.csv')
    const r = await exportBatch(t.db, b, { format: 'csv', file, delimiter: ';' })
    expect(r.rows).toBe(5)
    const { header, records } = csvRecords(file, ';')
    expect(header).toEqual([
      'Fakturanr.',
      'Kunde',
      'Org.nr.',
      'E-post',
      'Kundetype',
      'Beløp eks. mva',
      'Mva',
      'Beløp inkl. mva',
      'Status',
      'Betalt beløp',
      'Betalt dato',
      'Utestående',
      'Fakturadato',
      'Forfallsdato',
      'KID',
      'Kravia-fakturanr.',
      'Konto (IBAN)',
      'Transaksjon',
      'Lenke',
      'Feil',
    ])
    expect(records).toHaveLength(5) // one header row, no totals row in CSV
    expect(records[0]).toEqual({
      'Fakturanr.': 'A-1',
      Kunde: 'Firma A-1 AS',
      'Org.nr.': '974760673',
      'E-post': 'post+a-1@example.no',
      Kundetype: 'Bedrift',
      'Beløp eks. mva': '800,00',
      Mva: '200,00',
      'Beløp inkl. mva': '1000,00',
      Status: 'Betalt',
      'Betalt beløp': '1000,00',
      'Betalt dato': '2026-12-01',
      Utestående: '0,00',
      Fakturadato: '2026-11-20',
      Forfallsdato: '2026-12-04',
      KID: '000000019497811',
      'Kravia-fakturanr.': 'KRV-1',
      'Konto (IBAN)': 'NO9386011117947',
      Transaksjon: 'T12345678.tx1',
      Lenke: 'https://checkout.dintero.com/transaction-attachments/1.pdf',
      Feil: '',
    })
    expect(records[1]).toMatchObject({
      Kundetype: 'Privat',
      'Org.nr.': '',
      'Beløp eks. mva': '600,00',
      Mva: '124,00',
      'Beløp inkl. mva': '724,00',
      Status: 'Delvis betalt',
      'Betalt beløp': '300,00',
      'Betalt dato': '2026-12-02',
      Utestående: '424,00',
    })
    expect(records[2]).toMatchObject({
      Status: 'Fakturert',
      'Betalt beløp': '0,00',
      Utestående: '250,00',
      'Betalt dato': '',
    })
    expect(records[3]).toMatchObject({
      Status: 'Delvis betalt, rest kansellert',
      'Betalt beløp': '100,00',
      Utestående: '0,00',
    })
    expect(records[4]).toMatchObject({
      Status: 'Feilet',
      'Betalt beløp': '',
      Utestående: '',
      'Beløp eks. mva': '100,00',
      Feil: 'billing_address.email: is invalid (INVALID_REQUEST)',
    })
  })

  it('speaks English with --lang en', async () => {
    const b = journal()
    const file = join(t.dir, 'report.csv')
    await exportBatch(t.db, b, { format: 'csv', file, delimiter: ',', lang: 'en' })
    const { header, records } = csvRecords(file, ',')
    expect(header).toEqual([
      'Invoice no.',
      'Customer',
      'Org. no.',
      'Email',
      'Customer type',
      'Amount excl. VAT',
      'VAT',
      'Amount incl. VAT',
      'Status',
      'Amount paid',
      'Date paid',
      'Outstanding',
      'Invoice date',
      'Due date',
      'KID',
      'Kravia invoice no.',
      'Account (IBAN)',
      'Transaction',
      'Link',
      'Error',
    ])
    expect(records.map((r) => r.Status)).toEqual([
      'Paid',
      'Part-paid',
      'Invoiced',
      'Part-paid, rest voided',
      'Failed',
    ])
    expect(records.map((r) => r['Customer type'])).toEqual([
      'Business',
      'Private',
      'Business',
      'Business',
      'Private',
    ])
    expect(records[1]).toMatchObject({ 'Amount excl. VAT': '600.00', VAT: '124.00', 'Amount paid': '300.00' })
  })

  it('keeps the machine columns and raw values with columns: machine', async () => {
    const b = journal()
    const file = join(t.dir, 'machine.csv')
    await exportBatch(t.db, b, { format: 'csv', file, delimiter: ',', columns: 'machine' })
    const { header, records } = csvRecords(file, ',')
    expect(header.slice(0, 3)).toEqual(['source_rows', 'merchant_reference', 'customer'])
    expect(records[0]).toMatchObject({ state: 'paid', product_type: 'kravia.invoice_b2b', amount: '1000.00' })
  })
})

type Ws = XLSX.WorkSheet
const at = (ws: Ws, a: string) => {
  const { r, c } = XLSX.utils.decode_cell(a)
  return ws['!data']?.[r]?.[c]
}

/** The sheet's values row by row, blank rows as empty arrays (a dense sheet leaves holes). */
const values = (ws: Ws) => Array.from(ws['!data'] ?? [], (r) => Array.from(r ?? [], (c) => c?.v ?? null))

describe('the accountant report (XLSX)', () => {
  async function workbook(lang: 'nb' | 'en') {
    const b = journal()
    const file = join(t.dir, `rapport-${lang}.xlsx`)
    await exportBatch(t.db, b, { format: 'xlsx', file, lang })
    const buf = readFileSync(file)
    return { b, buf, wb: XLSX.read(buf, { dense: true, cellNF: true, cellStyles: true }) }
  }

  it('puts the invoice sheet first: header in row 1, dates as dates, amounts as kroner, a totals row', async () => {
    const { wb } = await workbook('nb')
    expect(wb.SheetNames).toEqual(['Fakturaer', 'Sammendrag'])
    const ws = wb.Sheets.Fakturaer
    expect(at(ws, 'A1')).toMatchObject({ v: 'Fakturanr.' })
    expect(at(ws, 'T1')).toMatchObject({ v: 'Feil' })
    // net, VAT, gross, paid, outstanding as numbers in kroner with the money format.
    for (const [a, v] of [
      ['F2', 800],
      ['G2', 200],
      ['H2', 1000],
      ['J2', 1000],
      ['L2', 0],
    ] as const) {
      expect(at(ws, a)).toMatchObject({ t: 'n', v, z: '#,##0.00' })
    }
    // Dates: serial numbers with a Norwegian date format, the capture's day in Oslo.
    expect(at(ws, 'K2')).toMatchObject({ t: 'n', v: 46357, z: 'dd\\.mm\\.yyyy' }) // 2026-12-01
    expect(at(ws, 'M2')).toMatchObject({ t: 'n', v: 46346 }) // 2026-11-20
    expect(at(ws, 'N2')).toMatchObject({ t: 'n', v: 46360 }) // 2026-12-04
    expect(XLSX.SSF.format(at(ws, 'K2')?.z as string, 46357)).toBe('01.12.2026')
    expect(at(ws, 'O2')).toMatchObject({ t: 's', v: '000000019497811' })
    // Totals row after the five invoices: 1000 + 724 + 250 + 400 + 115 = 2489,00 gross.
    expect(at(ws, 'A7')).toMatchObject({ v: 'Sum' })
    expect(at(ws, 'B7')).toMatchObject({ v: '5 fakturaer' })
    expect(at(ws, 'F7')).toMatchObject({ t: 'n', v: 2020, z: '#,##0.00' }) // 800+600+200+320+100
    expect(at(ws, 'G7')).toMatchObject({ t: 'n', v: 469 }) // 200+124+50+80+15
    expect(at(ws, 'H7')).toMatchObject({ t: 'n', v: 2489 })
    expect(at(ws, 'J7')).toMatchObject({ t: 'n', v: 1400 }) // 1000+300+0+100
    expect(at(ws, 'L7')).toMatchObject({ t: 'n', v: 674 }) // 0+424+250+0
    expect(ws['!ref']).toBe('A1:T7')
    expect(ws['!autofilter']).toEqual({ ref: 'A1:T6' })
    expect(ws['!cols']?.[1]).toMatchObject({ wch: 28 })
  })

  it('freezes the header row of the invoice sheet', async () => {
    const { buf } = await workbook('nb')
    const zip = XLSX.CFB.read(buf, { type: 'buffer' })
    const xml = Buffer.from(XLSX.CFB.find(zip, '/xl/worksheets/sheet1.xml')!.content as Uint8Array).toString()
    expect(xml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>')
  })

  it('sums the batch on "Sammendrag": status, VAT rate, customer type, paid against outstanding', async () => {
    const { b, wb } = await workbook('nb')
    const rows = values(wb.Sheets.Sammendrag)
    const label = (text: string) => rows.findIndex((r) => r[0] === text)
    expect(rows[0][0]).toBe('Sammendrag')
    expect(rows[1]).toEqual(['Kjøring', b])
    expect(rows[2]).toEqual(['Fil', 'november.xlsx'])
    expect(rows[3]).toEqual(['Miljø', 'Test'])
    expect(rows[4]).toEqual(['Konto', 'T12345678'])
    expect(rows[5][0]).toBe('Sendt')
    expect(XLSX.SSF.format(wb.Sheets.Sammendrag['!data']![5][1].z as string, rows[5][1])).toBe(
      '20.11.2026 09:15',
    )

    const s = label('Per status')
    expect(rows[s]).toEqual(['Per status', 'Antall', 'Beløp eks. mva', 'Mva', 'Beløp inkl. mva'])
    expect(rows.slice(s + 1, s + 7)).toEqual([
      ['Betalt', 1, 800, 200, 1000],
      ['Delvis betalt', 1, 600, 124, 724],
      ['Delvis betalt, rest kansellert', 1, 320, 80, 400],
      ['Fakturert', 1, 200, 50, 250],
      ['Feilet', 1, 100, 15, 115],
      ['Sum', 5, 2020, 469, 2489],
    ])
    // By VAT rate over the four invoices created (E-5 failed): 25 % = 1000+500+250+400, 12 % = 224.
    const v = label('Per mva-sats (opprettede fakturaer)')
    expect(rows.slice(v + 1, v + 4)).toEqual([
      ['25 %', 4, 1720, 430, 2150],
      ['12 %', 1, 200, 24, 224],
      ['Sum', 5, 1920, 454, 2374],
    ])
    const k = label('Per kundetype (opprettede fakturaer)')
    expect(rows.slice(k + 1, k + 4)).toEqual([
      ['Bedrift', 3, 1320, 330, 1650],
      ['Privat', 1, 600, 124, 724],
      ['Sum', 4, 1920, 454, 2374],
    ])
    const p = label('Betalt og utestående')
    // Created 2374 = paid 1400 + outstanding 674 + voided unpaid 300.
    expect(rows.slice(p, p + 5)).toEqual([
      ['Betalt og utestående', 'Beløp'],
      ['Opprettede fakturaer', 2374],
      ['Betalt', 1400],
      ['Utestående', 674],
      ['Kansellert (ikke betalt)', 300],
    ])
    // Every amount on the summary is a number with the money format; counts are plain numbers.
    const data = wb.Sheets.Sammendrag['!data']!
    const blockRows = [s, v, k].flatMap((start) => [1, 2, 3].map((i) => start + i))
    for (const r of blockRows) {
      expect(data[r][1]).toMatchObject({ t: 'n', z: 'General' })
      for (const c of [2, 3, 4]) expect(data[r][c]).toMatchObject({ t: 'n', z: '#,##0.00' })
    }
    for (const r of [p + 1, p + 2, p + 3, p + 4]) expect(data[r][1]).toMatchObject({ t: 'n', z: '#,##0.00' })
  })

  it('is all English with lang en', async () => {
    const { wb } = await workbook('en')
    expect(wb.SheetNames).toEqual(['Invoices', 'Summary'])
    const rows = values(wb.Sheets.Summary)
    expect(rows.map((r) => r[0])).toEqual(
      expect.arrayContaining([
        'Summary',
        'Batch',
        'Environment',
        'By status',
        'Paid',
        'Part-paid, rest voided',
        'By VAT rate (invoices created)',
        'By customer type (invoices created)',
        'Business',
        'Private',
        'Paid and outstanding',
        'Outstanding',
        'Voided (unpaid part)',
      ]),
    )
    expect(at(wb.Sheets.Invoices, 'K2')).toMatchObject({ z: 'yyyy-mm-dd' })
    expect(at(wb.Sheets.Invoices, 'A7')).toMatchObject({ v: 'Total' })
  })
})
