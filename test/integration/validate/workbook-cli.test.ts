import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import { osloToday } from '../../../src/main/invoice'
import { cli } from './cli'

const dir = mkdtempSync(join(tmpdir(), 'kb-validate-wb-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A workbook as people make them: a title block, typed numbers, a percent VAT cell, a date cell. */
function workbook(dueIso: string): string {
  const [y, m, d] = dueIso.split('-').map(Number)
  const serial = (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000
  const ws = XLSX.utils.aoa_to_sheet([
    ['Fakturaer november'],
    [],
    [
      'Fakturanr',
      'Kundetype',
      'Forfallsdato',
      'Fornavn',
      'Etternavn',
      'E-post',
      'Mobil',
      'Adresse',
      'Postnr',
      'Poststed',
      'Beskrivelse',
      'Antall',
      'Enhetspris',
      'Mva %',
    ],
    [
      1001,
      'Privat',
      serial,
      'Åse',
      'Ødegård',
      'ase@example.no',
      99999999,
      'Storgata 1',
      151,
      'Oslo',
      'Strøm',
      1000,
      0.125,
      0.25,
    ],
    [1001, null, null, null, null, null, null, null, null, null, 'Fastledd', 1, 49.5, 0.25],
  ])
  for (let r = 3; r <= 4; r++) {
    ws[XLSX.utils.encode_cell({ r, c: 13 })].z = '0%'
  }
  ws[XLSX.utils.encode_cell({ r: 3, c: 2 })].z = 'dd.mm.yyyy'
  const wb = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Notater']]), 'Notater')
  XLSX.utils.book_append_sheet(wb, ws, 'Fakturaer')
  const file = join(dir, 'typed.xlsx')
  writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer)
  return file
}

describe('validate: a typed workbook', () => {
  it('reads the chosen sheet below its title, typed cells, percent VAT and a due date counted in Oslo', async () => {
    const today = osloToday(new Date())
    const due = new Date(Date.parse(`${today}T12:00:00Z`) + 20 * 86_400_000).toISOString().slice(0, 10)
    const file = workbook(due)
    const r = await cli(['validate', file, '--sheet', 'Fakturaer', '--json', '--data-dir', join(dir, 'data')])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout)
    const req = out.invoices[0].request
    expect(out.invoices[0].rows).toEqual([4, 5])
    expect(req.payment).toEqual({
      payment_product_type: 'kravia.invoice_b2c',
      operation: 'invoice_payment',
      days_until_due: 20,
    })
    expect(req.session.order.items).toEqual([
      { description: 'Strøm', quantity: 1000, amount: 12500, vat: 25, line_id: '1' },
      { description: 'Fastledd', quantity: 1, amount: 4950, vat: 25, line_id: '2' },
    ])
    expect(req.session.order.billing_address).toMatchObject({
      phone_number: '+4799999999',
      postal_code: '0151',
      first_name: 'Åse',
    })
  })

  it('an unknown sheet → exit 2', async () => {
    const r = await cli([
      'validate',
      workbook('2099-01-01'),
      '--sheet',
      'Finnes ikke',
      '--data-dir',
      join(dir, 'data'),
    ])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^kravia-batch: /)
  })
})

describe('validate: ragged rows', () => {
  it('a row with too few cells makes its invoice invalid → exit 1', async () => {
    const file = join(dir, 'ragged.csv')
    writeFileSync(
      file,
      'merchant_reference;payment_product_type;days_until_due;first_name;last_name;email;phone_number;address_line;postal_code;postal_place;description;amount;vat\r\n' +
        'A1;b2c;14;Kari;N;k@x.no;99999999;Gata 1;0151;Oslo;Vare;100;25\r\n' +
        'A2;b2c;14;Ola;N;o@x.no;99999999;Gata 2;0151;Oslo;Vare\r\n',
    )
    const r = await cli(['validate', file, '--json', '--data-dir', join(dir, 'data')])
    expect(r.code).toBe(1)
    const out = JSON.parse(r.stdout)
    expect(out.invoices.map((i: { merchant_reference: string }) => i.merchant_reference)).toEqual(['A1'])
    expect(out.errors.map((e: { code: string }) => e.code)).toContain('ragged_row')
    expect(out.errors.find((e: { code: string }) => e.code === 'ragged_row').rows).toEqual([3])
  })
})
