import { hostname } from 'node:os'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { DinteroApi } from '../../../src/main/dintero/types'
import { daysUntilDue } from '../../../src/main/values/oslo-date'
import { createBatch } from '../../../src/main/journal/freeze'
import { startRun } from '../../../src/main/engine/engine'
import { getAttempts, getBatch, getInvoiceByReference, listInvoices } from '../../../src/main/journal/reads'
import { acquireLease, leaseHolder } from '../../../src/main/engine/lease'
import type { Sandbox } from '../../../src/main/sandbox'
import { batchInput, invoices, tempDb } from '../../support/journal-fixtures'
import { byReference, clientFor, run, sandbox, sandboxTransactions } from './helpers'

let sb: Sandbox
let t: ReturnType<typeof tempDb>
beforeAll(async () => {
  sb = await sandbox()
})
afterAll(async () => {
  await sb.close()
})
afterEach(() => {
  sb.setFaults({ latencyMs: 0 })
  t?.close()
})

const fast = { backoffBaseMs: 20, backoffMaxMs: 200, rate: 500, concurrency: 4 }

async function expectExactlyOnce(batchId: string) {
  const byRef = byReference(await sandboxTransactions(sb))
  for (const i of listInvoices(t.db, batchId)) {
    const txs = byRef.get(i.merchant_reference) ?? []
    if (i.state === 'authorized') expect(txs.map((x) => x.id)).toEqual([i.transaction_id])
    else expect(txs).toEqual([])
  }
}

