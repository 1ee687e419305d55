import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createDinteroClient } from '../../../src/main/dintero'
import { createBatch } from '../../../src/main/journal/freeze'
import { getAttempts, getBatch, getInvoiceByReference, listInvoices } from '../../../src/main/journal/reads'
import type { Sandbox } from '../../../src/main/sandbox'
import { makeProgress } from '../../../src/main/engine/progress'
import { isAuthorizedOrLater } from '../../../src/shared/states'
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
  sb.setFaults({ rateLimit: 0, latencyMs: 0, failRate: 0, lostResponseRate: 0, failedStatusRate: 0 })
  t?.close()
})

const fast = { backoffBaseMs: 20, backoffMaxMs: 200, rate: 500, concurrency: 8 }

describe('engine against the sandbox', () => {
  it('sends every invoice once, stores the Kravia details and finishes the batch', async () => {
    t = tempDb()
    const id = createBatch(t.db, batchInput(invoices(30, 'HAPPY'), fast, 'sandbox', { baseUrl: sb.baseUrl }))
    const client = clientFor(sb)
    const { summary, updates } = await run(t.db, client, id)
    expect(summary).toMatchObject({ state: 'finished', exitCode: 0, counts: { authorized: 30 } })
    const inv = getInvoiceByReference(t.db, id, 'HAPPY-00001')!
    expect(inv.transaction_id).toMatch(/^T12345678\./)
    expect(inv.kid).toMatch(/^\d+$/)
    expect(inv.invoice_number).toBeTruthy()
    expect(inv.account_iban).toMatch(/^NO/)
    const attempts = getAttempts(t.db, inv.id)
    expect(attempts).toHaveLength(1)
    expect(attempts[0]).toMatchObject({ kind: 'pay', outcome: 'authorized', http_status: 200 })
    const byRef = byReference(await sandboxTransactions(sb))
    for (const i of listInvoices(t.db, id))
      expect(byRef.get(i.merchant_reference)?.map((x) => x.id)).toEqual([i.transaction_id])
    const last = updates.at(-1)!
    expect(last.progress).toMatchObject({ state: 'finished', done: 30, total: 30, failed: 0, etaSeconds: 0 })
    // Batched: every row change arrived, in far fewer messages than rows.
    expect(new Set(updates.flatMap((u) => u.rows.map((r) => r.id))).size).toBe(30)
    expect(updates.length).toBeLessThan(30)
    expect(getBatch(t.db, id)?.finished_at).toBeTruthy()
    client.close()
  })

  it('marks merchant-channel invoices awaiting_capture', async () => {
    t = tempDb()
    const list = invoices(2, 'MERCH').map((i) => ({
      ...i,
      request: payRequest(i.merchant_reference, 10_000, { invoice_channel: 'merchant' }),
    }))
    const id = createBatch(t.db, batchInput(list, fast, 'sandbox', { baseUrl: sb.baseUrl }))
    const { summary } = await run(t.db, clientFor(sb), id)
    expect(summary.counts).toEqual({ awaiting_capture: 2 })
    expect(summary.exitCode).toBe(0)
  })

  it('adopts invoices whose answers were lost after Dintero committed them', async () => {
    t = tempDb()
    const client = clientFor(sb)
    await client.checkConnection() // the token POST would be lost too
    sb.setFaults({ lostResponseRate: 1 })
    const id = createBatch(t.db, batchInput(invoices(5, 'LOST'), fast, 'sandbox', { baseUrl: sb.baseUrl }))
    const { summary } = await run(t.db, client, id)
    expect(summary.counts).toEqual({ authorized: 5 })
    const inv = getInvoiceByReference(t.db, id, 'LOST-00003')!
    expect(getAttempts(t.db, inv.id).map((a) => `${a.kind}:${a.outcome}`)).toEqual([
      'pay:unknown',
      'lookup:adopted',
    ])
    const byRef = byReference(await sandboxTransactions(sb))
    for (const i of listInvoices(t.db, id)) expect(byRef.get(i.merchant_reference)).toHaveLength(1)
  })

  it('turns 200-with-FAILED into failed with the event error (exit 1)', async () => {
    t = tempDb()
    sb.setFaults({ failedStatusRate: 1 })
    const id = createBatch(t.db, batchInput(invoices(2, 'FAILD'), fast, 'sandbox', { baseUrl: sb.baseUrl }))
    const { summary } = await run(t.db, clientFor(sb), id)
    expect(summary).toMatchObject({ state: 'finished', exitCode: 1, counts: { failed: 2 } })
    const inv = getInvoiceByReference(t.db, id, 'FAILD-00001')!
    expect(inv.fail_reason).toBe('rejected')
    expect(inv.error_message).toMatch(/FAILED/)
  })

  it('fails an invalid invoice with Dintero’s message after checking the 400 by lookup', async () => {
    t = tempDb()
    const bad = payRequest('BAD-1')
    bad.session.order.billing_address.phone_number = 'not a phone'
    const id = createBatch(
      t.db,
      batchInput([{ merchant_reference: 'BAD-1', rows: [2], request: bad }], fast, 'sandbox', {
        baseUrl: sb.baseUrl,
      }),
    )
    const { summary } = await run(t.db, clientFor(sb), id)
    expect(summary.counts).toEqual({ failed: 1 })
    const inv = getInvoiceByReference(t.db, id, 'BAD-1')!
    expect(inv.error_message).toMatch(/400/)
    expect(getAttempts(t.db, inv.id).map((a) => `${a.kind}:${a.outcome}`)).toEqual([
      'pay:unknown',
      'lookup:none',
    ])
  })

  it('adopts an invoice that already exists in Dintero (created outside this journal) instead of duplicating it', async () => {
    t = tempDb()
    const client = clientFor(sb)
    const existing = await client.pay(payRequest('EXIST-1', 12_500), {
      toggle: 'strict-success-merchant-reference',
    })
    const id = createBatch(
      t.db,
      batchInput(
        [{ merchant_reference: 'EXIST-1', rows: [2], request: payRequest('EXIST-1', 12_500) }],
        fast,
        'sandbox',
        {
          baseUrl: sb.baseUrl,
        },
      ),
    )
    const { summary } = await run(t.db, client, id)
    expect(summary.counts).toEqual({ authorized: 1 })
    expect(getInvoiceByReference(t.db, id, 'EXIST-1')?.transaction_id).toBe(existing.id)
    expect(byReference(await sandboxTransactions(sb)).get('EXIST-1')).toHaveLength(1)
  })

  it('does not adopt an earlier batch’s invoice for a reference sent again', async () => {
    t = tempDb()
    const client = clientFor(sb)
    const first = createBatch(
      t.db,
      batchInput(invoices(1, 'AGAIN'), fast, 'sandbox', { baseUrl: sb.baseUrl }),
    )
    await run(t.db, client, first)
    const second = createBatch(
      t.db,
      batchInput(invoices(1, 'AGAIN'), fast, 'sandbox', { baseUrl: sb.baseUrl }),
    )
    const { summary } = await run(t.db, client, second)
    expect(summary.counts).toEqual({ failed: 1 })
    expect(getInvoiceByReference(t.db, second, 'AGAIN-00001')?.transaction_id).toBeNull()
  })

  it('stops with exit 2 when the credentials are refused, sending nothing', async () => {
    t = tempDb()
    const id = createBatch(t.db, batchInput(invoices(3, 'AUTH'), fast, 'sandbox', { baseUrl: sb.baseUrl }))
    const { summary } = await run(t.db, clientFor(sb, { clientSecret: 'wrong' }), id)
    expect(summary).toMatchObject({ state: 'paused', pauseReason: 'auth', exitCode: 2 })
    expect(summary.counts).toEqual({ pending: 3 })
    expect(byReference(await sandboxTransactions(sb)).has('AUTH-00001')).toBe(false)
  })

  it('honours 429s without counting them as failures', async () => {
    t = tempDb()
    sb.setFaults({ rateLimit: 20 })
    const id = createBatch(
      t.db,
      batchInput(invoices(40, 'RATE'), { ...fast, rate: 200 }, 'sandbox', { baseUrl: sb.baseUrl }),
    )
    const { summary } = await run(t.db, clientFor(sb), id)
    expect(summary.counts).toEqual({ authorized: 40 })
    const outcomes = listInvoices(t.db, id).flatMap((i) => getAttempts(t.db, i.id).map((a) => a.outcome))
    expect(outcomes).toContain('rate_limited')
    expect(outcomes).not.toContain('failed')
  })

  it('leaves rows unknown when no lookup can be made, and resume settles them', async () => {
    t = tempDb()
    const client = clientFor(sb)
    await client.checkConnection()
    sb.setFaults({ failRate: 1 })
    const id = createBatch(
      t.db,
      batchInput(invoices(3, 'DOWN'), { ...fast, transientTries: 2 }, 'sandbox', {
        baseUrl: sb.baseUrl,
      }),
    )
    const first = await run(t.db, client, id)
    expect(first.summary).toMatchObject({ state: 'paused', pauseReason: 'unresolved', exitCode: 3 })
    expect(first.summary.counts.failed ?? 0).toBe(0)
    sb.setFaults({ failRate: 0 })
    const second = await run(t.db, client, id)
    expect(second.summary).toMatchObject({ state: 'finished', exitCode: 0, counts: { authorized: 3 } })
    const txs = byReference(await sandboxTransactions(sb))
    for (const ref of ['DOWN-00001', 'DOWN-00002', 'DOWN-00003']) {
      expect(txs.get(ref)?.filter((x) => isAuthorizedOrLater(x.status))).toHaveLength(1)
    }
  })

  it('leaves rows sendable (pending, reason transient) when nothing could be sent in their tries, and resume sends them', async () => {
    t = tempDb()
    sb.setFaults({ failRate: 1 }) // even signing in fails: no request can have left
    const id = createBatch(
      t.db,
      batchInput(invoices(2, 'NOSEND'), { ...fast, transientTries: 2 }, 'sandbox', {
        baseUrl: sb.baseUrl,
      }),
    )
    const client = clientFor(sb)
    const first = await run(t.db, client, id)
    expect(first.summary).toMatchObject({
      state: 'paused',
      pauseReason: 'transient',
      exitCode: 3,
      counts: { pending: 2 },
    })
    expect(getInvoiceByReference(t.db, id, 'NOSEND-00001')).toMatchObject({
      state: 'pending',
      fail_reason: 'transient',
    })
    const view = makeProgress(id, 'paused', 2, first.summary.counts, 0, 'transient')
    expect(view.notice?.message).toBe(
      '2 invoices could not be sent because Dintero kept answering with errors; nothing was created for them; continue the run to send them',
    )
    expect(view.notice?.message_nb).toMatch(/^2 fakturaer kunne ikke sendes/)
    sb.setFaults({ failRate: 0 })
    const second = await run(t.db, client, id)
    expect(second.summary).toMatchObject({ state: 'finished', exitCode: 0, counts: { authorized: 2 } })
  })

  it('never writes credentials or tokens into the journal', async () => {
    t = tempDb()
    const own = await sandbox({
      clientId: 'kb-client-id',
      clientSecret: 'kb-very-secret-123',
      failedStatusRate: 0.5,
    })
    try {
      const client = createDinteroClient({
        baseUrl: own.baseUrl,
        accountId: own.accountId,
        clientId: 'kb-client-id',
        clientSecret: 'kb-very-secret-123',
      })
      const id = createBatch(
        t.db,
        batchInput(invoices(6, 'SECRET'), fast, 'sandbox', { baseUrl: own.baseUrl }),
      )
      await run(t.db, client, id)
      const dump = JSON.stringify([
        t.db.prepare('SELECT * FROM batches').all(),
        t.db.prepare('SELECT * FROM invoices').all(),
        t.db.prepare('SELECT * FROM attempts').all(),
        t.db.prepare('SELECT * FROM leases').all(),
      ])
      expect(dump).not.toMatch(/kb-very-secret-123|kb-client-id|Bearer|Basic |access_token/)
      client.close()
    } finally {
      await own.close()
    }
  })
})
