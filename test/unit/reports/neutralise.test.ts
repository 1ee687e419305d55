import * as XLSX from 'xlsx'
import { describe, expect, it } from 'vitest'
import {
  isE164Phone,
  isPlainNumber,
  neutraliseCsvCell,
  unneutraliseCsvCell,
} from '../../../src/main/import/neutralise'
import { tableToCsv } from '../../../src/main/reports/csv'
import { tableToXlsxBuffer } from '../../../src/main/reports/xlsx'

describe('CSV formula neutralising', () => {
  it.each([
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['=HYPERLINK("http://x","click")', '\'=HYPERLINK("http://x","click")'],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ['-2+3+cmd', "'-2+3+cmd"],
    ['@SUM(1)', "'@SUM(1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['-', "'-"],
    ['+', "'+"],
    ['- Strøm', "'- Strøm"],
    ['+47 999 99 999', "'+47 999 99 999"],
    ['-12,50 kr', "'-12,50 kr"],
    ['1+1', '1+1'],
    ['\n=1+1', "'\n=1+1"],
    ['\0=1+1', "'\0=1+1"],
    ['\uFF1DSUM(A1:A2)', "'\uFF1DSUM(A1:A2)"],
    ['\uFF0Bcmd', "'\uFF0Bcmd"],
    ['\uFF0D2+3', "'\uFF0D2+3"],
    ['\uFF20SUM(1)', "'\uFF20SUM(1)"],
    ["'\uFF1D1", "''\uFF1D1"],
  ])('prefixes %j', (input, output) => {
    expect(neutraliseCsvCell(input)).toBe(output)
  })

  it.each([
    '-12,50',
    '-1299.5',
    '-1299',
    '+12',
    '+0,5',
    '-1 299,50',
    '-1\u00a0299,50',
    '+4799999999',
    '+4712345',
    'Åse Ødegård',
    '0150',
    '923456789',
    '',
    "It's fine",
    'a=b',
  ])('leaves %j alone', (text) => {
    expect(neutraliseCsvCell(text)).toBe(text)
  })

  it('tells numbers and phones apart from formulas', () => {
    expect(isPlainNumber('-12,50')).toBe(true)
    expect(isPlainNumber('-1299.5')).toBe(true)
    expect(isPlainNumber('-12,50,1')).toBe(false)
    expect(isPlainNumber('-1E5')).toBe(false)
    expect(isPlainNumber('-0x10')).toBe(false)
    expect(isE164Phone('+4799999999')).toBe(true)
    expect(isE164Phone('+0799999999')).toBe(false)
    expect(isE164Phone('+1234567890123456')).toBe(false)
    expect(isE164Phone('4799999999')).toBe(false)
  })

  it('escapes text that already starts with apostrophes before a trigger, so one strip restores it', () => {
    expect(neutraliseCsvCell("'=1+1")).toBe("''=1+1")
    expect(neutraliseCsvCell("''-x")).toBe("'''-x")
    expect(neutraliseCsvCell("'plain")).toBe("'plain")
  })

  it('round-trips every string through the importer inverse', () => {
    const alphabet = [
      "'",
      '=',
      '+',
      '-',
      '@',
      '\t',
      '\r',
      '\n',
      '\0',
      '\uFF1D',
      '\uFF20',
      '1',
      ',',
      'a',
      ' ',
      'ø',
    ]
    // Every string up to length 4 over the characters that matter.
    let strings = ['']
    for (let len = 0; len < 4; len++) {
      const next: string[] = []
      for (const s of strings) for (const ch of alphabet) next.push(s + ch)
      strings = strings.concat(next.filter((s) => s.length === len + 1))
    }
    expect(strings.length).toBeGreaterThan(60_000)
    for (const s of strings) expect(unneutraliseCsvCell(neutraliseCsvCell(s))).toBe(s)
    expect(unneutraliseCsvCell("'quoted'")).toBe("'quoted'")
  })
})

describe('report files with formula-looking text', () => {
  const risky = ['=SUM(A1:A9)', '\n=1+1', '\0@SUM(1)', '\uFF1D1+1', '\uFF0Bcmd', '\uFF0D1', '\uFF20A1']
  const table = { headers: ['Customer'], rows: risky.map((r) => [r]) }

  it('CSV: every such cell is written with the apostrophe in front', () => {
    const csv = tableToCsv(table, { delimiter: ';' })
    for (const r of risky) expect(csv).toContain(`'${r}`)
  })

  it('XLSX: every such cell is typed text, never a formula, with the text unchanged', () => {
    const sheet = XLSX.read(tableToXlsxBuffer(table), { type: 'buffer' }).Sheets.Invoices
    risky.forEach((r, i) => {
      const cell = sheet[`A${i + 2}`] as XLSX.CellObject
      expect(cell.t).toBe('s')
      expect(cell.f).toBeUndefined()
      expect(cell.v).toBe(r)
    })
  })
})
