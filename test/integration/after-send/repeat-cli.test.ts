import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import { commands } from '../../../src/main/cli/commands'
import { type CliContext, type Command, runCommand } from '../../../src/main/cli/context'
import { openAppDb } from '../../../src/main/db/store'
import { SANDBOX_FILE } from '../../../src/main/environments/connect'
import { TEMPLATE_FIELDS } from '../../../src/main/invoice/template'
import { silentLogger } from '../../../src/main/log'
import { startSandbox } from '../../../src/main/sandbox'
import { clientFor, row, sentBatch } from './helpers'
import { setInvoiceState } from '../../../src/main/journal/invoice-state'

const dataDir = mkdtempSync(join(tmpdir(), 'kb-cli-repeat-'))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

async function run(name: string, args: string[], json = false) {
  const out: string[] = []
  const err: string[] = []
  const ctx: Omit<CliContext, 'connector'> = {
    dataDir,
    json,
    verbose: false,
    log: silentLogger,
    env: {},
    interactive: false,
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    signal: new AbortController().signal,
  }
  const command: Command = await commands[name]()
  const code = await runCommand(command, args, ctx).catch((e: Error) => e)
  return { code, out: out.join('\n'), err: err.join('\n') }
}

interface ValidateJson {
  invoices: { merchant_reference: string; request: { session: { order: { amount: number } } } }[]
  errors: { code: string; value?: string }[]
}

describe('repeat: a new run based on a finished batch', () => {
  let batchId: string
  beforeAll(async () => {
    const sandbox = await startSandbox({ dataFile: join(dataDir, SANDBOX_FILE) })
    const api = clientFor(sandbox)
    const db = openAppDb(dataDir)
    batchId = await sentBatch(db, api, sandbox.baseUrl, [
      { ref: 'ABO-1', amount: 299_00 },
      { ref: 'ABO-2', amount: 450_00 },
      { ref: 'ABO-3', amount: 1250_00 },
      { ref: 'ABO-4', amount: 99_00 },
    ])
    // ABO-3 was voided last month; ABO-4's row failed (set by hand: the sandbox accepted it).
    setInvoiceState(db, row(db, batchId, 'ABO-3').id, 'voided')
    db.prepare(
      "UPDATE invoices SET state = 'failed', transaction_id = NULL WHERE merchant_reference = 'ABO-4'",
    ).run()
    db.prepare("UPDATE batches SET state = 'finished' WHERE id = ?").run(batchId)
    db.close()
    api.close()
    await sandbox.close()
  })

  it('writes the kept invoices under new references that the plan does not find already invoiced', async () => {
    const file = join(dataDir, 'desember.csv')
    const r = await run('repeat', [
      'latest',
      '--reference-pattern',
      '{ref}-{yyyy}{mm}',
      '--date',
      '2026-12-01',
      '--out',
      file,
    ])
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/wrote 2 invoices \(2 lines, 749\.00 NOK\) based on batch/)
    expect(r.out).toMatch(/left out: 1 voided, 1 failed or not sent/)
    const text = readFileSync(file, 'utf8')
    const [header, ...lines] = text.slice(1).trim().split('\r\n')
    expect(header.split(';')).toEqual(TEMPLATE_FIELDS)
    expect(lines).toHaveLength(2)
    const rec = (line: string) => Object.fromEntries(line.split(';').map((v, i) => [TEMPLATE_FIELDS[i], v]))
    expect(rec(lines[0])).toMatchObject({
      merchant_reference: 'ABO-1-202612',
      payment_product_type: 'b2b',
      days_until_due: '14',
      first_name: 'Kari',
      business_name: 'Firma ABO-1 AS',
      organization_number: '974760673',
      description: 'Consulting',
      quantity: '1',
      amount: '299,00',
      vat: '25',
      currency: 'NOK',
    })
    expect(rec(lines[1]).merchant_reference).toBe('ABO-2-202612')

    // The plan's "already invoiced" check: the new file passes, the old references would not.
    const v = await run('validate', [file, '--env', 'sandbox'], true)
    expect(v.code).toBe(0)
    const plan = JSON.parse(v.out) as ValidateJson
    expect(plan.errors).toEqual([])
    expect(plan.invoices.map((i) => i.merchant_reference)).toEqual(['ABO-1-202612', 'ABO-2-202612'])
    expect(plan.invoices.map((i) => i.request.session.order.amount)).toEqual([299_00, 450_00])

    const same = await run('repeat', ['latest', '--reference-pattern', '{ref}', '--out', file])
    expect(same.code).toBeInstanceOf(Error)
    expect((same.code as Error).message).toMatch(
      /already invoiced: ABO-1 in batch .* \(and 1 more\)\. Choose another pattern\./,
    )
  })

  it('takes voided and failed invoices when asked, numbers with a counter, and writes XLSX', async () => {
    const file = join(dataDir, 'medlem.xlsx')
    const r = await run(
      'repeat',
      [
        batchId,
        '--reference-pattern',
        'MEDLEM-{yy}-{n:3}',
        '--date',
        '2027-01-15',
        '--start',
        '7',
        '--include-voided',
        '--include-failed',
        '--out',
        file,
      ],
      true,
    )
    expect(r.code).toBe(0)
    expect(JSON.parse(r.out)).toMatchObject({
      invoices: 4,
      amount: 2098_00,
      left_out: { voided: 0, failed: 0 },
      references: [
        { from: 'ABO-1', to: 'MEDLEM-27-007' },
        { from: 'ABO-2', to: 'MEDLEM-27-008' },
        { from: 'ABO-3', to: 'MEDLEM-27-009' },
        { from: 'ABO-4', to: 'MEDLEM-27-010' },
      ],
    })
    const wb = XLSX.read(readFileSync(file))
    expect(wb.SheetNames).toEqual(['Fakturaer'])
    const v = await run('validate', [file, '--env', 'sandbox'], true)
    const plan = JSON.parse(v.out) as ValidateJson
    expect(plan.errors).toEqual([])
    expect(plan.invoices).toHaveLength(4)
  })

  it('refuses a pattern without {ref} or {n}, an unknown placeholder, and a batch still running', async () => {
    const out = join(dataDir, 'x.csv')
    const same = await run('repeat', ['latest', '--reference-pattern', 'FAST-{yyyy}', '--out', out])
    expect((same.code as Error).message).toMatch(
      /would give every invoice the same reference: include \{ref\} or \{n\}/,
    )
    const unknown = await run('repeat', ['latest', '--reference-pattern', '{ref}-{month}', '--out', out])
    expect((unknown.code as Error).message).toMatch(/unknown placeholder \{month\}/)
    const missing = await run('repeat', ['latest', '--out', out])
    expect((missing.code as Error).message).toMatch(/needs --reference-pattern/)
    const db = openAppDb(dataDir)
    db.prepare("UPDATE batches SET state = 'paused' WHERE id = ?").run(batchId)
    db.close()
    const paused = await run('repeat', [batchId, '--reference-pattern', '{ref}-2', '--out', out])
    expect((paused.code as Error).message).toMatch(/is still paused: finish or cancel it/)
    const db2 = openAppDb(dataDir)
    db2.prepare("UPDATE batches SET state = 'finished' WHERE id = ?").run(batchId)
    db2.close()
  })
})