describe('run control', () => {
  it('canary: sends the first N, pauses, and continues without it on resume', async () => {
    t = tempDb()
    const id = createBatch(
      t.db,
      batchInput(invoices(12, 'CAN'), { ...fast, canary: 3 }, 'sandbox', { baseUrl: sb.baseUrl }),
    )
    const client = clientFor(sb)
    const first = await run(t.db, client, id)
    expect(first.summary).toMatchObject({ state: 'paused', pauseReason: 'canary', exitCode: 3 })
    expect(first.summary.counts).toEqual({ authorized: 3, pending: 9 })
    expect(listInvoices(t.db, id, { state: 'authorized' }).map((i) => i.seq)).toEqual([1, 2, 3])
    const second = await run(t.db, client, id)
    expect(second.summary).toMatchObject({ state: 'finished', counts: { authorized: 12 } })
    await expectExactlyOnce(id)
  })

  it('pause lets in-flight requests finish and be journaled; resume completes without duplicates', async () => {
    t = tempDb()
    sb.setFaults({ latencyMs: 30 })
    const id = createBatch(t.db, batchInput(invoices(40, 'PAUSE'), fast, 'sandbox', { baseUrl: sb.baseUrl }))
    const client = clientFor(sb)
    const handle = startRun({ db: t.db, client }, id, {
      onEvent: (u) => {
        if (u.progress.done >= 5) handle.pause()
      },
      updateIntervalMs: 20,
    })
    const summary = await handle.done
    expect(summary).toMatchObject({ state: 'paused', pauseReason: 'user', exitCode: 3 })
    expect(summary.counts.sending ?? 0).toBe(0)
    expect(summary.counts.pending).toBeGreaterThan(0)
    expect(leaseHolder(t.db, id)).toBeNull()
    const again = await run(t.db, client, id)
    expect(again.summary).toMatchObject({ state: 'finished', counts: { authorized: 40 } })
    await expectExactlyOnce(id)
  })

  it('cancel marks what was never sent cancelled', async () => {
    t = tempDb()
    sb.setFaults({ latencyMs: 30 })
    const id = createBatch(t.db, batchInput(invoices(30, 'CANCEL'), fast, 'sandbox', { baseUrl: sb.baseUrl }))
    const handle = startRun({ db: t.db, client: clientFor(sb) }, id, {
      onEvent: (u) => {
        if (u.progress.done >= 3) handle.cancel()
      },
      updateIntervalMs: 20,
    })
    const summary = await handle.done
    expect(summary.state).toBe('cancelled')
    expect((summary.counts.authorized ?? 0) + (summary.counts.cancelled ?? 0)).toBe(30)
    expect(summary.counts.cancelled).toBeGreaterThan(0)
    expect(() => startRun({ db: t.db, client: clientFor(sb) }, id)).toThrow(/cancelled/)
    await expectExactlyOnce(id)
  })

  it('refuses a batch another live process is sending, and takes over a dead owner’s lease', async () => {
    t = tempDb()
    const id = createBatch(t.db, batchInput(invoices(3, 'LEASE'), fast, 'sandbox', { baseUrl: sb.baseUrl }))
    acquireLease(t.db, id, { pid: process.ppid, host: hostname() }) // a live process here
    expect(() => startRun({ db: t.db, client: clientFor(sb) }, id)).toThrow(/being sent by process/)
    // Silent for 15 s: taken over even though its pid is alive.
    t.db.prepare('UPDATE leases SET heartbeat_at_ms = heartbeat_at_ms - 16000').run()
    const { summary } = await run(t.db, clientFor(sb), id)
    expect(summary.counts).toEqual({ authorized: 3 })
    // A dead pid on this host: taken over at once.
    const id2 = createBatch(t.db, batchInput(invoices(1, 'LEASE2'), fast, 'sandbox', { baseUrl: sb.baseUrl }))
    acquireLease(t.db, id2, { pid: 999_999, host: hostname(), isPidAlive: () => true })
    expect((await run(t.db, clientFor(sb), id2)).summary.counts).toEqual({ authorized: 1 })
  })

  it('treats rows left sending by a crash as unknown and looks them up before anything else', async () => {
    t = tempDb()
    const client = clientFor(sb)
    const id = createBatch(t.db, batchInput(invoices(2, 'CRASH'), fast, 'sandbox', { baseUrl: sb.baseUrl }))
    const [one, two] = listInvoices(t.db, id)
    // One was sent and created before the crash; the other never left.
    const { payRequest } = await import('../../support/journal-fixtures')
    await client.pay(payRequest('CRASH-00001', 12_500), { toggle: 'strict-success-merchant-reference' })
    t.db
      .prepare(
        `UPDATE invoices SET state = 'sending', first_sent_at = '2026-01-01T00:00:00Z' WHERE id IN (?, ?)`,
      )
      .run(one.id, two.id)
    t.db
      .prepare(
        `INSERT INTO attempts (invoice_id, batch_id, kind, started_at) VALUES (?, ?, 'pay', '2026-01-01T00:00:00Z')`,
      )
      .run(one.id, id)
    const { summary } = await run(t.db, client, id, { confirmSpanMs: 200 })
    expect(summary.counts).toEqual({ authorized: 2 })
    expect(getAttempts(t.db, one.id).map((a) => `${a.kind}:${a.outcome}`)).toEqual([
      'pay:interrupted',
      'lookup:adopted',
    ])
    // It may have reached Dintero unseen (lists can lag): "nothing" is seen three times over the
    // confirmation span before it is sent again.
    const two_ = getAttempts(t.db, two.id)
    expect(two_.map((a) => `${a.kind}:${a.outcome}`)).toEqual([
      'lookup:none',
      'lookup:none',
      'lookup:none',
      'pay:authorized',
    ])
    expect(Date.parse(two_[2].started_at) - Date.parse(two_[0].started_at)).toBeGreaterThanOrEqual(200)
    await expectExactlyOnce(id)
    expect(getInvoiceByReference(t.db, id, 'CRASH-00001')?.state).toBe('authorized')
  })

  it('sends at most about ten updates a second however many rows change', async () => {
    t = tempDb()
    const id = createBatch(
      t.db,
      batchInput(invoices(300, 'MANY'), { ...fast, concurrency: 16 }, 'sandbox', { baseUrl: sb.baseUrl }),
    )
    const started = Date.now()
    const { summary, updates } = await run(t.db, clientFor(sb), id)
    const seconds = (Date.now() - started) / 1000
    expect(summary.counts).toEqual({ authorized: 300 })
    expect(updates.length).toBeLessThanOrEqual(Math.ceil(seconds * 10) + 2)
    expect(new Set(updates.flatMap((u) => u.rows.map((r) => r.id))).size).toBe(300)
    expect(getBatch(t.db, id)?.state).toBe('finished')
  })

  it('cancel right after start sends nothing', async () => {
    t = tempDb()
    const id = createBatch(t.db, batchInput(invoices(5, 'NOW'), fast, 'sandbox', { baseUrl: sb.baseUrl }))
    const handle = startRun({ db: t.db, client: clientFor(sb) }, id)
    handle.cancel()
    const summary = await handle.done
    expect(summary).toMatchObject({ state: 'cancelled', counts: { cancelled: 5 }, exitCode: 3 })
    expect(byReference(await sandboxTransactions(sb)).has('NOW-00001')).toBe(false)
  })

  it('recomputes days_until_due from the due date when it sends', async () => {
    t = tempDb()
    const real = clientFor(sb)
    const sent: number[] = []
    const spy: DinteroApi = {
      ...real,
      pay: (body, o) => {
        sent.push(body.payment.days_until_due)
        return real.pay(body, o)
      },
      listByMerchantReference: (ref) => real.listByMerchantReference(ref),
    }
    const due = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10)
    const list = invoices(1, 'DUE').map((i) => ({ ...i, due_date: due }))
    const id = createBatch(t.db, batchInput(list, fast, 'sandbox', { baseUrl: sb.baseUrl }))
    await run(t.db, real, id, {}, { client: spy })
    expect(sent).toEqual([daysUntilDue(due, new Date())])
    expect(sent[0]).not.toBe(14)
    expect(getInvoiceByReference(t.db, id, 'DUE-00001')?.kravia_due_date).toBe(due)
  })

  it('a stalled sender whose lease was taken over stops without touching the batch; nothing is sent twice', async () => {
    t = tempDb()
    sb.setFaults({ latencyMs: 150 })
    const id = createBatch(t.db, batchInput(invoices(16, 'STALL'), fast, 'sandbox', { baseUrl: sb.baseUrl }))
    let b: ReturnType<typeof startRun> | undefined
    const a = startRun({ db: t.db, client: clientFor(sb) }, id, {
      updateIntervalMs: 20,
      onEvent: (u) => {
        if (b || (u.progress.counts.sending ?? 0) === 0) return
        // A looks dead (silent for 16 s) while its requests are in flight: B takes over.
        t.db.prepare('UPDATE leases SET heartbeat_at_ms = heartbeat_at_ms - 16000').run()
        b = startRun({ db: t.db, client: clientFor(sb), lease: { pid: 4242 } }, id)
      },
    })
    const first = await a.done
    expect(b).toBeDefined()
    expect(first.exitCode).toBe(3)
    const second = await b!.done
    expect(second).toMatchObject({ state: 'finished', counts: { authorized: 16 } })
    expect(getBatch(t.db, id)?.state).toBe('finished')
    await expectExactlyOnce(id)
  })
})
