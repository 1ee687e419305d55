import { afterAll, describe, expect, it } from 'vitest'
import { inspectFile } from '../../../src/main/import/index'
import { readAll, readError as fail, tempDir, utf16, win1252 } from './helpers'

const t = tempDir()
afterAll(() => t.remove())

const NORWEGIAN = 'Fakturanr;Navn;Beløp\r\n1;Ærlige Øystein Ås;1 299,50\r\n2;blåbær og ørret;7,5\r\n'

describe('CSV encodings', () => {
  const cases: [string, Buffer, string][] = [
    ['utf-8', Buffer.from(NORWEGIAN, 'utf8'), 'utf-8'],
    ['utf-8 with BOM', Buffer.from(`\uFEFF${NORWEGIAN}`, 'utf8'), 'utf-8-bom'],
    ['utf-16le with BOM', utf16(NORWEGIAN.replace(/;/g, '\t'), 'le'), 'utf-16le'],
    ['utf-16be with BOM', utf16(NORWEGIAN.replace(/;/g, '\t'), 'be'), 'utf-16be'],
    ['windows-1252', win1252(NORWEGIAN), 'windows-1252'],
  ]
  for (const [name, bytes, encoding] of cases) {
    it(`keeps æøåÆØÅ in ${name} and reports the encoding`, async () => {
      const file = t.file(`enc-${encoding}.csv`, bytes)
      const res = await readAll(file)
      expect(res.info.encoding).toBe(encoding)
      // The BOM is never glued to the first header.
      expect(res.info.headers).toEqual(['Fakturanr', 'Navn', 'Beløp'])
      expect(res.rows.map((r) => r.cells[1])).toEqual(['Ærlige Øystein Ås', 'blåbær og ørret'])
      expect(res.rows.map((r) => r.line)).toEqual([2, 3])
    })
  }

  it('decides Windows-1252 from a letter far down the file, and says so', async () => {
    const lines = ['a;b']
    for (let i = 0; i < 50_000; i++) lines.push(`${i};plain ascii`)
    lines.push('50000;Kåre')
    const file = t.file('late-1252.csv', win1252(`${lines.join('\n')}\n`))
    const res = await readAll(file)
    expect(res.info.encoding).toBe('windows-1252')
    expect(res.rows.at(-1)?.cells[1]).toBe('Kåre')
    expect(res.issues.map((i) => i.code)).toContain('encoding_fallback')
  })

  it('reads UTF-8 with one stray Latin-1 byte as UTF-8 and names the line', async () => {
    const good = Buffer.from('Navn;Sted\nØystein;Tromsø\nÅse;Bodø\nKåre;Ås\n', 'utf8')
    const bad = Buffer.concat([good, Buffer.from('Bj'), Buffer.from([0xf8]), Buffer.from('rn;Oslo\n')])
    const res = await readAll(t.file('mostly-utf8.csv', bad))
    expect(res.info.encoding).toBe('utf-8')
    expect(res.rows[0].cells).toEqual(['Øystein', 'Tromsø'])
    expect(res.issues.map((i) => [i.code, i.line])).toEqual([
      ['encoding_errors', 0],
      ['invalid_characters', 5],
    ])
  })

  it('names the lines that a forced wrong encoding cannot decode', async () => {
    const res = await readAll(t.file('forced-wrong.csv', win1252('a;b\n1;x\n2;ø\n')), { encoding: 'utf-8' })
    expect(res.issues.map((i) => [i.code, i.line, i.severity])).toEqual([['invalid_characters', 3, 'error']])
  })

  it('reads UTF-16LE without a BOM', async () => {
    const file = t.file('utf16-nobom.txt', Buffer.from('a\tb\r\nø\tå\r\n', 'utf16le'))
    const res = await readAll(file)
    expect(res.info.encoding).toBe('utf-16le')
    expect(res.rows[0].cells).toEqual(['ø', 'å'])
  })

  it('lets the caller force an encoding', async () => {
    const file = t.file('forced.csv', Buffer.from('a;b\n1;Ã¸\n', 'utf8'))
    const res = await readAll(file, { encoding: 'utf-8' })
    expect(res.rows[0].cells[1]).toBe('Ã¸')
  })
})

