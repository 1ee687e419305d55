import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { CanonicalField } from '../../../src/shared/canonical'
import { FROM_ORG_NUMBER } from '../../../src/shared/contract'
import { openAppDb } from '../../../src/main/db/store'
import { createImportSessions } from '../../../src/main/import-sessions/sessions'
import { createDraftStore } from '../../../src/main/import-sessions/store'
import type { Issue } from '../../../src/main/invoice/types'
import { issueFields } from '../../../src/main/invoice/issue-fields'
import { silentLogger } from '../../../src/main/log'
import { DEFAULT_RUN_DEFAULTS } from '../../../src/main/settings/values'
import { cli } from '../validate/cli'

/**
 * The same file and mapping through the app's import session and through `validate --json` (the
 * CLI as users run it): the same issue codes, rows, columns and messages, and the same requests.
 */

const FIXTURES = join(import.meta.dirname, '../../fixtures')
const dirs: string[] = []
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})
const dir = mkdtempSync(join(tmpdir(), 'kb-one-path-'))
dirs.push(dir)

/** A workshop's invoices with prices excluding VAT, one line a discount. */
const EXCL_CSV = [
  'Fakturanr;Kundetype;Fornavn;Etternavn;E-post;Telefon;Adresse;Postnr;Poststed;Beskrivelse;Antall;Enhetspris eks. mva;MVA-sats',
  'V-1;Privat;Åse;Ødegård;ase@example.no;99999999;Storgata 1;0151;Oslo;Dekkskift;1;600,00;25',
  'V-1;;;;;;;;;Lagring av dekk;1;1 000,00;25',
  'V-2;Privat;Per;Hansen;per@example.no;98765432;Gata 2;5003;Bergen;Vinduspuss;3;199,20;25',
].join('\r\n')

/** One row with a cell too many, one with a price that is no number: the reader and the validator both speak. */
const BROKEN_CSV = [
  'Fakturanr;Fornavn;Etternavn;E-post;Telefon;Adresse;Postnr;Poststed;Beskrivelse;Antall;Pris;MVA-sats',
  'B-1;Kari;Nordmann;kari@example.no;98765432;Lillegata 5;5003;Bergen;Vare;1;100,00;25',
  'B-2;Ola;Hansen;ola@example.no;41555555;Havnegata 3;9008;Tromsø;Vare;1;100,00;25;ekstra',
  'B-3;Eva;Berg;eva@example.no;41234567;Fjellveien 1;0152;Oslo;Kurs;1;hundre;25',
].join('\r\n')

function place(name: string, from?: string, text?: string): string {
  const file = join(dir, name)
  if (from) copyFileSync(from, file)
  else writeFileSync(file, `${text}\r\n`)
  return file
}

interface Case {
  name: string
  file: string
  /** What the user picks on the Map screen, written as a `--mapping` file for the CLI. */
  mapping?: Partial<Record<CanonicalField, string | null>>
  constants?: Partial<Record<CanonicalField, string>>
}

const CASES: Case[] = [
  {
    name: 'a workshop file with errors (bad e-mail, business customer)',
    file: place('norsk-faktura.csv', join(FIXTURES, 'import-ui/norsk-faktura.csv')),
  },
  {
    name: 'an order export: full names, postal code and place in one column, customer type from the org number',
    file: place('nettbutikk-ordre.csv', join(FIXTURES, 'names/nettbutikk-ordre.csv')),
  },
  { name: 'prices excluding VAT', file: place('eks-mva.csv', undefined, EXCL_CSV) },
  { name: 'a broken row and a price that is no number', file: place('brutt.csv', undefined, BROKEN_CSV) },
  {
    name: 'a mapping chosen by hand: a column the matcher does not know, a fixed VAT rate',
    file: place('odd-headers.csv', join(FIXTURES, 'validate/odd-headers.csv')),
    mapping: { description: 'Kolonne X' },
    constants: { vat: '25' },
  },
]

const comparable = issueFields

