import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { DinteroError, type DinteroApi, type Transaction } from '../../../src/main/dintero/types'
import { createBatch } from '../../../src/main/journal/freeze'
import { startRun } from '../../../src/main/engine/engine'
import { getAttempts, listInvoices } from '../../../src/main/journal/reads'
import { batchInput, invoices, tempDb } from '../../support/journal-fixtures'

/**
 * A sender that stalled past the 15 s lease and was taken over must not write the answers it
 * still receives: the row now belongs to the new holder, which may have looked it up and sent it
 * again. Otherwise the old holder's late 429 ("nothing created") would move the new holder's
 * in-flight `sending` row back to `pending` — a row that may have a transaction, free to be sent.
 */

let t: ReturnType<typeof tempDb>
afterEach(() => t?.close())

function deferred<T>() {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

/** A Dintero whose pay answers (and, if asked, lookup answers) the test releases by hand. */
function manualApi(manualLookups = false) {
  const pays: ReturnType<typeof deferred<Transaction>>[] = []
  const lookups: ReturnType<typeof deferred<Transaction[]>>[] = []
  let onPay: (() => void) | null = null
  const api: DinteroApi = {
    pay: () => {
      const d = deferred<Transaction>()
      pays.push(d)
      onPay?.()
      return d.promise
    },
    listByMerchantReference: async () => {
      if (!manualLookups) return []
      const d = deferred<Transaction[]>()
      lookups.push(d)
      return d.promise
    },
    getTransaction: () => Promise.reject(new Error('not used')),
    getTransactions: () => Promise.reject(new Error('not used')),
    void: () => Promise.reject(new Error('not used')),
    capture: () => Promise.reject(new Error('not used')),
    checkConnection: async () => {},
  }
  const nextPay = () =>
    new Promise<void>((resolve) => {
      onPay = resolve
    })
  return { api, pays, lookups, nextPay }
}

const until = async (cond: () => boolean) => {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 10))
  expect(cond()).toBe(true)
}

describe('lease takeover while a request is in flight', () => {
  it('the old holder’s late answer does not touch the row the new holder has sent again', async () => {
    t = tempDb()
    const id = createBatch(t.db, batchInput(invoices(1, 'TAKE'), { rate: 100, concurrency: 1 }))
    const [row] = listInvoices(t.db, id)
    const a = manualApi()
    const runA = startRun({ db: t.db, client: a.api }, id)
    await until(() => a.pays.length === 1)
    expect(listInvoices(t.db, id)[0].state).toBe('sending')

    // A goes silent for 16 s with its request in flight: B takes over, finds nothing by lookup
    // (A's request has not reached Dintero yet) and sends the invoice again.
    t.db.prepare('UPDATE leases SET heartbeat_at_ms = heartbeat_at_ms - 16000').run()
    const b = manualApi()
    const runB = startRun({ db: t.db, client: b.api, lease: { pid: 4242 } }, id, { confirmSpanMs: 50 })
    await until(() => b.pays.length === 1)
    expect(listInvoices(t.db, id)[0].state).toBe('sending')

    // A's request is answered 429 (nothing created by it) — but B's request is still out.
    a.pays[0].reject(
      new DinteroError({ kind: 'rate_limited', status: 429, message: 'Too many', retryAfterMs: 10 }),
    )
    const first = await runA.done
    expect(first.exitCode).toBe(3)
    expect(listInvoices(t.db, id)[0].state).toBe('sending')

    b.pays[0].resolve({ id: 'T12345678.b', status: 'AUTHORIZED', amount: row.amount, events: [] })
    const second = await runB.done
    expect(second).toMatchObject({ state: 'finished', counts: { authorized: 1 } })
    expect(listInvoices(t.db, id)[0].transaction_id).toBe('T12345678.b')
    expect(getAttempts(t.db, row.id).map((x) => `${x.kind}:${x.outcome}`)).toEqual([
      'pay:interrupted',
      'lookup:none',
      'lookup:none',
      'lookup:none',
      'pay:authorized',
    ])
  })

  it('the old holder’s stale lookup does not free a row whose newer request may have created the invoice', async () => {
    t = tempDb()
    const id = createBatch(t.db, batchInput(invoices(1, 'STALE'), { rate: 100, concurrency: 1 }))
    const [row] = listInvoices(t.db, id)
    t.db
      .prepare(`UPDATE invoices SET state = 'unknown', lookup_reason = 'ambiguous' WHERE id = ?`)
      .run(row.id)
    const a = manualApi(true)
    const runA = startRun({ db: t.db, client: a.api }, id)
    await until(() => a.lookups.length === 1)

    // A stalls with its lookup out; B takes over, finds nothing, sends, and the answer is lost (500).
    t.db.prepare('UPDATE leases SET heartbeat_at_ms = heartbeat_at_ms - 16000').run()
    const b = manualApi(true)
    const runB = startRun({ db: t.db, client: b.api, lease: { pid: 4242 } }, id)
    await until(() => b.lookups.length === 1)
    b.lookups[0].resolve([])
    await until(() => b.pays.length === 1)
    b.pays[0].reject(new DinteroError({ kind: 'ambiguous', status: 500, message: 'Server error' }))
    await until(() => b.lookups.length === 2)
    expect(listInvoices(t.db, id)[0].state).toBe('unknown')

    // A's lookup, made before B's request, now answers "nothing": it must not free the row.
    a.lookups[0].resolve([])
    expect((await runA.done).exitCode).toBe(3)
    expect(listInvoices(t.db, id)[0].state).toBe('unknown')

    b.lookups[1].resolve([
      {
        id: 'T12345678.b',
        status: 'AUTHORIZED',
        amount: row.amount,
        merchant_reference: row.merchant_reference,
      },
    ])
    const second = await runB.done
    expect(second).toMatchObject({ state: 'finished', counts: { authorized: 1 } })
    expect(b.pays).toHaveLength(1)
  })

  it('a heartbeat that finds the file locked by another writer does not crash the sender', async () => {
    t = tempDb()
    t.db.pragma('busy_timeout = 0')
    const id = createBatch(t.db, batchInput(invoices(1, 'BUSY'), { rate: 100, concurrency: 1 }))
    const [row] = listInvoices(t.db, id)
    const a = manualApi()
    const runA = startRun({ db: t.db, client: a.api }, id, { heartbeatMs: 5 })
    await until(() => a.pays.length === 1)
    // Another process (the app, a void from the CLI) holds the write lock for a moment.
    const other = new Database(t.db.name)
    other.exec('BEGIN IMMEDIATE')
    await new Promise((r) => setTimeout(r, 60))
    other.exec('ROLLBACK')
    other.close()
    a.pays[0].resolve({ id: 'T12345678.c', status: 'AUTHORIZED', amount: row.amount, events: [] })
    expect(await runA.done).toMatchObject({ state: 'finished', counts: { authorized: 1 } })
  })
})