describe('CSV delimiters and lines', () => {
  it('reads a ; file full of decimal commas as ;', async () => {
    const body = ['Navn;Beløp', 'Ola;1,50', 'Kari;2,75', 'Per;1 299,00', 'Anne;0,125'].join('\r\n')
    const res = await readAll(t.file('decimal.csv', body))
    expect(res.info.delimiter).toBe(';')
    expect(res.info.decimalCommaHint).toBe(true)
    expect(res.rows[0].cells).toEqual(['Ola', '1,50'])
  })

  it('detects tab, pipe and comma (with quoted commas)', async () => {
    expect((await readAll(t.file('tab.tsv', 'a\tb\tc\n1\t2,5\t3\n'))).info.delimiter).toBe('\t')
    expect((await readAll(t.file('pipe.txt', 'a|b|c\n1|2|3\n'))).info.delimiter).toBe('|')
    const comma = await readAll(t.file('comma.csv', 'name,amount,note\n"Nordmann, Ola",1299.50,"a; b"\n'))
    expect(comma.info.delimiter).toBe(',')
    expect(comma.info.decimalCommaHint).toBe(false)
    expect(comma.rows[0].cells).toEqual(['Nordmann, Ola', '1299.50', 'a; b'])
  })

  it("honours Excel's sep= line and counts it as line 1", async () => {
    const res = await readAll(t.file('sep.csv', 'sep=,\r\na,b\r\n1;2,3\r\n'))
    expect(res.info.delimiter).toBe(',')
    expect(res.info.headerRow).toBe(2)
    expect(res.rows).toEqual([{ line: 3, cells: ['1;2', '3'] }])
  })

  it('numbers records by the line they start on, across quoted line breaks, CRLF, LF and CR', async () => {
    for (const nl of ['\r\n', '\n', '\r']) {
      const body = ['a;b', '1;"two', 'lines"', '', '2;"x""y"', '3;"three', '', 'lines"', '4;end'].join(nl)
      const res = await readAll(t.file(`lines-${nl.length}${nl === '\r' ? 'cr' : ''}.csv`, body))
      expect(res.rows.map((r) => [r.line, r.cells[0]])).toEqual([
        [2, '1'],
        [5, '2'],
        [6, '3'],
        [9, '4'],
      ])
      expect(res.rows[1].cells[1]).toBe('x"y')
    }
  })

  it('splits a file that mixes CRLF and LF records, without stray CRs', async () => {
    const res = await readAll(t.file('mixed.csv', 'a;b\r\n1;x\r\n2;"y"\n3;\r\n4;"p\r\nq"\r\n'))
    expect(res.rows).toEqual([
      { line: 2, cells: ['1', 'x'] },
      { line: 3, cells: ['2', 'y'] },
      { line: 4, cells: ['3', ''] },
      { line: 5, cells: ['4', 'p\r\nq'] },
    ])
    expect(res.issues).toEqual([])
  })

  it('keeps Excel line breaks (LF inside cells of a CRLF file) and untrimmed cells', async () => {
    const res = await readAll(t.file('excel-lf.csv', 'a;b\r\n1;"Storgata 1\nOslo"\r\n 2 ;x\r\n'))
    expect(res.rows.map((r) => r.line)).toEqual([2, 4])
    expect(res.rows[0].cells[1]).toBe('Storgata 1\nOslo')
    expect(res.rows[1].cells[0]).toBe(' 2 ')
  })

  it('skips a title block above the header and blank rows', async () => {
    const body = 'Fakturaliste november;;\r\n;;\r\nFakturanr;Navn;Beløp\r\n1;Ola;10\r\n;;\r\n2;Kari;20\r\n'
    const res = await readAll(t.file('title.csv', body))
    expect(res.info.headerRow).toBe(3)
    expect(res.rows.map((r) => r.line)).toEqual([4, 6])
  })

  it('strips the quote our own reports put before formula characters', async () => {
    const res = await readAll(t.file('neutral.csv', "a;b;c;d;e\n'=SUM(A1);'-5;'@x;'plain;''=typed\n"))
    // `''=typed` is how the report writes a cell the user typed as `'=typed`: one quote comes off.
    expect(res.rows[0].cells).toEqual(['=SUM(A1)', '-5', '@x', "'plain", "'=typed"])
  })

  it('reads the ="0151" text trick as the text Excel shows', async () => {
    const res = await readAll(t.file('excel-text.csv', 'Postnr;Org;Merk\n="0151";"=""000123""";=A1+1\n'))
    expect(res.rows[0].cells).toEqual(['0151', '000123', '=A1+1'])
  })

  it('reports ragged rows with their line and passes them on with their own cell count', async () => {
    const res = await readAll(t.file('ragged.csv', 'a;b;c\n1;2;3\n4;5\n6;7;8;9\n10;11;12;;\n'))
    expect(res.rows.map((r) => r.cells.length)).toEqual([3, 2, 4, 3])
    const ragged = res.issues.filter((i) => i.code === 'ragged_row')
    expect(ragged.map((i) => i.line)).toEqual([3, 4])
    expect(ragged[0].severity).toBe('error')
    expect(ragged[0].message).toContain('Line 3')
    expect(ragged[0].message_nb).toContain('Linje 3')
  })

  it('reports a stray quote inside a quoted cell once, as an error on its line', async () => {
    const res = await readAll(
      t.file('stray-quote.csv', 'a;b;c\n1;"abc"def;2\n3;5" pipe;4\n5;"ok";6\n7;8;9\n'),
    )
    expect(res.issues.map((i) => [i.code, i.severity, i.line])).toEqual([['invalid_quotes', 'error', 2]])
    expect(res.rows.at(-1)).toEqual({ line: 5, cells: ['7', '8', '9'] })
  })

  it('reports duplicate headers (case-insensitive) as errors', async () => {
    const res = await readAll(t.file('dup.csv', 'Navn;Beløp;navn\n1;2;3\n'))
    const dup = res.issues.filter((i) => i.code === 'duplicate_header')
    expect(dup).toHaveLength(1)
    expect(dup[0]).toMatchObject({ line: 1, column: 'navn', severity: 'error' })
  })

  it('delivers rows in order in chunks and waits for a slow consumer', async () => {
    const lines = ['n;x']
    for (let i = 0; i < 10_000; i++) lines.push(`${i};v`)
    const file = t.file('chunks.csv', lines.join('\n'))
    const seen: number[] = []
    const { readTable } = await import('../../../src/main/import/index')
    let busy = false
    const res = await readTable(file, { chunkRows: 1_000 }, async (rows) => {
      expect(busy).toBe(false)
      busy = true
      await new Promise((r) => setTimeout(r, 2))
      for (const r of rows) seen.push(Number(r.cells[0]))
      busy = false
    })
    expect(res.rowCount).toBe(10_000)
    expect(seen).toEqual([...Array(10_000).keys()])
  })
})

