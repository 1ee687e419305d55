import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { DinteroClient } from '../../../src/main/dintero'
import { chartAmounts, paymentSummary, refreshBatch } from '../../../src/main/after-send/refresh'
import { voidInvoices } from '../../../src/main/after-send/void'
import type { Sandbox } from '../../../src/main/sandbox'
import { attemptsOf, customerPays, row, sandboxAndClient, sentBatch, tempDb } from './helpers'

let sandbox: Sandbox
let api: DinteroClient
let t: ReturnType<typeof tempDb>

beforeAll(async () => {
  ;({ sandbox, api } = await sandboxAndClient())
})
afterAll(async () => {
  api.close()
  await sandbox.close()
})
afterEach(() => t?.close())

describe('refresh', () => {
  it('picks up payments made through the sandbox and a void done elsewhere, and sums amounts by payment state', async () => {
    t = tempDb()
    const b = await sentBatch(t.db, api, sandbox.baseUrl, [
      { ref: 'F-1', amount: 100_00 },
      { ref: 'F-2', amount: 200_00 },
      { ref: 'F-3', amount: 300_00 },
      { ref: 'F-4', amount: 400_00 },
      { ref: 'F-5', amount: 500_00 },
    ])
    await customerPays(sandbox, row(t.db, b, 'F-1').transaction_id!, 100_00)
    await customerPays(sandbox, row(t.db, b, 'F-2').transaction_id!, 50_00)
    // Voided in Dintero's back office, not through this app.
    await api.void(row(t.db, b, 'F-3').transaction_id!)

    const s = await refreshBatch(t.db, api, b, { rate: 100 })
    expect(s).toMatchObject({ checked: 5, changed: 3, failed: 0, unknown: 0, stopped: false })
    expect(s.transitions).toEqual({ 'authorized→paid': 1, 'authorized→part_paid': 1, 'authorized→voided': 1 })
    expect(row(t.db, b, 'F-1')).toMatchObject({ state: 'paid', transaction_status: 'CAPTURED' })
    expect(row(t.db, b, 'F-1').completed_at).not.toBeNull()
    expect(row(t.db, b, 'F-2')).toMatchObject({
      state: 'part_paid',
      transaction_status: 'PARTIALLY_CAPTURED',
    })
    expect(row(t.db, b, 'F-3')).toMatchObject({ state: 'voided', transaction_status: 'AUTHORIZATION_VOIDED' })
    expect(row(t.db, b, 'F-4').state).toBe('authorized')
    expect(attemptsOf(t.db, row(t.db, b, 'F-4').id).at(-1)).toMatchObject({
      kind: 'refresh',
      http_status: 200,
      outcome: 'AUTHORIZED',
    })

    // Rest of F-2 paid later; F-4 part-paid and its rest cancelled.
    await customerPays(sandbox, row(t.db, b, 'F-2').transaction_id!, 150_00)
    await customerPays(sandbox, row(t.db, b, 'F-4').transaction_id!, 100_00)
    await refreshBatch(t.db, api, b)
    await voidInvoices(t.db, api, b, { refs: ['F-4'] })
    const again = await refreshBatch(t.db, api, b)
    expect(again.checked).toBe(1) // only F-5 can still change

    const p = paymentSummary(t.db, b)
    expect(p.paid).toEqual({ count: 2, amount: 300_00 })
    expect(p.rest_cancelled).toEqual({ count: 1, amount: 400_00 })
    expect(p.voided).toEqual({ count: 1, amount: 300_00 })
    expect(p.unpaid).toEqual({ count: 1, amount: 500_00 })
    expect(p.part_paid).toEqual({ count: 0, amount: 0 })
    expect(p.total).toEqual({ count: 5, amount: 1500_00 })
    expect(chartAmounts(p)).toEqual({
      paid: 300_00,
      partPaid: 400_00,
      unpaid: 500_00,
      voided: 300_00,
      failed: 0,
    })
  })

  it('stops at refused credentials and says so', async () => {
    t = tempDb()
    const b = await sentBatch(t.db, api, sandbox.baseUrl, [{ ref: 'X-1' }, { ref: 'X-2' }])
    const { createDinteroClient } = await import('../../../src/main/dintero')
    const wrong = createDinteroClient({
      baseUrl: sandbox.baseUrl,
      accountId: sandbox.accountId,
      clientId: 'sandbox',
      clientSecret: 'wrong',
    })
    const s = await refreshBatch(t.db, wrong, b, { rate: 100, concurrency: 1 })
    wrong.close()
    expect(s.authFailed).toBe(true)
    expect(s.stopped).toBe(true)
    expect(s.checked).toBe(0)
  })
})
