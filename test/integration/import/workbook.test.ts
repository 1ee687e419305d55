import { join } from 'node:path'
import * as XLSX from 'xlsx'
import { afterAll, describe, expect, it } from 'vitest'
import { inspectFile } from '../../../src/main/import/index'
import { readAll, readError, tempDir } from './helpers'

const t = tempDir()
afterAll(() => t.remove())

const OFFICE = join(import.meta.dirname, '../../fixtures/import/office')

type Cells = XLSX.CellObject[][]

function sheet(data: Cells, ref?: string): XLSX.WorkSheet {
  let cols = 1
  for (const r of data) if (r) cols = Math.max(cols, r.length)
  return { '!data': data, '!ref': ref ?? `A1:${XLSX.utils.encode_col(cols - 1)}${data.length}` }
}

function book(sheets: Record<string, XLSX.WorkSheet>, bookType: XLSX.BookType = 'xlsx'): Buffer {
  const wb = XLSX.utils.book_new()
  for (const [name, ws] of Object.entries(sheets)) XLSX.utils.book_append_sheet(wb, ws, name)
  return XLSX.write(wb, { type: 'buffer', bookType, compression: true }) as Buffer
}

const s = (v: string): XLSX.CellObject => ({ t: 's', v })
const n = (v: number, z?: string): XLSX.CellObject => (z ? { t: 'n', v, z } : { t: 'n', v })

describe('workbooks saved by LibreOffice', () => {
  for (const ext of ['xlsx', 'xls', 'ods'] as const) {
    it(`reads ${ext}: title block skipped, sheet row numbers, types by format, formulas as values`, async () => {
      const res = await readAll(join(OFFICE, `fakturaer.${ext}`))
      expect(res.info).toMatchObject({ format: ext, sheets: ['fakturaer'], sheet: 'fakturaer', headerRow: 4 })
      expect(res.info.headers).toEqual([
        'Fakturanr',
        'Kundenavn',
        'Poststed',
        'Forfallsdato',
        'Antall',
        'Enhetspris',
        'MVA',
        'Beløp',
      ])
      expect(res.rows.map((r) => r.line)).toEqual([5, 6, 8, 9])
      expect(res.rows[0].cells).toEqual([
        { n: 10001 },
        'Ærlige Øystein Ås',
        'Tromsø',
        { date: '2026-12-15' },
        { n: 2 },
        { n: 1299.5 },
        { n: 0.25, pct: true },
        { n: 2599 },
      ])
      expect(res.rows[1].cells[5]).toEqual({ n: 0.125 })
      expect(res.rows[2].cells.slice(1, 4)).toEqual([
        'Blåbærfabrikken Sæther AB',
        'Ålesund',
        { date: '2027-01-01' },
      ])
      expect(res.rows[3].cells[6]).toEqual({ n: 0, pct: true })
      expect(res.issues).toEqual([])
    })
  }
})

