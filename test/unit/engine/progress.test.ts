import { afterEach, describe, expect, it } from 'vitest'
import { makeProgress, ProgressTracker, readRunRows, toRunRow } from '../../../src/main/engine/progress'
import { createBatch } from '../../../src/main/journal/freeze'
import { setInvoiceState } from '../../../src/main/journal/invoice-state'
import { listInvoices } from '../../../src/main/journal/reads'
import { batchInput, invoices, tempDb } from '../../support/journal-fixtures'

describe('progress', () => {
  it('counts done, failed and open rows and estimates the time left from settled invoices', () => {
    let now = 0
    const t = new ProgressTracker({ pending: 10 }, () => now)
    for (let id = 1; id <= 4; id++) {
      t.move(id, 'pending', 'sending')
      now += 500
      t.move(id, 'sending', id === 4 ? 'failed' : 'authorized')
    }
    t.move(5, 'pending', 'sending')
    t.move(5, 'sending', 'unknown') // still open
    expect(t.counts).toEqual({ pending: 5, authorized: 3, failed: 1, unknown: 1 })
    expect(t.settleRate()).toBe(2) // 4 settled in 2 s
    const p = makeProgress('b', 'running', 10, t.counts, 9.87, null, t.settleRate())
    expect(p).toMatchObject({ done: 4, failed: 1, total: 10, rate: 9.9, etaSeconds: 3 })
    expect(new Set(t.takeChanged())).toEqual(new Set([1, 2, 3, 4, 5]))
    expect(t.dirty).toBe(false)
    expect(makeProgress('b', 'finished', 2, { authorized: 2 }, 0).etaSeconds).toBe(0)
    expect(makeProgress('b', 'running', 2, { pending: 2 }, 0).etaSeconds).toBeNull()
  })
})

describe('a run row', () => {
  let t: ReturnType<typeof tempDb> | undefined
  afterEach(() => t?.close())

  it('says the same in a live update as in a page of the grid: the latest error, else why it is looked up or failed', () => {
    t = tempDb()
    const id = createBatch(t.db, batchInput(invoices(3), {}, 'sandbox'))
    const [lookedUp, failed, refused] = listInvoices(t.db, id)
    setInvoiceState(t.db, lookedUp.id, 'sending')
    setInvoiceState(t.db, lookedUp.id, 'unknown', { lookup_reason: 'interrupted' })
    setInvoiceState(t.db, failed.id, 'sending')
    setInvoiceState(t.db, failed.id, 'failed', { fail_reason: 'transient' })
    setInvoiceState(t.db, refused.id, 'sending')
    setInvoiceState(t.db, refused.id, 'failed', { fail_reason: 'refused', error_message: 'Invalid email' })

    const live = readRunRows(t.db, [lookedUp.id, failed.id, refused.id])
    const paged = listInvoices(t.db, id).map(toRunRow)
    expect(live.map((r) => r.error)).toEqual(['interrupted', 'transient', 'Invalid email'])
    expect(live).toEqual(paged)
  })
})
