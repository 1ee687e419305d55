import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CliContext, type Command, runCommand } from '../../../src/main/cli/context'
import { commands } from '../../../src/main/cli/commands'
import { openAppDb } from '../../../src/main/db/store'
import { SANDBOX_FILE } from '../../../src/main/environments/connect'
import { silentLogger } from '../../../src/main/log'
import { startSandbox } from '../../../src/main/sandbox'
import { createBatch } from '../../../src/main/journal/freeze'
import { AppError } from '../../../src/shared/errors'
import { batchInput, payRequest } from '../../support/journal-fixtures'
import { clientFor, customerPays, row, sentBatch } from './helpers'

const dataDir = mkdtempSync(join(tmpdir(), 'kb-cli-after-'))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

async function run(name: string, args: string[], env: NodeJS.ProcessEnv = {}, json = false) {
  const out: string[] = []
  const err: string[] = []
  const ctx: Omit<CliContext, 'connector'> = {
    dataDir,
    json,
    verbose: false,
    log: silentLogger,
    env,
    interactive: false,
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    signal: new AbortController().signal,
  }
  const command: Command = await commands[name]()
  const code = await runCommand(command, args, ctx)
  return { code, out: out.join('\n'), err: err.join('\n') }
}

describe('CLI void, capture, refresh, export', () => {
  let batchId: string
  beforeAll(async () => {
    // Sent through the built-in sandbox on the data dir's file, as `submit --env sandbox` does.
    const sandbox = await startSandbox({ dataFile: join(dataDir, SANDBOX_FILE) })
    const api = clientFor(sandbox)
    const db = openAppDb(dataDir)
    batchId = await sentBatch(db, api, sandbox.baseUrl, [
      { ref: 'C-1', amount: 100_00 },
      { ref: 'C-2', amount: 200_00 },
      { ref: 'C-3', amount: 300_00, channel: 'merchant' },
      { ref: '=C-4', amount: 400_00 },
    ])
    await customerPays(sandbox, row(db, batchId, 'C-2').transaction_id!, 200_00)
    db.close()
    api.close()
    await sandbox.close()
  })

  it('void needs --yes: says what it would do, sends nothing, exit 2', async () => {
    const r = await run('void', ['latest', '--ref', 'C-1'])
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/void would cancel 1 invoice \(100\.00 NOK\) in sandbox batch .*Add --yes/)
    const u = await run('void', ['latest']).catch((e: Error) => e)
    expect(u).toBeInstanceOf(Error)
    expect((u as Error).message).toMatch(/--all or --ref/)
  })

  it('refresh sees the payment; void and capture work on the restarted sandbox; a refused ref exits 1', async () => {
    const refresh = await run('refresh', ['latest'], {}, true)
    expect(refresh.code).toBe(0)
    const json = JSON.parse(refresh.out)
    expect(json).toMatchObject({
      batch: batchId,
      checked: 4,
      changed: 1,
      transitions: { 'authorized→paid': 1 },
    })
    expect(json.payments.paid).toEqual({ count: 1, amount: 200_00 })

    const v = await run('void', [batchId, '--ref', 'C-1', '--ref', 'C-2', '--yes'])
    expect(v.code).toBe(1)
    expect(v.out).toMatch(/voided 1 of 1 invoice \(100\.00 NOK selected\).*1 failed/)
    expect(v.err).toMatch(/C-2: C-2 is paid/)

    const c = await run('capture', ['latest', '--all', '--yes'])
    expect(c.code).toBe(0)
    expect(c.out).toMatch(/captured 1 of 1 invoice/)
  })

  it('exports CSV and XLSX, and the failed rows', async () => {
    const csvFile = join(dataDir, 'r.csv')
    const e = await run('export', ['latest', '--out', csvFile, '--delimiter', ';', '--columns', 'machine'])
    expect(e.code).toBe(0)
    expect(e.out).toMatch(/exported 4 invoices/)
    const text = readFileSync(csvFile, 'utf8')
    expect(text.charCodeAt(0)).toBe(0xfeff)
    expect(text).toContain("\r\n5;'=C-4;Firma =C-4 AS;")
    expect(text).toMatch(
      /\r\n2;C-1;Firma C-1 AS;974760673;post\+c-1@example\.no;100,00;20,00;kravia\.invoice_b2b;kravia;voided;cancelled;/,
    )

    // The default: the accountant's report in bokmål, with the payment refresh saw.
    const nbFile = join(dataDir, 'rapport.csv')
    expect((await run('export', ['latest', '--out', nbFile, '--delimiter', ';'])).code).toBe(0)
    const nb = readFileSync(nbFile, 'utf8')
    expect(nb).toMatch(
      /^\uFEFFFakturanr\.;Kunde;Org\.nr\.;E-post;Kundetype;Beløp eks\. mva;Mva;Beløp inkl\. mva;Status;Betalt beløp;/,
    )
    expect(nb).toMatch(
      /\r\nC-2;Firma C-2 AS;974760673;post\+c-2@example\.no;Bedrift;160,00;40,00;200,00;Betalt;200,00;\d{4}-\d{2}-\d{2};0,00;/,
    )
    const enFile = join(dataDir, 'report.csv')
    expect((await run('export', ['latest', '--out', enFile, '--lang', 'en'])).code).toBe(0)
    expect(readFileSync(enFile, 'utf8')).toMatch(
      /\r\nC-2,Firma C-2 AS,974760673,post\+c-2@example\.no,Business,160\.00,40\.00,200\.00,Paid,200\.00,/,
    )
    const badLang = await run('export', ['latest', '--out', enFile, '--lang', 'de']).catch(
      (err: Error) => err,
    )
    expect((badLang as Error).message).toMatch(/--lang must be nb or en/)

    const x = await run('export', ['latest', '--out', join(dataDir, 'r.xlsx')], {}, true)
    expect(JSON.parse(x.out)).toMatchObject({ format: 'xlsx', rows: 4 })

    const bad = await run('export', ['latest', '--out', join(dataDir, 'r.txt')]).catch((err: Error) => err)
    expect((bad as Error).message).toMatch(/add --format csv/)
  })

  it('needs DINTERO_CLIENT_ID/SECRET for a test-account batch and accepts only a loopback --api-url', async () => {
    const db = openAppDb(dataDir)
    const id = createBatch(
      db,
      batchInput([{ merchant_reference: 'T-1', rows: [2], request: payRequest('T-1') }], {}, 'test', {
        baseUrl: 'https://checkout.dintero.com',
      }),
    )
    db.close()
    const missing = await run('refresh', [id]).catch((e: AppError) => e)
    expect(missing).toBeInstanceOf(AppError)
    expect((missing as AppError).exitCode).toBe(2)
    expect((missing as AppError).message).toMatch(
      /Set DINTERO_CLIENT_ID and DINTERO_CLIENT_SECRET for the test account T/,
    )
    const remote = await run('refresh', [id, '--api-url', 'https://example.com'], {
      DINTERO_CLIENT_ID: 'id',
      DINTERO_CLIENT_SECRET: 'secret',
    }).catch((e: AppError) => e)
    expect((remote as AppError).exitCode).toBe(2)
    expect((remote as AppError).message).toMatch(/not allowed|must point at this machine/)
  })

  it('refresh --all reads every open invoice of the environment and account since a date, in one pass', async () => {
    const sandbox = await startSandbox({ dataFile: join(dataDir, SANDBOX_FILE) })
    const api = clientFor(sandbox)
    const db = openAppDb(dataDir)
    const old = await sentBatch(db, api, sandbox.baseUrl, [
      { ref: 'OLD-1', amount: 50_00 },
      { ref: 'OLD-2', amount: 60_00 },
    ])
    db.prepare('UPDATE batches SET created_at = ? WHERE id = ?').run(
      new Date(Date.now() - 120 * 86_400_000).toISOString(),
      old,
    )
    await customerPays(sandbox, row(db, old, 'OLD-1').transaction_id!, 50_00)
    await customerPays(sandbox, row(db, batchId, '=C-4').transaction_id!, 400_00)
    db.close()
    api.close()
    await sandbox.close()

    const recent = await run('refresh', ['--all', '--env', 'sandbox', '--account', 'T12345678'])
    expect(recent.code).toBe(0)
    expect(recent.out).toMatch(
      /^checked 2 of 2 invoices in 1 sandbox batches of T12345678 since \d{4}-\d\d-\d\d; 1 changed \(authorized→paid 1\)$/m,
    )
    expect(recent.out).toContain('1 paid since the last refresh (400.00 NOK)')

    const all = await run(
      'refresh',
      ['--all', '--since', '150d', '--env', 'sandbox', '--account', 'T12345678'],
      {},
      true,
    )
    expect(all.code).toBe(0)
    const json = JSON.parse(all.out)
    expect(json.batches).toEqual([batchId, old])
    expect(json).toMatchObject({ checked: 3, total: 3, paid: 1, paidAmount: 50_00, failed: 0 })
    const check = openAppDb(dataDir)
    expect(row(check, old, 'OLD-1').state).toBe('paid')
    expect(check.prepare('SELECT refreshed_at FROM batches WHERE id = ?').pluck().get(old)).not.toBeNull()
    check.close()

    const bad = await run('refresh', ['--all', '--since', 'last week']).catch((e: AppError) => e)
    expect((bad as AppError).message).toMatch(/--since must be a number of days/)
  })
})
