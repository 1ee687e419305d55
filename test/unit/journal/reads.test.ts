import { afterEach, describe, expect, it } from 'vitest'
import { createBatch } from '../../../src/main/journal/freeze'
import { findInvoicedReferences } from '../../../src/main/journal/invoiced'
import {
  countInvoices,
  getBatch,
  getInvoiceByReference,
  getInvoiceDetail,
  listInvoices,
  resolveBatchId,
} from '../../../src/main/journal/reads'
import { batchInput, invoices, tempDb } from '../../support/journal-fixtures'
import { setInvoiceState } from '../../../src/main/journal/invoice-state'

let t: ReturnType<typeof tempDb>
afterEach(() => t?.close())

describe('journal (migration 0003)', () => {
  it('freezes a batch with every invoice and reads it back with counts', () => {
    t = tempDb()
    const id = createBatch(
      t.db,
      batchInput(invoices(3), { rate: 7 }, 'sandbox', { now: new Date('2026-11-25T16:40:05Z') }),
    )
    expect(id).toBe('261125-164005')
    const b = getBatch(t.db, id)!
    expect(b).toMatchObject({ state: 'paused', pause_reason: 'new', env: 'sandbox', invoice_count: 3 })
    expect(b.total_amount).toBe(12500 + 12501 + 12502)
    expect(b.settings.rate).toBe(7)
    expect(b.counts).toEqual({ pending: 3 })
    const detail = getInvoiceDetail(t.db, listInvoices(t.db, id)[0].id)!
    expect(detail.request.session.order.merchant_reference).toBe('INV-00001')
    expect(detail.rows).toEqual([2])
    expect(detail.customer_name).toBe('Firma INV-00001 AS')
    expect(detail.attempts).toEqual([])
  })

  it('gives batches made in the same second distinct ids that sort by creation', () => {
    t = tempDb()
    const now = new Date('2026-11-25T16:40:05Z')
    const ids = [1, 2, 3].map(() => createBatch(t.db, batchInput(invoices(1), {}, 'sandbox', { now })))
    expect(ids).toEqual(['261125-164005', '261125-164005b', '261125-164005c'])
    expect([...ids].sort()).toEqual(ids)
    expect(resolveBatchId(t.db, 'latest')).toBe('261125-164005c')
    expect(() => resolveBatchId(t.db, 'nope')).toThrow(/does not exist/)
  })

  it('moves invoices only along the state machine', () => {
    t = tempDb()
    const id = createBatch(t.db, batchInput(invoices(1)))
    const inv = listInvoices(t.db, id)[0]
    expect(() => setInvoiceState(t.db, inv.id, 'paid')).toThrow(/cannot go from pending to paid/)
    setInvoiceState(t.db, inv.id, 'sending')
    const done = setInvoiceState(t.db, inv.id, 'authorized', { transaction_id: 'T1.abc', kid: '123' })
    expect(done).toMatchObject({ state: 'authorized', transaction_id: 'T1.abc', kid: '123' })
    expect(() => setInvoiceState(t.db, inv.id, 'pending')).toThrow(/cannot go/)
  })

  it('filters and pages invoice lists by state, search and id', () => {
    t = tempDb()
    const id = createBatch(t.db, batchInput(invoices(25)))
    const all = listInvoices(t.db, id, { limit: 10 })
    expect(all.map((i) => i.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(listInvoices(t.db, id, { afterId: all[9].id, limit: 100 })).toHaveLength(15)
    expect(listInvoices(t.db, id, { search: 'inv-00012' }).map((i) => i.merchant_reference)).toEqual([
      'INV-00012',
    ])
    setInvoiceState(t.db, all[0].id, 'sending')
    expect(countInvoices(t.db, id, { state: ['sending', 'unknown'] })).toBe(1)
    expect(getInvoiceByReference(t.db, id, 'INV-00002')?.seq).toBe(2)
  })

  it('finds references already invoiced in the same environment and account only', () => {
    t = tempDb()
    const a = createBatch(t.db, batchInput(invoices(3)))
    const [one, two, three] = listInvoices(t.db, a)
    setInvoiceState(t.db, one.id, 'sending')
    setInvoiceState(t.db, one.id, 'authorized')
    setInvoiceState(t.db, two.id, 'sending')
    setInvoiceState(t.db, two.id, 'failed')
    setInvoiceState(t.db, three.id, 'sending')
    setInvoiceState(t.db, three.id, 'voided')
    const refs = ['INV-00001', 'INV-00002', 'INV-00003', 'OTHER']
    expect(findInvoicedReferences(t.db, 'sandbox', 'T12345678', refs)).toEqual(
      new Set(['INV-00001', 'INV-00003']),
    )
    expect(findInvoicedReferences(t.db, 'test', 'T12345678', refs).size).toBe(0)
    expect(findInvoicedReferences(t.db, 'sandbox', 'T87654321', refs).size).toBe(0)
  })

  it('marks the parent rows a follow-up batch replaces as superseded', () => {
    t = tempDb()
    const parent = createBatch(t.db, batchInput(invoices(2)))
    const [one] = listInvoices(t.db, parent)
    setInvoiceState(t.db, one.id, 'sending')
    setInvoiceState(t.db, one.id, 'failed', { error_message: 'bad phone' })
    const child = createBatch(t.db, batchInput(invoices(1), {}, 'sandbox', { parentBatchId: parent }))
    expect(getInvoiceByReference(t.db, parent, 'INV-00001')?.superseded_by_batch).toBe(child)
    expect(getBatch(t.db, child)?.parent_batch_id).toBe(parent)
  })

  it('refuses a batch with the same reference twice, writing nothing', () => {
    t = tempDb()
    const list = [...invoices(2), ...invoices(1)]
    expect(() => createBatch(t.db, batchInput(list))).toThrow(/INV-00001 appears twice/)
    expect(t.db.prepare('SELECT COUNT(*) AS n FROM batches').get()).toEqual({ n: 0 })
  })
})
