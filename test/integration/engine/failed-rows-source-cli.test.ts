import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../../src/main/sandbox'
import { startCli } from './cli-process'
import { sandbox } from './helpers'

// An accounting order export (Windows-1252, `;`, prices excluding VAT, discounts, VAT codes, a
// full-name column, a column the app does not use). Dintero refuses every invoice sent (the
// sandbox answers FAILED), and one order is left out for a typo in its email. The failed-rows
// export must hand back the user's own sheet, so that the fixed file maps and reads exactly like
// the original: the same mapping with no mapping file, and the same requests.

const HEADER =
  'Ordrenr;Kundenavn;Org.nr;Kontaktperson;E-post;Mobil;Adresse;Postnr og sted;Betalingsbet.;Varenr;Varenavn;Antall;Enhetspris eks. mva;Rabatt %;MVA-kode;Kommentar'
const ROWS = [
  'O-1001;Fjordkraft Utleie AS;923609016;Hansen, Kari;kari@fjordkraft.no;+47 912 34 567;Strandkaien 4;5003 Bergen;14 dager;V-10;Konsulenttime;7,5;1 150,00;10;3;Fakturer innen fredag',
  'O-1001;;;;;;;;;V-20;Reise Bergen–Oslo;1;480,00;;33;',
  'O-1002;Ola Nordmann;;Ola Nordmann;ola@eksempel.no;98765432;Lillegata 5;0152 Oslo;30 dager netto;V-30;Abonnement;1;199,20;;3;',
  'O-1003;Brødrene Berg AS;974760673;Per Berg;per(at)berg.no;41234567;Industriveien 2;7010 Trondheim;14;V-10;Konsulenttime;2;1 150,00;0;3;',
  'O-1004;Tromsø Fisk AS;985399077;Åse Østby-Lie;ase@fisk.no;41234568;Havnegata 9;9008 Tromsø;Netto 30;V-40;Fiskekasse;3;333,33;5,5;31;Levert fredag',
]

let dir: string
let data: string
let sb: Sandbox
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kb-failed-source-'))
  data = join(dir, 'data')
  sb = await sandbox({ failedStatusRate: 1 })
  // Windows-1252: æøå and the en dash are single bytes there (latin1 covers æøå; the dash is 0x96).
  const text = `${[HEADER, ...ROWS].join('\r\n')}\r\n`
  const bytes = Buffer.from(text.replace(/–/g, '\u0096'), 'latin1')
  writeFileSync(join(dir, 'ordre.csv'), bytes)
})
afterAll(async () => {
  await sb.close()
  rmSync(dir, { recursive: true, force: true })
})

async function run(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const p = startCli([...args, '--data-dir', data])
  const code = await p.exit
  return { code, out: p.lines.join('\n'), err: p.stderr.join('') }
}

interface ValidateJson {
  mapping: Record<string, string>
  constants: Record<string, string>
  invoices: { merchant_reference: string; request: unknown }[]
  errors: { code: string; merchant_reference?: string; message: string }[]
}

async function validate(file: string): Promise<ValidateJson> {
  const r = await run(['validate', file, '--json'])
  expect(r.err).toBe('')
  expect(r.code).toBe(1)
  return JSON.parse(r.out) as ValidateJson
}

const byRef = (v: ValidateJson) => new Map(v.invoices.map((i) => [i.merchant_reference, i.request]))

describe('failed-rows export in the user’s own columns', () => {
  it('hands back every failed and left-out row as written; re-imported with no mapping file it gives the same mapping and requests', async () => {
    const original = await validate(join(dir, 'ordre.csv'))
    expect(original.mapping).toMatchObject({
      merchant_reference: 'Ordrenr',
      unit_price_excl_vat: 'Enhetspris eks. mva',
      discount_percent: 'Rabatt %',
      vat_code: 'MVA-kode',
      full_name: 'Kontaktperson',
    })
    expect([...byRef(original).keys()]).toEqual(['O-1001', 'O-1002', 'O-1004'])

    const sent = await run([
      'submit',
      join(dir, 'ordre.csv'),
      '--env',
      'sandbox',
      '--api-url',
      sb.baseUrl,
      '--yes',
      '--json',
      '--skip-invalid',
    ])
    const batchId = (JSON.parse(sent.out.split('\n')[0]) as { id: string }).id
    expect(batchId).toMatch(/^\d{6}-\d{6}/)

    const file = join(dir, 'ordre-feilet.csv')
    const e = await run([
      'export',
      batchId,
      '--format',
      'csv',
      '--out',
      file,
      '--failed-only',
      '--delimiter',
      ';',
    ])
    expect(e.code).toBe(0)
    const lines = readFileSync(file, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    // The user's header row and order, then the reason.
    expect(lines[0]).toBe(`${HEADER};error`)
    // The three refused invoices (four rows), then the one left out; every cell as written (a
    // cell a spreadsheet would run as a formula, `+47 …`, gets the `'` the importer takes off).
    const cells = (line: string) => line.split(';').slice(0, 16).join(';')
    const guarded = ROWS[0].replace(';+47', ";'+47")
    expect(lines.slice(1).map(cells)).toEqual([guarded, ROWS[1], ROWS[2], ROWS[4], ROWS[3]])
    expect(lines[4]).toMatch(/;Levert fredag;.+/)
    expect(lines[5]).toMatch(/per\(at\)berg\.no/)
    expect(lines[5].split(';').at(-1)).toMatch(/E-post/)

    // The fixed file (here: unchanged) reads exactly like the original, with no mapping file.
    const again = await validate(file)
    expect(again.mapping).toEqual(original.mapping)
    expect(again.constants).toEqual(original.constants)
    expect(byRef(again)).toEqual(byRef(original))
    expect(again.errors.map((x) => [x.code, x.merchant_reference])).toEqual(
      original.errors.map((x) => [x.code, x.merchant_reference]),
    )
  }, 90_000)
})
