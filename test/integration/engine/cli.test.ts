import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CliContext, type ExitCode, runCommand } from '../../../src/main/cli/context'
import { openAppDb } from '../../../src/main/db/store'
import { silentLogger } from '../../../src/main/log'
import { getBatch } from '../../../src/main/journal/reads'
import type { Sandbox } from '../../../src/main/sandbox'
import { byReference, invoiceCsv, sandbox, sandboxTransactions } from './helpers'

let dir: string
let sb: Sandbox
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kb-cli-runs-'))
  sb = await sandbox()
  writeFileSync(join(dir, 'three.csv'), invoiceCsv(3, 'CLI'))
  writeFileSync(join(dir, 'canary.csv'), invoiceCsv(4, 'CANARY'))
  writeFileSync(join(dir, 'test-env.csv'), invoiceCsv(2, 'TESTENV'))
  writeFileSync(join(dir, 'slow.csv'), invoiceCsv(40, 'SLOW'))
  writeFileSync(join(dir, 'bad.csv'), invoiceCsv(2, 'BAD').replace('kari1@example.no', 'kari(at)example.no'))
})
afterAll(async () => {
  await sb.close()
  rmSync(dir, { recursive: true, force: true })
})

async function cli(
  name: 'submit' | 'resume' | 'status',
  args: string[],
  o: {
    json?: boolean
    interactive?: boolean
    env?: NodeJS.ProcessEnv
    signal?: AbortSignal
    onOut?: (l: string) => void
    dataDir?: string
  } = {},
): Promise<{ code: ExitCode | number; out: string[]; err: string[] }> {
  const out: string[] = []
  const err: string[] = []
  const ctx: Omit<CliContext, 'connector'> = {
    dataDir: o.dataDir ?? join(dir, 'data'),
    json: o.json ?? false,
    verbose: false,
    log: silentLogger,
    env: o.env ?? {},
    interactive: o.interactive ?? false,
    out: (l) => {
      out.push(l)
      o.onOut?.(l)
    },
    err: (l) => err.push(l),
    signal: o.signal ?? new AbortController().signal,
  }
  const { command } = await import(`../../../src/main/cli/commands/${name}.ts`)
  try {
    return { code: await runCommand(command, args, ctx), out, err }
  } catch (e) {
    const code = (e as { exitCode?: number }).exitCode ?? 4
    return { code, out, err: [...err, (e as Error).message] }
  }
}

const api = () => ['--api-url', sb.baseUrl]