describe('workbook sheets, header row and cells', () => {
  const instructions = sheet([[s('Slik fyller du ut arket')], [s('Én rad per fakturalinje.')]])
  const invoices = sheet([
    [s('Fakturaer november')],
    [],
    [s('Fakturanr'), s('Navn'), s('Postnr'), s('Dato'), s('MVA'), s('Betalt'), s('Sum')],
    [
      n(1),
      s('Åse'),
      n(151, '0000'),
      n(46006, 'dd.mm.yyyy'),
      n(0.25, '0%'),
      { t: 'b', v: true },
      { t: 'n', v: 20, f: 'A4*20' },
    ],
    [],
    [
      n(2),
      s('Øyvind'),
      s('0151'),
      n(46006.75, 'yyyy-mm-dd hh:mm'),
      n(0.15, '0.00%'),
      { t: 'b', v: false },
      { t: 'e', v: 42 },
    ],
  ])

  it('defaults to the first sheet that looks like a table and lists every sheet', async () => {
    const file = t.file('two-sheets.xlsx', book({ Instruksjoner: instructions, Fakturaer: invoices }))
    const res = await readAll(file)
    expect(res.info.sheets).toEqual(['Instruksjoner', 'Fakturaer'])
    expect(res.info.sheet).toBe('Fakturaer')
    expect(res.info.headerRow).toBe(3)
    expect(res.rows.map((r) => r.line)).toEqual([4, 6])
    expect(res.rows[0].cells).toEqual([
      { n: 1 },
      'Åse',
      { n: 151, text: '0151' },
      { date: '2025-12-15' },
      { n: 0.25, pct: true },
      { b: true },
      { n: 20 },
    ])
    expect(res.rows[1].cells).toEqual([
      { n: 2 },
      'Øyvind',
      '0151',
      { date: '2025-12-15' },
      { n: 0.15, pct: true },
      { b: false },
      '#N/A',
    ])
    expect(res.issues.map((i) => [i.code, i.line])).toEqual([['formula_error', 6]])
  })

  it('a formula saved without its value is blank, with a warning naming the row', async () => {
    const ws = sheet([
      [s('a'), s('b')],
      [n(1), n(2)],
    ])
    ;(ws['!data'] as Cells)[1][1] = { t: 'n', f: 'A2*2' } as XLSX.CellObject
    const res = await readAll(t.file('no-cached.xlsx', book({ S: ws })))
    expect(res.rows).toEqual([{ line: 2, cells: [{ n: 1 }, null] }])
    expect(res.issues.map((i) => [i.code, i.line])).toEqual([['formula_without_value', 2]])
  })

  it('reads the sheet the caller names, and refuses an unknown one', async () => {
    const file = t.file('named.xlsx', book({ Instruksjoner: instructions, Fakturaer: invoices }))
    const inspected = await inspectFile(file, { sheet: 'Instruksjoner' })
    expect(inspected.info.sheet).toBe('Instruksjoner')
    expect(inspected.preview).toEqual([{ line: 2, cells: ['Én rad per fakturalinje.'] }])
    const e = await readError(file, { sheet: 'Ark1' })
    expect(e.code).toBe('sheet_not_found')
    expect(e.message).toContain('Instruksjoner, Fakturaer')
  })

  it('refuses a workbook without any table', async () => {
    const file = t.file('no-table.xlsx', book({ Instruksjoner: instructions }))
    expect((await readError(file)).code).toBe('no_table')
  })

  it('uses sheet row numbers for a table that starts lower and to the right', async () => {
    const data: Cells = [[], [], [undefined as unknown as XLSX.CellObject, s('a'), s('b'), s('c')]]
    data.push([undefined as unknown as XLSX.CellObject, n(1), n(2)])
    data.push([undefined as unknown as XLSX.CellObject, n(3), n(4), n(5), s('stray')])
    const file = t.file('offset.xlsx', book({ S: sheet(data, 'B3:E5') }))
    const res = await readAll(file)
    expect(res.info.headers).toEqual(['a', 'b', 'c'])
    expect(res.rows).toEqual([
      { line: 4, cells: [{ n: 1 }, { n: 2 }, null] },
      { line: 5, cells: [{ n: 3 }, { n: 4 }, { n: 5 }] },
    ])
    expect(res.issues.map((i) => [i.code, i.line])).toEqual([['extra_cells', 5]])
  })

  it('reports duplicate headers and a forced header row', async () => {
    const data: Cells = [
      [s('x'), s('y')],
      [s('Navn'), s('navn')],
      [s('a'), s('b')],
    ]
    const file = t.file('dup.xlsx', book({ S: sheet(data) }))
    const res = await readAll(file, { headerRow: 2 })
    expect(res.info.headerRow).toBe(2)
    expect(res.issues.map((i) => i.code)).toEqual(['duplicate_header'])
    expect((await readError(file, { headerRow: 9 })).code).toBe('bad_option')
  })

  it('skips hidden sheets when choosing, and reads .xlsm', async () => {
    const wb = XLSX.utils.book_new()
    XLSX.utils.book_append_sheet(
      wb,
      sheet([
        [s('old'), s('table')],
        [n(1), n(2)],
      ]),
      'Gammel',
    )
    XLSX.utils.book_append_sheet(wb, invoices, 'Fakturaer')
    wb.Workbook = { Sheets: [{ Hidden: 1 }, { Hidden: 0 }] }
    const file = t.file('hidden.xlsm', XLSX.write(wb, { type: 'buffer', bookType: 'xlsm' }) as Buffer)
    const res = await readAll(file)
    expect(res.info).toMatchObject({ format: 'xlsm', sheets: ['Gammel', 'Fakturaer'], sheet: 'Fakturaer' })
  })

  it('reads a workbook named .csv as a workbook, with a warning', async () => {
    const file = t.file('really-xlsx.csv', book({ Fakturaer: invoices }))
    const res = await readAll(file)
    expect(res.info.format).toBe('xlsx')
    expect(res.issues.map((i) => i.code)).toContain('extension_mismatch')
  })
})

