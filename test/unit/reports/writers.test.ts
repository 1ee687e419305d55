import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Papa from 'papaparse'
import { afterAll, describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import { tableToCsv, writeCsvFile } from '../../../src/main/reports/csv'
import type { Table } from '../../../src/main/reports/table'
import { formatOre } from '../../../src/shared/money'
import { writeXlsxFile } from '../../../src/main/reports/xlsx'

const dir = mkdtempSync(join(tmpdir(), 'kb-reports-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const table: Table = {
  headers: ['merchant_reference', 'customer', 'organization_number', 'amount', 'quantity', 'kid', 'error'],
  rows: [
    ['INV-1', 'Åse Ødegård; "Bakeri", AS', '0123456789', { ore: 129950 }, 2.5, '300000019497814', null],
    ['=HYPERLINK("x")', '-Bjørn', '923456789', { ore: 5 }, 1, '0042', 'Line 1\nline 2'],
    ['-12,50', '+4799999999', '', { ore: 0 }, 3, '', ''],
  ],
}

describe('formatOre', () => {
  it('formats whole øre exactly for files, with either decimal separator and no grouping', () => {
    const dot = { decimal: '.', group: '' } as const
    expect(formatOre(129950, dot)).toBe('1299.50')
    expect(formatOre(5, { decimal: ',', group: '' })).toBe('0,05')
    expect(formatOre(-1, dot)).toBe('-0.01')
    expect(formatOre(0, dot)).toBe('0.00')
    expect(formatOre(900719925474099, dot)).toBe('9007199254740.99')
    expect(() => formatOre(1.5, dot)).toThrow()
  })
})

describe('CSV report', () => {
  it('writes a BOM, CRLF records, the chosen delimiter and decimal comma for ;', () => {
    const csv = tableToCsv(table, { delimiter: ';' })
    expect(csv.startsWith('\ufeffmerchant_reference;customer;')).toBe(true)
    expect(csv.split('\r\n')).toHaveLength(5) // header + 3 rows + empty after last CRLF
    expect(csv).toContain('INV-1;"Åse Ødegård; ""Bakeri"", AS";0123456789;1299,50;2,5;300000019497814;\r\n')
    expect(csv).toContain('"\'=HYPERLINK(""x"")";\'-Bjørn;923456789;0,05;1;0042;"Line 1\nline 2"\r\n')
    expect(csv).toContain('-12,50;+4799999999;;0,00;3;;\r\n')
  })

  it('uses a decimal point with , and parses back to the same texts', async () => {
    const file = join(dir, 'r.csv')
    const { bytes } = await writeCsvFile(file, table, { delimiter: ',' })
    const raw = readFileSync(file)
    expect(bytes).toBe(raw.length)
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = raw.toString('utf8')
    const parsed = Papa.parse<string[]>(text.slice(1), {
      delimiter: ',',
      newline: '\r\n',
      skipEmptyLines: true,
    })
    expect(parsed.data[1]).toEqual([
      'INV-1',
      'Åse Ødegård; "Bakeri", AS',
      '0123456789',
      '1299.50',
      '2.5',
      '300000019497814',
      '',
    ])
    expect(parsed.data[2][0]).toBe('\'=HYPERLINK("x")')
    expect(parsed.data[2][6]).toBe('Line 1\nline 2')
  })
})

describe('XLSX report', () => {
  it('writes text as string cells and amounts as 2-decimal number cells', async () => {
    const file = join(dir, 'r.xlsx')
    await writeXlsxFile(file, table)
    const wb = XLSX.read(readFileSync(file), { dense: true, cellNF: true })
    const ws = wb.Sheets[wb.SheetNames[0]]
    const cell = (a: string) => ws['!data']?.[XLSX.utils.decode_cell(a).r]?.[XLSX.utils.decode_cell(a).c]
    expect(cell('A1')).toMatchObject({ t: 's', v: 'merchant_reference' })
    expect(cell('C2')).toMatchObject({ t: 's', v: '0123456789' })
    expect(cell('D2')).toMatchObject({ t: 'n', v: 1299.5, z: '#,##0.00' })
    expect(cell('D3')).toMatchObject({ t: 'n', v: 0.05 })
    expect(cell('E2')).toMatchObject({ t: 'n', v: 2.5 })
    expect(cell('F2')).toMatchObject({ t: 's', v: '300000019497814' })
    expect(cell('F3')).toMatchObject({ t: 's', v: '0042' })
    // XLSX is not neutralised: a string cell is never run as a formula.
    expect(cell('A3')).toMatchObject({ t: 's', v: '=HYPERLINK("x")' })
    expect(cell('A3')?.f).toBeUndefined()
    expect(cell('C4')).toBeUndefined()
  })
})
