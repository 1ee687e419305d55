import { describe, expect, it } from 'vitest'
import { decimalCommaHint, detectDelimiter, detectNewline, sepLine } from '../../../src/main/import/delimiter'
import { detectHeaderIndex } from '../../../src/main/import/header-row'
import { sniffContainer } from '../../../src/main/import/detect'
import { bomEncoding, bomlessUtf16, looksBinary } from '../../../src/main/import/decode'

describe('detectDelimiter', () => {
  const cases: [string, string, string][] = [
    ['; with decimal commas in every row', 'navn;pris;mva\nOla;1,50;25\nKari;2,50;25\n', ';'],
    ['two-column ; with decimal commas (PapaParse #1042)', 'navn;beløp\nOla;1,5\nKari;2,5\nPer;3,75\n', ';'],
    ['; with thousands and scientific numbers', 'a;b\n1.234,56;5,58E+12\n7,5;1,0\n', ';'],
    ['comma with quoted commas and semicolons', 'a,b,c\n"x, y",1,"p;q"\n"z",2,"r;s"\n', ','],
    ['tab (Excel Unicode text)', 'a\tb\tc\n1,5\t2\t3\n', '\t'],
    ['pipe', 'a|b\n1|2\n', '|'],
    ['quoted line breaks do not confuse it', 'a;b\n"line\none, two";3\n"x";4\n', ';'],
  ]
  for (const [name, text, expected] of cases) {
    it(name, () => expect(detectDelimiter(text, ',', true)).toBe(expected))
  }
  it('falls back for a one-column file', () =>
    expect(detectDelimiter('navn\nOla\nKari\n', '\t', true)).toBe('\t'))
})

describe('line breaks, sep= and hints', () => {
  it('finds the first line break outside quotes', () => {
    expect(detectNewline('a;"x\ny"\r\nb')).toBe('\r\n')
    expect(detectNewline('a\nb')).toBe('\n')
    expect(detectNewline('a\rb')).toBe('\r')
  })
  it("reads Excel's sep= line", () => {
    expect(sepLine('sep=;\r\na;b')).toEqual({ delimiter: ';', length: 7 })
    expect(sepLine('SEP=|\na|b')).toEqual({ delimiter: '|', length: 6 })
    expect(sepLine('separator;x\n')).toBeUndefined()
  })
  it('hints decimal comma for ; files and tab files full of them', () => {
    expect(decimalCommaHint('a;b\n1.5;2\n', ';')).toBe(true)
    expect(decimalCommaHint('a\tb\n1,5\t1 299,50\n', '\t')).toBe(true)
    expect(decimalCommaHint('a\tb\n1.5\t2.25\n', '\t')).toBe(false)
    expect(decimalCommaHint('a,b\n"1,5",2\n', ',')).toBe(false)
  })
})

describe('detectHeaderIndex', () => {
  it('skips a title block', () => {
    const rows = [
      ['Fakturaliste november 2026', null, null, null],
      ['Firma AS', 'Org.nr', '923609016', null],
      ['Fakturanr', 'Navn', 'Beløp', 'MVA'],
      ['1', 'Ola', '10', '25'],
    ]
    expect(detectHeaderIndex(rows)).toBe(2)
  })
  it('takes the first row of a plain table, even a narrow one', () => {
    expect(
      detectHeaderIndex([
        ['a', 'b'],
        ['1', '2'],
      ]),
    ).toBe(0)
    expect(detectHeaderIndex([['Navn'], ['Ola']])).toBe(0)
  })
  it('does not take a row of numbers for the header', () => {
    const rows = [['Rapport'], [{ n: 1 }, { n: 2 }, { n: 3 }], ['x', 'y', 'z'], ['1', '2', '3']]
    expect(detectHeaderIndex(rows)).toBe(2)
  })
})

describe('content sniffing', () => {
  it('tells zip, OLE2 and text apart', () => {
    expect(sniffContainer(Buffer.from('PK\x03\x04rest', 'latin1'))).toBe('zip')
    expect(sniffContainer(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toBe('cfb')
    expect(sniffContainer(Buffer.from('a;b\n'))).toBe('text')
  })
  it('reads BOMs and BOM-less UTF-16', () => {
    expect(bomEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x61]))).toBe('utf-8-bom')
    expect(bomEncoding(Buffer.from([0xff, 0xfe]))).toBe('utf-16le')
    expect(bomEncoding(Buffer.from([0xfe, 0xff]))).toBe('utf-16be')
    expect(bomlessUtf16(Buffer.from('a;b\r\n1;2\r\n', 'utf16le'))).toBe('utf-16le')
    expect(bomlessUtf16(Buffer.from('a;b\r\n1;2\r\n'))).toBeUndefined()
  })
  it('calls control-character soup binary, Norwegian text not', () => {
    expect(looksBinary('a;b\n\u0001\u0002\u0003\u0004\u0005')).toBe(true)
    expect(looksBinary('navn;beløp\nÆrlige Øystein Ås;1 299,50\n')).toBe(false)
  })
})
