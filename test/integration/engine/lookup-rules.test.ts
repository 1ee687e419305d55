import { hostname } from 'node:os'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createBatch } from '../../../src/main/journal/freeze'
import { startRun } from '../../../src/main/engine/engine'
import { getAttempts, getInvoiceByReference } from '../../../src/main/journal/reads'
import { acquireLease } from '../../../src/main/engine/lease'
import type { Sandbox } from '../../../src/main/sandbox'
import { batchInput, invoices, payRequest, tempDb } from '../../support/journal-fixtures'
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
  sb.setFaults({ latencyMs: 0, failRate: 0 })
  t?.close()
})

const fast = { backoffBaseMs: 20, backoffMaxMs: 200, rate: 500, concurrency: 4 }
const trail = (id: number) => getAttempts(t.db, id).map((a) => `${a.kind}:${a.outcome}`)

describe('lookup rules in a run', () => {
  it('a transaction with the reference but another amount keeps the row unknown; resume looks again and never sends', async () => {
    t = tempDb()
    const client = clientFor(sb)
    await client.pay(payRequest('CONFL-1', 999), { toggle: 'strict-success-merchant-reference' })
    const id = createBatch(
      t.db,
      batchInput(
        [{ merchant_reference: 'CONFL-1', rows: [2], request: payRequest('CONFL-1', 12_500) }],
        fast,
        'sandbox',
        { baseUrl: sb.baseUrl },
      ),
    )
    const first = await run(t.db, client, id)
    expect(first.summary).toMatchObject({ state: 'paused', pauseReason: 'unresolved', exitCode: 3 })
    const inv = getInvoiceByReference(t.db, id, 'CONFL-1')!
    expect(inv.state).toBe('unknown')
    expect(inv.error_message).toMatch(/amount 999 øre instead of 12500/)
    const second = await run(t.db, client, id)
    expect(second.summary).toMatchObject({ state: 'paused', pauseReason: 'unresolved', exitCode: 3 })
    expect(trail(inv.id)).toEqual(['pay:unknown', 'lookup:conflict', 'lookup:conflict'])
    expect(byReference(await sandboxTransactions(sb)).get('CONFL-1')).toHaveLength(1)
  })

  it('a row that ran out of tries with nothing sent stays sendable, and resume sends it', async () => {
    t = tempDb()
    sb.setFaults({ failRate: 1 })
    const id = createBatch(
      t.db,
      batchInput(invoices(1, 'GAVEUP'), { ...fast, transientTries: 1 }, 'sandbox', {
        baseUrl: sb.baseUrl,
      }),
    )
    const client = clientFor(sb)
    expect((await run(t.db, client, id)).summary.counts).toEqual({ pending: 1 })
    sb.setFaults({ failRate: 0 })
    expect((await run(t.db, client, id)).summary.counts).toEqual({ authorized: 1 })
    const inv = getInvoiceByReference(t.db, id, 'GAVEUP-00001')!
    expect(trail(inv.id)).toEqual(['pay:not_sent', 'pay:authorized'])
  })

  it('the sender renews its lease: a run longer than the stale limit is not taken over', async () => {
    t = tempDb()
    sb.setFaults({ latencyMs: 40 })
    const id = createBatch(
      t.db,
      batchInput(invoices(20, 'BEAT'), { ...fast, concurrency: 1 }, 'sandbox', { baseUrl: sb.baseUrl }),
    )
    const handle = startRun({ db: t.db, client: clientFor(sb) }, id, { heartbeatMs: 20 })
    // Well past a (shortened) stale limit of 150 ms, the live holder still has the batch.
    await new Promise((r) => setTimeout(r, 300))
    expect(() =>
      acquireLease(t.db, id, { pid: 4242, host: hostname(), staleMs: 150, isPidAlive: () => true }),
    ).toThrow(/being sent by process/)
    expect((await handle.done).counts).toEqual({ authorized: 20 })
  })

  it('resume does not retry a failed row a follow-up batch has superseded (the fixed invoice is sent by the follow-up)', async () => {
    t = tempDb()
    sb.setFaults({ failRate: 1 })
    const opts = { baseUrl: sb.baseUrl }
    const parent = createBatch(
      t.db,
      batchInput(invoices(1, 'SUPER'), { ...fast, transientTries: 1 }, 'sandbox', opts),
    )
    const client = clientFor(sb)
    expect((await run(t.db, client, parent)).summary.counts).toEqual({ pending: 1 })
    sb.setFaults({ failRate: 0 })
    const fixed = [
      { merchant_reference: 'SUPER-00001', rows: [2], request: payRequest('SUPER-00001', 20_000) },
    ]
    createBatch(t.db, batchInput(fixed, fast, 'sandbox', { ...opts, parentBatchId: parent }))
    const before = trail(getInvoiceByReference(t.db, parent, 'SUPER-00001')!.id)
    const again = await run(t.db, client, parent)
    expect(again.summary.counts).toEqual({ cancelled: 1 })
    expect(trail(getInvoiceByReference(t.db, parent, 'SUPER-00001')!.id)).toEqual(before)
    expect(byReference(await sandboxTransactions(sb)).has('SUPER-00001')).toBe(false)
  })
})