describe('inspectFile', () => {
  it('returns info, the first rows and follows overrides', async () => {
    const lines = ['a;b,c']
    for (let i = 0; i < 500; i++) lines.push(`${i};x,y`)
    const file = t.file('inspect.csv', lines.join('\n'))
    const res = await inspectFile(file, { previewRows: 10 })
    expect(res.info.delimiter).toBe(';')
    expect(res.preview).toHaveLength(10)
    expect(res.info.sha256).toMatch(/^[0-9a-f]{64}$/)
    const forced = await inspectFile(file, { delimiter: ',', previewRows: 1 })
    expect(forced.info.headers).toEqual(['a;b', 'c'])
    expect(forced.preview[0].cells).toEqual(['0;x', 'y'])
  })
})

describe('large CSV', () => {
  it('streams 200,000 rows with multi-line cells and right line numbers', { timeout: 30_000 }, async () => {
    const parts = ['sep=;', 'Fakturanr;Navn;Adresse;Beløp']
    for (let i = 0; i < 200_000; i++) {
      parts.push(i % 1000 === 0 ? `${i};Øystein;"Storgata 1\r\n0151 Oslo";1 299,50` : `${i};Åse;Vei ${i};7,5`)
    }
    const file = t.file('200k.csv', `${parts.join('\r\n')}\r\n`)
    let count = 0
    let lastLine = 0
    let checked = 0
    const { readTable } = await import('../../../src/main/import/index')
    const res = await readTable(file, {}, (rows) => {
      for (const r of rows) {
        count++
        // Row i starts on line 3 + i + (number of two-line records before it).
        const i = Number(r.cells[0])
        const expected = 3 + i + Math.ceil(i / 1000)
        if (r.line !== expected) throw new Error(`row ${i}: line ${r.line}, expected ${expected}`)
        checked++
        lastLine = r.line
      }
    })
    expect(res.rowCount).toBe(200_000)
    expect(count).toBe(200_000)
    expect(checked).toBe(200_000)
    expect(lastLine).toBe(3 + 199_999 + 200)
    expect(res.issues).toEqual([])
  })
})

describe('options', () => {
  it('refuses a nonsense delimiter, encoding or header row', async () => {
    const file = t.file('opts.csv', 'a;b\n1;2\n')
    expect((await fail(file, { delimiter: ';;' })).code).toBe('bad_option')
    expect((await fail(file, { encoding: 'latin-9' as 'utf-8' })).code).toBe('bad_option')
    expect((await fail(file, { headerRow: 0 })).code).toBe('bad_option')
  })

  it('reads from a forced header row', async () => {
    const res = await readAll(t.file('forced-header.csv', 'x;y\na;b\n1;2\n'), { headerRow: 2 })
    expect(res.info.headers).toEqual(['a', 'b'])
    expect(res.rows).toEqual([{ line: 3, cells: ['1', '2'] }])
  })
})
