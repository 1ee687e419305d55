import { afterEach, describe, expect, it } from 'vitest'
import type { Transaction } from '../../../src/main/dintero/types'
import { createBatch } from '../../../src/main/journal/freeze'
import { applyHeld, heldRows } from '../../../src/main/engine/in-between'
import { getInvoice, listInvoices } from '../../../src/main/journal/reads'
import { batchInput, invoices, tempDb } from '../../support/journal-fixtures'

let t: ReturnType<typeof tempDb>
afterEach(() => t?.close())

function heldBatch() {
  t = tempDb()
  const id = createBatch(t.db, batchInput(invoices(2, 'HELD')))
  const [row, other] = listInvoices(t.db, id)
  t.db
    .prepare(`UPDATE invoices SET state = 'unknown', lookup_reason = 'in_between', transaction_id = 'T12345678.h',
      transaction_status = 'ON_HOLD' WHERE id = ?`)
    .run(row.id)
  return { id, row, other }
}

const tx = (status: string, amount: number, over: Partial<Transaction> = {}): Transaction => ({
  id: 'T12345678.h',
  status,
  amount,
  merchant_reference: 'HELD-00001',
  metadata: { 'kravia:invoice_number': '10042' },
  events: [{ event: 'AUTHORIZE' }, { event: 'INITIATE_CAPTURE' }],
  ...over,
})

describe('rows waiting on an in-between transaction', () => {
  it('are listed for refresh, stay unknown while held, and are adopted once authorized', () => {
    const { id, row, other } = heldBatch()
    expect(heldRows(t.db, id).map((r) => r.id)).toEqual([row.id])
    expect(heldRows(t.db, id).map((r) => r.id)).not.toContain(other.id)
    expect(applyHeld(t.db, row.id, tx('ON_HOLD', row.amount))).toBeNull()
    expect(getInvoice(t.db, row.id)?.state).toBe('unknown')
    expect(applyHeld(t.db, row.id, tx('AUTHORIZED', row.amount))).toBe('authorized')
    expect(getInvoice(t.db, row.id)).toMatchObject({
      state: 'authorized',
      transaction_id: 'T12345678.h',
      transaction_status: 'AUTHORIZED',
      invoice_number: '10042',
    })
  })

  it('become sendable again (through a lookup first) when the transaction ends FAILED', () => {
    const { row } = heldBatch()
    expect(applyHeld(t.db, row.id, tx('FAILED', row.amount))).toBe('unknown')
    expect(getInvoice(t.db, row.id)).toMatchObject({
      state: 'unknown',
      lookup_reason: 'retry',
      transaction_id: null,
    })
  })

  it('never adopt a transaction for another amount or another reference', () => {
    const { row } = heldBatch()
    expect(applyHeld(t.db, row.id, tx('AUTHORIZED', row.amount + 1))).toBeNull()
    expect(getInvoice(t.db, row.id)?.error_message).toMatch(/amount/)
    expect(applyHeld(t.db, row.id, tx('AUTHORIZED', row.amount, { merchant_reference: 'HELD-1' }))).toBe(
      'unknown',
    )
    expect(getInvoice(t.db, row.id)?.state).toBe('unknown')
  })
})
