import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openAppDb } from '../../../src/main/db/store'
import { listBatches } from '../../../src/main/journal/reads'
import type { Sandbox } from '../../../src/main/sandbox'
import { startCli } from './cli-process'
import { byReference, invoiceCsv, sandbox, sandboxTransactions } from './helpers'

let dir: string
let data: string
let sb: Sandbox
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kb-left-out-cli-'))
  data = join(dir, 'data')
  sb = await sandbox()
  // LO-0002 has a typo in its email; LO-0003 has no description.
  const text = invoiceCsv(3, 'LO')
    .replace('kari1@example.no', 'kari(at)example.no')
    .replace(';1;Abonnement;1;102,02;25', ';1;;1;102,02;25')
  writeFileSync(join(dir, 'mars.csv'), text)
  // Next month's file: the same three (fixed) plus a new one.
  writeFileSync(join(dir, 'april.csv'), invoiceCsv(4, 'LO'))
})
afterAll(async () => {
  await sb.close()
  rmSync(dir, { recursive: true, force: true })
})

/** The real CLI in its own process, as a user or a script runs it. */
async function run(args: string[]): Promise<{ code: number | null; out: string[]; err: string }> {
  const p = startCli([...args, '--data-dir', data])
  const code = await p.exit
  return { code, out: p.lines, err: p.stderr.join('') }
}

interface StatusJson {
  batch: { id: string }
  invoices: { merchant_reference: string; status: string }[]
  left_out: { merchant_reference: string; rows: number[]; reason: string; error: string }[]
}

async function status(batchId: string): Promise<StatusJson> {
  const r = await run(['status', batchId, '--json'])
  expect(r.code).toBe(0)
  return JSON.parse(r.out.join('\n')) as StatusJson
}

const submit = (file: string, ...extra: string[]) =>
  run(['submit', join(dir, file), '--env', 'sandbox', '--api-url', sb.baseUrl, '--yes', '--json', ...extra])

describe('CLI: invoices left out of a batch', () => {
  it('submit --skip-invalid keeps them with the batch; status --json lists them; the failed-rows export holds them', async () => {
    const refused = await submit('mars.csv')
    expect(refused.code).toBe(1)
    const db = openAppDb(data)
    expect(listBatches(db)).toEqual([])
    db.close()

    const r = await submit('mars.csv', '--skip-invalid')
    expect(r.code).toBe(0)
    const batchId = (JSON.parse(r.out[0]) as { event: string; id: string }).id
    expect([...byReference(await sandboxTransactions(sb)).keys()]).toEqual(['LO-0001'])

    const s = await status(batchId)
    expect(s.invoices.map((i) => [i.merchant_reference, i.status])).toEqual([['LO-0001', 'authorized']])
    expect(s.left_out.map((l) => [l.merchant_reference, l.rows, l.reason])).toEqual([
      ['LO-0002', [3], 'invalid'],
      ['LO-0003', [4], 'invalid'],
    ])
    expect(s.left_out[0].error).toContain('kari(at)example.no')
    expect(s.left_out[1].error).toMatch(/Beskrivelse/)

    const text = await run(['status', batchId])
    expect(text.out.join('\n')).toMatch(/LO-0002\s+left out \(invalid\) — rows 3: .*kari\(at\)example\.no/)

    const out = join(dir, 'mars-failed.csv')
    const e = await run([
      'export',
      batchId,
      '--format',
      'csv',
      '--out',
      out,
      '--failed-only',
      '--delimiter',
      ';',
    ])
    expect(e.code).toBe(0)
    const lines = readFileSync(out, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines).toHaveLength(3)
    const header = lines[0].split(';')
    expect(header.at(-1)).toBe('error')
    // The user's own columns, as they wrote them.
    expect(header.slice(0, 5)).toEqual(['Fakturanr', 'Kundetype', 'Forfall', 'Fornavn', 'Etternavn'])
    const kari = Object.fromEntries(lines[1].split(';').map((v, i) => [header[i], v]))
    expect(kari).toMatchObject({
      Fakturanr: 'LO-0002',
      Kundetype: 'Privat',
      Forfall: '14',
      Fornavn: 'Kari',
      Etternavn: 'Nordmann1',
      'E-post': 'kari(at)example.no',
      Mobil: '98765432',
      Beløp: '101,01',
    })
    expect(lines[2]).toMatch(/^LO-0003;/)
  }, 60_000)

  it('a reference invoiced in an earlier batch is left out as already invoiced', async () => {
    const r = await submit('april.csv', '--skip-invalid')
    expect(r.code).toBe(0)
    const batchId = (JSON.parse(r.out[0]) as { id: string }).id
    const s = await status(batchId)
    expect(s.invoices.map((i) => i.merchant_reference)).toEqual(['LO-0002', 'LO-0003', 'LO-0004'])
    expect(s.left_out).toEqual([
      {
        merchant_reference: 'LO-0001',
        rows: [2],
        reason: 'already_invoiced',
        error: expect.stringMatching(/already/i),
        superseded_by: null,
      },
    ])
    // Exactly once in Dintero, whatever was read twice.
    expect(byReference(await sandboxTransactions(sb)).get('LO-0001')).toHaveLength(1)
  }, 60_000)
})