describe('damaged and hostile workbooks', () => {
  const small = book({
    S: sheet([
      [s('a'), s('b')],
      [n(1), n(2)],
    ]),
  })

  it('a truncated xlsx', async () => {
    const file = t.file('cut.xlsx', small.subarray(0, Math.floor(small.length / 2)))
    const e = await readError(file)
    expect(e.code).toBe('truncated_workbook')
    expect(e.message).toContain('cut.xlsx')
  })

  it('a truncated xls', async () => {
    const xls = book(
      {
        S: sheet([
          [s('a'), s('b')],
          [n(1), n(2)],
        ]),
      },
      'biff8',
    )
    const file = t.file('cut.xls', xls.subarray(0, 1500))
    const e = await readError(file)
    expect(['damaged_workbook', 'truncated_workbook']).toContain(e.code)
    expect(e.exitCode).toBe(2)
  })

  it('a zip that is not a spreadsheet', async () => {
    const cfb = XLSX.CFB.utils.cfb_new()
    XLSX.CFB.utils.cfb_add(cfb, 'word/document.xml', Buffer.from('<w:document/>'))
    XLSX.CFB.utils.cfb_add(cfb, '[Content_Types].xml', Buffer.from('<Types/>'))
    const file = t.file('letter.xlsx', XLSX.CFB.write(cfb, { fileType: 'zip', type: 'buffer' }) as Buffer)
    expect((await readError(file)).code).toBe('content_mismatch')
  })

  const big: Cells = [[s('a'), s('b')]]
  for (let i = 0; i < 20_000; i++) big.push([n(i), s('the same text over and over')])
  const bigBook = book({ S: sheet(big) })

  it('a zip bomb: declared sizes over the limit are refused before inflating', async () => {
    const file = t.file('bomb.xlsx', bigBook)
    const e = await readError(file, { limits: { maxUncompressedBytes: 200_000 } })
    expect(e.code).toBe('zip_bomb')
  })

  it('a zip bomb that lies about its sizes stops at the inflate cap', async () => {
    // Rewrite every declared uncompressed size (central directory and local headers) to 1 byte.
    const lying = Buffer.from(bigBook)
    for (let i = 0; i + 4 <= lying.length; i++) {
      const sig = lying.readUInt32LE(i)
      if (sig === 0x02014b50) lying.writeUInt32LE(1, i + 24)
      if (sig === 0x04034b50) lying.writeUInt32LE(1, i + 22)
    }
    const file = t.file('liar.xlsx', lying)
    const e = await readError(file, { limits: { maxUncompressedBytes: 200_000 } })
    expect(['zip_bomb', 'damaged_workbook']).toContain(e.code)
    expect(e.exitCode).toBe(2)
  })
})

describe('200,000 rows', () => {
  for (const bookType of ['xlsx', 'ods'] as const) {
    it(`reads a 200k-row ${bookType} with sheet row numbers`, { timeout: 60_000 }, async () => {
      const data: Cells = [[s('Fakturanr'), s('Navn'), s('Beløp')]]
      for (let i = 0; i < 200_000; i++) data.push([n(i), s('Øy'), n(1.5)])
      const file = t.file(`big.${bookType}`, book({ S: sheet(data) }, bookType))
      let count = 0
      let last: unknown
      const { readTable } = await import('../../../src/main/import/index')
      const res = await readTable(file, {}, (rows) => {
        count += rows.length
        last = rows.at(-1)
      })
      expect(res.rowCount).toBe(200_000)
      expect(count).toBe(200_000)
      expect(last).toEqual({ line: 200_001, cells: [{ n: 199_999 }, 'Øy', { n: 1.5 }] })
    })
  }
})