describe('CLI submit / resume / status', () => {
  it('refuses to send without --yes when no terminal is attached, and production without --yes', async () => {
    const r = await cli('submit', [join(dir, 'three.csv'), '--env', 'sandbox', ...api()])
    expect(r.code).toBe(2)
    expect(r.err.join('\n')).toMatch(/--yes/)
    const p = await cli('submit', [join(dir, 'three.csv'), '--env', 'production', '--account', 'P12345678'], {
      interactive: true,
    })
    expect(p.code).toBe(2)
    expect((await sandboxTransactions(sb)).length).toBe(0)
  })

  it('needs credentials from the environment for test, and allows --toggle off only in the sandbox', async () => {
    const args = [join(dir, 'test-env.csv'), '--env', 'test', '--account', 'T12345678', '--yes', ...api()]
    const missing = await cli('submit', args)
    expect(missing.code).toBe(2)
    expect(missing.err.join('\n')).toMatch(/DINTERO_CLIENT_ID/)
    expect((await cli('submit', [...args, '--toggle', 'off'])).code).toBe(2)
    const ok = await cli('submit', args, {
      env: { DINTERO_CLIENT_ID: 'sandbox', DINTERO_CLIENT_SECRET: 'sandbox' },
    })
    expect(ok.code).toBe(0)
  })

  it('sends nothing and exits 1 when invoices are invalid, unless --skip-invalid', async () => {
    const r = await cli('submit', [join(dir, 'bad.csv'), '--env', 'sandbox', '--yes', ...api()])
    expect(r.code).toBe(1)
    expect(byReference(await sandboxTransactions(sb)).has('BAD-0001')).toBe(false)
    const s = await cli('submit', [
      join(dir, 'bad.csv'),
      '--env',
      'sandbox',
      '--yes',
      '--skip-invalid',
      ...api(),
    ])
    expect(s.code).toBe(0)
    const txs = byReference(await sandboxTransactions(sb))
    expect([txs.has('BAD-0001'), txs.has('BAD-0002')]).toEqual([true, false])
  })

  it('--json: the batch event first, invoice and progress events, an end event; status --json has the shape its help describes', async () => {
    const r = await cli('submit', [join(dir, 'three.csv'), '--env', 'sandbox', '--yes', ...api()], {
      json: true,
    })
    expect(r.code).toBe(0)
    const events = r.out.map((l) => JSON.parse(l) as { event: string; id?: string })
    expect(events[0]).toMatchObject({ event: 'batch' })
    expect(events.filter((e) => e.event === 'invoice')).toHaveLength(3)
    expect(events.at(-1)).toMatchObject({
      event: 'end',
      state: 'finished',
      exit_code: 0,
      counts: { authorized: 3 },
    })
    const status = await cli('status', [events[0].id!], { json: true })
    const doc = JSON.parse(status.out.join('')) as {
      batch: Record<string, unknown>
      invoices: Record<string, unknown>[]
    }
    expect(Object.keys(doc.batch)).toEqual(
      expect.arrayContaining(['id', 'state', 'env', 'account', 'created_at', 'counts']),
    )
    expect(doc.batch).toMatchObject({
      id: events[0].id,
      state: 'finished',
      env: 'sandbox',
      counts: { authorized: 3 },
    })
    expect(doc.invoices[0]).toMatchObject({
      merchant_reference: 'CLI-0001',
      rows: [2],
      status: 'authorized',
      amount: 10_000,
    })
    for (const k of ['transaction_id', 'invoice_number', 'kid', 'due_date', 'error'])
      expect(doc.invoices[0]).toHaveProperty(k)
    // The same file again: everything is already invoiced, so nothing is sent.
    expect((await cli('submit', [join(dir, 'three.csv'), '--env', 'sandbox', '--yes', ...api()])).code).toBe(
      1,
    )
  })

  it('canary stops with exit 3; resume (the latest unfinished batch) sends the rest', async () => {
    const r = await cli('submit', [
      join(dir, 'canary.csv'),
      '--env',
      'sandbox',
      '--yes',
      '--canary',
      '1',
      ...api(),
    ])
    expect(r.code).toBe(3)
    expect(r.out[0]).toMatch(/^batch \d{6}-\d{6}/)
    expect(r.out.at(-1)).toMatch(/canary/)
    const resumed = await cli('resume', ['--yes', ...api()])
    expect(resumed.code).toBe(0)
    expect(resumed.out[0]).toBe(r.out[0])
    expect(resumed.out.at(-1)).toMatch(/finished: 4 authorized/)
  })

  it('Ctrl-C pauses cleanly (exit 3) and resume finishes the batch', async () => {
    sb.setFaults({ latencyMs: 40 })
    const ctl = new AbortController()
    try {
      const r = await cli(
        'submit',
        [join(dir, 'slow.csv'), '--env', 'sandbox', '--yes', '--concurrency', '2', ...api()],
        {
          signal: ctl.signal,
          onOut: (l) => {
            if (l.startsWith('batch ')) setTimeout(() => ctl.abort(), 150)
          },
        },
      )
      expect(r.code).toBe(3)
      const id = r.out[0].slice('batch '.length)
      const db = openAppDb(join(dir, 'data'))
      const b = getBatch(db, id)!
      db.close()
      expect(b).toMatchObject({ state: 'paused', pause_reason: 'signal' })
      expect(b.counts.sending ?? 0).toBe(0)
      expect(b.counts.pending).toBeGreaterThan(0)
      expect((await cli('resume', [id, '--yes', ...api()])).code).toBe(0)
    } finally {
      sb.setFaults({ latencyMs: 0 })
    }
  })

  it('--env sandbox without --api-url uses the built-in sandbox on the data folder', async () => {
    const own = join(dir, 'own-data')
    writeFileSync(join(dir, 'builtin.csv'), invoiceCsv(2, 'BUILTIN'))
    const r = await cli('submit', [join(dir, 'builtin.csv'), '--env', 'sandbox', '--yes'], { dataDir: own })
    expect(r.code).toBe(0)
    expect(existsSync(join(own, 'sandbox.sqlite'))).toBe(true)
    const status = await cli('status', [], { json: true, dataDir: own })
    const doc = JSON.parse(status.out.join('')) as { invoices: { status: string; kid: string | null }[] }
    expect(doc.invoices.map((i) => i.status)).toEqual(['authorized', 'authorized'])
    expect(doc.invoices[0].kid).toMatch(/^\d+$/)
    expect(byReference(await sandboxTransactions(sb)).has('BUILTIN-0001')).toBe(false) // not the test's sandbox
  })
})
