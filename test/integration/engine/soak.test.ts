import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openAppDb } from '../../../src/main/db/store'
import { listInvoices } from '../../../src/main/journal/reads'
import { type Sandbox, seededRandom, startSandbox } from '../../../src/main/sandbox'
import { isAuthorizedOrLater } from '../../../src/shared/states'
import { type CliProcess, invoiceEvents, startCli } from './cli-process'
import { byReference, invoiceCsv, sandboxTransactions } from './helpers'

/**
 * The fault-injection soak: a few hundred invoices through the real CLI against a sandbox with
 * 5xx, responses lost after commit, 429s, 200-with-FAILED, pays held ON_HOLD for a second, and a
 * transaction list that lags behind new transactions; the sending process SIGKILLed
 * (its whole process group) mid-run twice and resumed; two resumes racing for the batch. In the
 * end every invoice exists exactly once in the sandbox and the journal agrees row by row.
 */

const N = 300
let dir: string
let sb: Sandbox
const spawned: CliProcess[] = []

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kb-soak-'))
  sb = await startSandbox({
    port: 0,
    dataFile: join(dir, 'sandbox-under-test.sqlite'),
    random: seededRandom(20261125),
    // About a quarter of requests hit a fault, plus a rate limit below what the CLI asks for.
    failRate: 0.12,
    lostResponseRate: 0.12,
    failedStatusRate: 0.02,
    rateLimit: 25,
    latencyMs: 5,
    // In-between states and a lagging list: an empty lookup or a held transaction must never
    // lead to a second invoice.
    pendingStatusRate: 0.1,
    listLagMs: 1500,
  })
  writeFileSync(join(dir, 'invoices.csv'), invoiceCsv(N, 'SOAK'))
})

afterAll(async () => {
  for (const p of spawned) p.killGroup()
  await sb?.close()
  rmSync(dir, { recursive: true, force: true })
})

/** 429s the sandbox has answered on any /v1 route. */
function throttledSoFar(): number {
  return Object.entries(sb.stats().byRoute)
    .filter(([route]) => route.includes('/v1/'))
    .reduce((n, [, byStatus]) => n + (byStatus['429'] ?? 0), 0)
}

function cli(args: string[]): CliProcess {
  const p = startCli([...args, '--data-dir', join(dir, 'data'), '--json'])
  spawned.push(p)
  return p
}

describe('soak: faults, SIGKILL mid-run, resume', () => {
  it('creates every invoice exactly once and the journal agrees with Dintero row by row', async () => {
    const api = ['--api-url', sb.baseUrl]
    const submit = cli([
      'submit',
      join(dir, 'invoices.csv'),
      '--env',
      'sandbox',
      '--yes',
      '--rate',
      '120',
      '--concurrency',
      '8',
      ...api,
    ])
    const first = await submit.waitFor((l) => l.startsWith('{"event":"batch"'))
    const batchId = (JSON.parse(first) as { id: string }).id
    await submit.waitFor((_, all) => invoiceEvents(all) >= 60)
    submit.killGroup()
    expect(await submit.exit).toBeNull() // killed, not exited

    const second = cli(['resume', batchId, '--yes', ...api])
    await second.waitFor((l) => l.startsWith('{"event":"invoice"'))
    // A squeeze on the limit while it runs: 429s for sure, however fast or slow this machine is.
    sb.setFaults({ rateLimit: 3 })
    for (let i = 0; i < 200 && throttledSoFar() === 0; i++) await new Promise((r) => setTimeout(r, 50))
    sb.setFaults({ rateLimit: 25 })
    await second.waitFor((_, all) => invoiceEvents(all) >= 80)
    second.killGroup()
    expect(await second.exit).toBeNull()

    // Two processes resume the same batch at once: one sends, the other is refused (or finds nothing left).
    const a = cli(['resume', batchId, '--yes', ...api])
    const b = cli(['resume', batchId, '--yes', ...api])
    const codes = await Promise.all([a.exit, b.exit])
    const refused = [a, b].filter((p) => p.stderr.join('').includes('is being sent by process'))
    expect(refused.length).toBeLessThanOrEqual(1)
    for (const [i, code] of codes.entries()) {
      const p = [a, b][i]
      if (refused.includes(p)) expect(code).toBe(3)
      else expect([0, 1, 3]).toContain(code)
    }
    // Anything still open (a fault streak outlasting an invoice's tries) is sent by one more resume.
    if (!codes.some((c) => c === 0 || c === 1)) {
      const last = cli(['resume', batchId, '--yes', ...api])
      expect([0, 1]).toContain(await last.exit)
    }

    // The truth in the sandbox vs the journal, row by row.
    const byRef = byReference(await sandboxTransactions(sb))
    const db = openAppDb(join(dir, 'data'))
    try {
      const rows = listInvoices(db, batchId, { limit: N + 1 })
      expect(rows).toHaveLength(N)
      let failed = 0
      for (const row of rows) {
        const txs = byRef.get(row.merchant_reference) ?? []
        const created = txs.filter((t) => isAuthorizedOrLater(t.status))
        if (row.state === 'authorized') {
          expect(
            created.map((t) => t.id),
            row.merchant_reference,
          ).toEqual([row.transaction_id])
        } else {
          // Only Dintero's own refusals (200 with FAILED) may end failed; never a transient fault.
          expect(row.state, row.merchant_reference).toBe('failed')
          expect(row.fail_reason).toBe('rejected')
          expect(created).toEqual([])
          expect(txs.some((t) => t.status === 'FAILED')).toBe(true)
          failed++
        }
      }
      // Every FAILED-only reference is a failed row, and nothing else failed.
      const failedOnly = [...byRef.entries()].filter(
        ([ref, txs]) => ref.startsWith('SOAK-') && !txs.some((t) => isAuthorizedOrLater(t.status)),
      )
      expect(failed).toBe(failedOnly.length)
      // The faults really happened.
      const pay = sb.stats().byRoute['POST /v1/sessions/pay'] ?? {}
      expect(pay.lost ?? 0).toBeGreaterThan(0)
      expect((pay['500'] ?? 0) + (pay['502'] ?? 0) + (pay['503'] ?? 0)).toBeGreaterThan(0)
      expect(failed).toBeGreaterThan(0)
      expect(throttledSoFar()).toBeGreaterThan(0)
      // Some pays were answered ON_HOLD and waited as unknown until authorized.
      const held = db
        .prepare(`SELECT COUNT(*) AS n FROM attempts WHERE batch_id = ? AND error_kind = 'in_between'`)
        .get(batchId) as { n: number }
      expect(held.n).toBeGreaterThan(0)
    } finally {
      db.close()
    }
  }, 150_000)
})