async function throughCli(c: Case) {
  const args = ['validate', c.file, '--json', '--data-dir', join(dir, 'cli-data'), '--days-until-due', '14']
  args.push('--invoice-channel', 'kravia')
  if (c.mapping || c.constants) {
    const mappingFile = `${c.file}.mapping.json`
    writeFileSync(mappingFile, JSON.stringify({ mapping: c.mapping ?? {}, constants: c.constants ?? {} }))
    args.push('--mapping', mappingFile)
  }
  const r = await cli(args)
  if (r.stdout === '') throw new Error(r.stderr)
  const out = JSON.parse(r.stdout) as {
    invoices: { merchant_reference: string; rows: number[]; request: unknown }[]
    errors: Issue[]
    warnings: Issue[]
  }
  return {
    invoices: out.invoices.map((i) => ({
      reference: i.merchant_reference,
      rows: i.rows,
      request: i.request,
    })),
    errors: out.errors.map(comparable),
    warnings: out.warnings.map(comparable),
  }
}

async function throughApp(c: Case) {
  const db = openAppDb(join(dir, 'app-data'))
  try {
    const sessions = createImportSessions(createDraftStore(db), {
      db,
      log: silentLogger,
      now: () => new Date(),
      progress: () => {},
      scope: () => ({
        env: 'sandbox',
        account: 'T12345678',
        defaults: {
          ...DEFAULT_RUN_DEFAULTS,
          daysUntilDue: 14,
          productType: FROM_ORG_NUMBER,
          invoiceChannel: 'kravia',
          callbackUrl: '',
          businessDayDue: false,
        },
      }),
    })
    const s = await sessions.open(c.file)
    for (const [field, column] of Object.entries(c.mapping ?? {}))
      s.setField(field as CanonicalField, column ?? null, null)
    for (const [field, value] of Object.entries(c.constants ?? {}))
      s.setField(field as CanonicalField, null, value ?? null)
    const r = (await s.validate()).session.result()
    sessions.close(s.id)
    return {
      invoices: r.invoices.map((i) => ({
        reference: i.merchant_reference,
        rows: i.rows,
        request: i.request,
      })),
      errors: r.errors.map(comparable),
      warnings: r.warnings.map(comparable),
    }
  } finally {
    db.close()
  }
}

describe('one import path for the app and the CLI', () => {
  it.each(CASES)('$name: the same issues and requests either way', async (c) => {
    const [app, cliOut] = await Promise.all([throughApp(c), throughCli(c)])
    expect(app.invoices.length + app.errors.length).toBeGreaterThan(0)
    expect(app).toEqual(cliOut)
  })

  it('covers what it claims: excl. prices, full names, the org-number rule, reader and value errors', async () => {
    const excl = await throughApp(CASES[2])
    // 600,00 and 1 000,00 excluding 25 % VAT: 750 kr and 1 250 kr, 400 kr of it VAT.
    expect(excl.invoices[0].request).toMatchObject({
      session: {
        order: {
          amount: 200000,
          vat_amount: 40000,
          items: [expect.objectContaining({ amount: 75000 }), expect.objectContaining({ amount: 125000 })],
        },
      },
    })
    const orders = await throughApp(CASES[1])
    expect(orders.warnings.map((w) => w.code)).toContain('product_type_from_org_number')
    expect(JSON.stringify(orders.invoices[0].request)).toContain('Ingrid')
    const broken = await throughApp(CASES[3])
    const codes = [...broken.errors, ...broken.warnings].map((i) => i.code)
    expect(codes).toContain('ragged_row')
    expect(codes).not.toContain('read_issue')
    // The row with a cell too many and the row without a number both stop their invoice.
    expect(broken.invoices.map((i) => i.reference)).toEqual(['B-1'])
    const odd = await throughApp(CASES[4])
    expect(odd.invoices[0].request).toMatchObject({
      session: { order: { items: [expect.objectContaining({ description: 'Strømforbruk', vat: 25 })] } },
    })
  })
})
