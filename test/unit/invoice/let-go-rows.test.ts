import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RawCell, SourceRow } from '../../../src/main/import/types'
import { type Issue, ValidationSession, validateFile } from '../../../src/main/invoice'
import { suggestMapping } from '../../../src/main/mapping'
import { ALL_HEADERS, B2C_ROW, NOW, sheet } from './helpers'

// A one-shot validation (the CLI) lets an invoice's rows go once it is checked. Whatever the file
// looks like, the result must be exactly the one a session that keeps every row gives.

const row = (ref: string, over: Record<string, RawCell> = {}) => ({
  ...B2C_ROW,
  merchant_reference: ref,
  line_id: '',
  ...over,
})

const ragged = (line: number): Issue => ({
  severity: 'error',
  code: 'ragged_row',
  rows: [line],
  column: null,
  field: null,
  value: null,
  message: `Row ${line} has more cells than the header.`,
  message_nb: `Rad ${line} har flere celler enn overskriften.`,
})

function validate(rows: SourceRow[], keepRows: boolean, chunk: number, readIssues: Issue[] = []) {
  const columns = suggestMapping(ALL_HEADERS, rows).columns
  const s = new ValidationSession(ALL_HEADERS, { columns, now: NOW, keepRows })
  for (let i = 0; i < rows.length; i += chunk) s.addRows(rows.slice(i, i + chunk))
  const lost = s.lostLines()
  if (lost.size > 0) s.restoreRows(rows.filter((r) => lost.has(r.line)))
  return { lost: [...lost].sort((a, b) => a - b), result: s.finish(readIssues), session: s }
}

describe('a session that lets rows go once their invoice is checked', () => {
  const rows = sheet(ALL_HEADERS, [
    row('A', { amount: '10' }),
    row('A', { amount: '20' }),
    row('B', { amount: '5', email: 'feil.epost' }),
    row('C', { amount: '7' }),
    row('A', { amount: '30' }),
    row('D', { amount: '1,500' }),
    row('E', { amount: '2' }),
    row('F', { amount: '4' }),
  ])

  it('gives the same invoices, errors and amounts as one that keeps them, in any chunking', () => {
    const kept = validate(rows, true, 100).result
    expect(kept.invoices.map((i) => [i.merchant_reference, i.rows, i.amount])).toEqual([
      ['A', [2, 3, 6], 6000],
      ['C', [5], 700],
      ['D', [7], 150],
      ['E', [8], 200],
      ['F', [9], 400],
    ])
    expect(kept.invalid.map((i) => i.merchant_reference)).toEqual(['B'])
    for (const chunk of [1, 2, 3, 100]) expect(validate(rows, false, chunk).result).toEqual(kept)
  })

  it('asks for the lines of an invoice whose reference comes back after its rows were let go', () => {
    // Chunks of one row: A is checked (and let go) when B starts, then A comes back on row 6.
    expect(validate(rows, false, 1).lost).toEqual([2, 3])
    // Everything in one chunk: A is checked only after the whole chunk was placed.
    expect(validate(rows, false, 100).lost).toEqual([])
    expect(validate(rows, true, 1).lost).toEqual([])
  })

  it("applies the reader's errors to invoices already let go, as a fresh check would", () => {
    const issues = [ragged(5), ragged(4), ragged(9)]
    const kept = validate(rows, true, 1, issues).result
    expect(kept.invalid.map((i) => [i.merchant_reference, i.errors.map((e) => e.code)])).toEqual([
      ['B', ['ragged_row', 'email_invalid']],
      ['C', ['ragged_row']],
      ['F', ['ragged_row']],
    ])
    for (const chunk of [1, 2, 100]) expect(validate(rows, false, chunk, issues).result).toEqual(kept)
  })

  it('refuses inline edits, which need the rows', () => {
    const { session } = validate(rows, false, 1)
    expect(() => session.editCell(2, 0, 'X')).toThrow(/let its rows go/)
  })
})

describe('validateFile letting rows go', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kb-let-go-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('reads the lines of a reference met again later a second time and gets the same result', async () => {
    const head =
      'Fakturanr;Kundetype;Forfall;Fornavn;Etternavn;E-post;Mobil;Adresse;Postnr;Poststed;Beskrivelse;Beløp;MVA'
    const line = (ref: string, amount: string) =>
      `${ref};Privat;14;Kari;Nordmann;kari@example.no;98765432;Lillegata 5;5003;Bergen;Abonnement;${amount};25`
    // Enough rows that the reader hands them over in several chunks, with F-1 back at the end.
    const body = [line('F-1', '100,00')]
    for (let i = 2; i < 3000; i++) body.push(line(`F-${i}`, `${i},50`))
    body.push(line('F-1', '50,00'))
    body.push(`F-9999;Privat;14;Kari;Nordmann;kari@example.no;98765432;Lillegata 5;5003;Bergen;Ekstra;1;25;x`)
    const file = join(dir, 'fakturaer.csv')
    writeFileSync(file, `${head}\r\n${body.join('\r\n')}\r\n`, 'utf8')
    const kept = await validateFile(file, { now: NOW })
    const letGo = await validateFile(file, { now: NOW, keepRows: false })
    expect(letGo.result).toEqual(kept.result)
    const f1 = kept.result.invoices.find((i) => i.merchant_reference === 'F-1')
    expect(f1?.rows).toEqual([2, 3001])
    expect(f1?.amount).toBe(15000)
    expect(kept.result.invalid.map((i) => i.merchant_reference)).toEqual(['F-9999'])
  })
})
