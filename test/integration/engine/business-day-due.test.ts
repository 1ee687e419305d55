import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { DinteroApi } from '../../../src/main/dintero/types'
import { createBatch } from '../../../src/main/journal/freeze'
import { realClock } from '../../../src/main/engine/clock'
import { getInvoiceByReference, getInvoiceDetail } from '../../../src/main/journal/reads'
import type { Sandbox } from '../../../src/main/sandbox'
import type { PayRequest } from '../../../src/shared/kravia'
import { batchInput, payRequest, tempDb } from '../../support/journal-fixtures'
import { clientFor, run, sandbox } from './helpers'

let sb: Sandbox
let t: ReturnType<typeof tempDb>
beforeAll(async () => {
  sb = await sandbox()
})
afterAll(async () => {
  await sb.close()
})
afterEach(() => t?.close())

const fast = { backoffBaseMs: 20, backoffMaxMs: 200, rate: 500, concurrency: 2 }
// Thursday 17 December 2026, 10:00 in Oslo: the day the batch is sent.
const SEND_DAY = Date.UTC(2026, 11, 17, 9, 0, 0)
const started = Date.now()
const clock = { now: () => SEND_DAY + (Date.now() - started), sleep: realClock.sleep }

const list = () => [
  // 16 days → Saturday 2 January 2027 → Monday 4 January: 18 days.
  { merchant_reference: 'SAT', rows: [2], request: payRequest('SAT', 500_00, { days_until_due: 16 }) },
  // 1. juledag (Friday) from the file → Monday 28 December: 11 days.
  {
    merchant_reference: 'XMAS',
    rows: [3],
    request: payRequest('XMAS', 500_00, { days_until_due: 20 }),
    due_date: '2026-12-25',
  },
  // 14 days → Thursday 31 December, a business day: sent as given.
  { merchant_reference: 'THU', rows: [4], request: payRequest('THU', 500_00, { days_until_due: 14 }) },
]

async function send(businessDayDue: boolean): Promise<{ id: string; sent: Map<string, number> }> {
  const real = clientFor(sb)
  const sent = new Map<string, number>()
  const spy: DinteroApi = {
    ...real,
    pay: (body: PayRequest, o) => {
      sent.set(body.session.order.merchant_reference, body.payment.days_until_due)
      return real.pay(body, o)
    },
    listByMerchantReference: (ref) => real.listByMerchantReference(ref),
  }
  const id = createBatch(
    t.db,
    batchInput(list(), { ...fast, businessDayDue }, 'sandbox', { baseUrl: sb.baseUrl }),
  )
  const r = await run(t.db, real, id, {}, { client: spy, clock })
  expect(r.summary.state).toBe('finished')
  return { id, sent }
}

/** The frozen request's days and the days the journal says were sent (null: sent as frozen). */
function journal(id: string, ref: string) {
  const r = t.db
    .prepare(
      'SELECT request_json, sent_request_json, due_date FROM invoices WHERE batch_id = ? AND merchant_reference = ?',
    )
    .get(id, ref) as { request_json: string; sent_request_json: string | null; due_date: string | null }
  const days = (json: string | null) =>
    json === null ? null : (JSON.parse(json) as PayRequest).payment.days_until_due
  return { given: days(r.request_json), sent: days(r.sent_request_json), due_date: r.due_date }
}

describe('due dates on business days, decided on the day each invoice is sent', () => {
  it('sends more days for a Saturday or a holiday, and the journal holds what was sent', async () => {
    t = tempDb()
    const { id, sent } = await send(true)
    expect(Object.fromEntries(sent)).toEqual({ SAT: 18, XMAS: 11, THU: 14 })
    // The frozen request keeps the user's days (for a repeat run or the failed-rows file).
    expect(journal(id, 'SAT')).toEqual({ given: 16, sent: 18, due_date: null })
    expect(journal(id, 'XMAS')).toEqual({ given: 20, sent: 11, due_date: '2026-12-25' })
    expect(journal(id, 'THU')).toEqual({ given: 14, sent: null, due_date: null })
    // The invoice's details show the request as it left.
    const sat = getInvoiceByReference(t.db, id, 'SAT')
    expect(getInvoiceDetail(t.db, sat?.id ?? 0)?.request.payment.days_until_due).toBe(18)
  })

  it('without the option sends the days as given and counts a given due date exactly', async () => {
    t = tempDb()
    const { id, sent } = await send(false)
    expect(Object.fromEntries(sent)).toEqual({ SAT: 16, XMAS: 8, THU: 14 })
    expect(journal(id, 'SAT')).toEqual({ given: 16, sent: null, due_date: null })
    expect(journal(id, 'XMAS')).toEqual({ given: 20, sent: 8, due_date: '2026-12-25' })
  })
})
