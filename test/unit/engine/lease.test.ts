import { afterEach, describe, expect, it } from 'vitest'
import { createBatch } from '../../../src/main/journal/freeze'
import { acquireLease, heartbeat, leaseHolder, releaseLease } from '../../../src/main/engine/lease'
import { createLedger } from '../../../src/main/journal/send-writes'
import { listInvoices } from '../../../src/main/journal/reads'
import { batchInput, invoices, tempDb } from '../../support/journal-fixtures'

let t: ReturnType<typeof tempDb>
afterEach(() => t?.close())

describe('lease', () => {
  it('lets one holder at a time send a batch; a dead or silent owner is taken over', () => {
    t = tempDb()
    const id = createBatch(t.db, batchInput(invoices(1)))
    const now = 1_000_000
    const a = acquireLease(t.db, id, { now, pid: 100, host: 'laptop', isPidAlive: () => true })
    expect(() =>
      acquireLease(t.db, id, { now: now + 1000, pid: 200, host: 'laptop', isPidAlive: () => true }),
    ).toThrow(/being sent by process 100 on laptop/)
    // Another host cannot check the pid: only silence counts.
    expect(() =>
      acquireLease(t.db, id, { now: now + 14_000, pid: 300, host: 'other', isPidAlive: () => false }),
    ).toThrow()
    expect(heartbeat(t.db, a, now + 10_000)).toBe(true)
    const b = acquireLease(t.db, id, { now: now + 25_001, pid: 300, host: 'other', isPidAlive: () => true })
    expect(heartbeat(t.db, a, now + 26_000)).toBe(false) // a learns it lost the lease
    expect(leaseHolder(t.db, id)).toMatchObject({ pid: 300, host: 'other' })
    // Dead on this host: taken over at once.
    const c = acquireLease(t.db, id, {
      now: now + 25_002,
      pid: 400,
      host: 'other',
      isPidAlive: (pid) => pid !== 300,
    })
    releaseLease(t.db, b) // not b's any more: no effect
    expect(leaseHolder(t.db, id)?.pid).toBe(400)
    releaseLease(t.db, c)
    expect(leaseHolder(t.db, id)).toBeNull()
  })

  it('fences sending: a process that lost its lease cannot mark an invoice sending', () => {
    t = tempDb()
    const id = createBatch(t.db, batchInput(invoices(1)))
    const old = acquireLease(t.db, id, { now: 0, pid: 1, host: 'h', isPidAlive: () => true })
    acquireLease(t.db, id, { now: 20_000, pid: 2, host: 'h', isPidAlive: () => true })
    const inv = listInvoices(t.db, id)[0]
    const ledger = createLedger(t.db, old, 'sandbox', 'T12345678')
    expect(ledger.claim(inv.id, inv.merchant_reference, 20_001)).toEqual({ ok: false, why: 'lease_lost' })
    expect(listInvoices(t.db, id)[0].state).toBe('pending')
  })

  it('never sends a reference while another batch’s row of it is unresolved', () => {
    t = tempDb()
    const first = createBatch(t.db, batchInput(invoices(1)))
    t.db.prepare(`UPDATE invoices SET state = 'unknown' WHERE batch_id = ?`).run(first)
    const second = createBatch(t.db, batchInput(invoices(1)))
    const lease = acquireLease(t.db, second)
    const inv = listInvoices(t.db, second)[0]
    expect(
      createLedger(t.db, lease, 'sandbox', 'T12345678').claim(inv.id, inv.merchant_reference, 0),
    ).toEqual({
      ok: false,
      why: 'blocked',
    })
  })
})
