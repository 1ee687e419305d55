import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { DinteroClient } from '../../../src/main/dintero'
import { captureInvoices, previewCapture } from '../../../src/main/after-send/capture'
import { refreshBatch } from '../../../src/main/after-send/refresh'
import { previewVoid, voidInvoices } from '../../../src/main/after-send/void'
import { type Sandbox, seededRandom } from '../../../src/main/sandbox'
import { attemptsOf, customerPays, row, sandboxAndClient, sentBatch, tempDb } from './helpers'

let sandbox: Sandbox
let api: DinteroClient
let t: ReturnType<typeof tempDb>
const fast = { retry: { maxTries: 4, baseMs: 20, maxMs: 100 } }

beforeAll(async () => {
  ;({ sandbox, api } = await sandboxAndClient())
})
afterAll(async () => {
  api.close()
  await sandbox.close()
})
afterEach(() => {
  sandbox.setFaults({ voidAcceptedRate: 0, rateLimit: 0, failRate: 0, lostResponseRate: 0 })
  t?.close()
})

describe('void', () => {
  it('voids authorized invoices, records each attempt, and refuses paid and voided ones', async () => {
    t = tempDb()
    const b = await sentBatch(t.db, api, sandbox.baseUrl, [
      { ref: 'V-1' },
      { ref: 'V-2', amount: 300_00 },
      { ref: 'V-3' },
    ])
    await customerPays(sandbox, row(t.db, b, 'V-3').transaction_id!, 125_00)
    await refreshBatch(t.db, api, b)
    expect(row(t.db, b, 'V-3').state).toBe('paid')

    expect(previewVoid(t.db, b, { all: true })).toMatchObject({ count: 2, amount: 425_00 })
    const s = await voidInvoices(t.db, api, b, { refs: ['V-1', 'V-2', 'V-3'] }, fast)
    expect(s).toMatchObject({ count: 2, amount: 425_00, done: 2, pending: 0, failed: 1, stopped: false })
    expect(s.errors[0]).toMatchObject({ reference: 'V-3' })
    expect(s.errors[0].message).toMatch(
      /V-3 is paid; only authorized, awaiting capture, part-paid invoices can be voided/,
    )
    const v1 = row(t.db, b, 'V-1')
    expect(v1).toMatchObject({ state: 'voided', transaction_status: 'AUTHORIZATION_VOIDED' })
    const attempts = attemptsOf(t.db, v1.id).filter((a) => a.kind === 'void')
    expect(attempts).toHaveLength(1)
    expect(attempts[0]).toMatchObject({
      http_status: 200,
      outcome: 'voided',
      transaction_id: v1.transaction_id,
    })
    // Nothing was sent for the paid one.
    expect(attemptsOf(t.db, row(t.db, b, 'V-3').id).filter((a) => a.kind === 'void')).toHaveLength(0)

    const again = await voidInvoices(t.db, api, b, { refs: ['V-1'] }, fast)
    expect(again).toMatchObject({ count: 0, failed: 1 })
    expect(again.errors[0].message).toMatch(/already voided/)
    expect((await voidInvoices(t.db, api, b, { all: true }, fast)).count).toBe(0)
  })

  it('cancels the unpaid rest of a part-paid invoice and keeps it recognisably part-paid', async () => {
    t = tempDb()
    const b = await sentBatch(t.db, api, sandbox.baseUrl, [{ ref: 'P-1', amount: 1000_00 }])
    await customerPays(sandbox, row(t.db, b, 'P-1').transaction_id!, 400_00)
    await refreshBatch(t.db, api, b)
    expect(row(t.db, b, 'P-1').state).toBe('part_paid')
    const s = await voidInvoices(t.db, api, b, { all: true }, fast)
    expect(s).toMatchObject({ count: 1, done: 1, failed: 0 })
    expect(row(t.db, b, 'P-1')).toMatchObject({ state: 'voided', transaction_status: 'PARTIALLY_CAPTURED' })
    // A later refresh keeps it (Dintero still says PARTIALLY_CAPTURED, with a VOID event).
    const r = await refreshBatch(t.db, api, b)
    expect(r.checked).toBe(0)
  })

  it('takes a 202 as void_pending and refresh confirms it', async () => {
    t = tempDb()
    // Its own sandbox whose accepted voids take a second, so "before Dintero finishes" holds on a busy machine.
    const own = await sandboxAndClient({ voidDelayMs: 1000 })
    try {
      const b = await sentBatch(t.db, own.api, own.sandbox.baseUrl, [{ ref: 'A-1' }, { ref: 'A-2' }])
      own.sandbox.setFaults({ voidAcceptedRate: 1 })
      const s = await voidInvoices(t.db, own.api, b, { all: true }, fast)
      expect(s).toMatchObject({ count: 2, done: 0, pending: 2, failed: 0 })
      expect(row(t.db, b, 'A-1').state).toBe('void_pending')
      expect(attemptsOf(t.db, row(t.db, b, 'A-1').id).at(-1)).toMatchObject({
        http_status: 202,
        outcome: 'accepted',
      })
      // Before Dintero finishes, refresh leaves it pending.
      const early = await refreshBatch(t.db, own.api, b)
      expect(early.changed).toBe(0)
      expect(row(t.db, b, 'A-2').state).toBe('void_pending')
      await new Promise((r) => setTimeout(r, 1200))
      const late = await refreshBatch(t.db, own.api, b)
      expect(late).toMatchObject({ checked: 2, changed: 2, transitions: { 'void_pending→voided': 2 } })
      expect(row(t.db, b, 'A-1').state).toBe('voided')
    } finally {
      own.api.close()
      await own.sandbox.close()
    }
  })

  it('keeps the state and the error when Dintero refuses a void', async () => {
    t = tempDb()
    const b = await sentBatch(t.db, api, sandbox.baseUrl, [{ ref: 'R-1' }])
    // Paid behind the journal's back: the journal still says authorized.
    await customerPays(sandbox, row(t.db, b, 'R-1').transaction_id!, 125_00)
    const s = await voidInvoices(t.db, api, b, { refs: ['R-1'] }, fast)
    expect(s).toMatchObject({ count: 1, done: 0, failed: 1 })
    const r = row(t.db, b, 'R-1')
    expect(r.state).toBe('authorized')
    expect(r.error_message).toMatch(/^Void failed: .*400.*CAPTURED/)
    expect(attemptsOf(t.db, r.id).filter((a) => a.kind === 'void')[0]).toMatchObject({
      http_status: 400,
      outcome: 'error',
      error_kind: 'rejected',
      dintero_code: 'INVALID_TRANSACTION_STATE',
    })
    // Refresh then shows the truth and clears the stale void error.
    await refreshBatch(t.db, api, b)
    expect(row(t.db, b, 'R-1')).toMatchObject({ state: 'paid', error_message: null })
  })

  it('retries 5xx answers with backoff until the void goes through', async () => {
    t = tempDb()
    // Its own sandbox with a seeded fault generator: half the requests fail, reproducibly.
    const own = await sandboxAndClient({ random: seededRandom(7) })
    try {
      const refs = Array.from({ length: 8 }, (_, i) => ({ ref: `S-${i + 1}` }))
      const b = await sentBatch(t.db, own.api, own.sandbox.baseUrl, refs)
      own.sandbox.setFaults({ failRate: 0.5 })
      const s = await voidInvoices(
        t.db,
        own.api,
        b,
        { all: true },
        { retry: { maxTries: 30, baseMs: 2, maxMs: 20 } },
      )
      expect(s).toMatchObject({ count: 8, done: 8, failed: 0 })
      const statuses = (
        t.db.prepare(`SELECT http_status FROM attempts WHERE batch_id = ? AND kind = 'void'`).all(b) as {
          http_status: number
        }[]
      ).map((a) => a.http_status)
      expect(statuses.filter((x) => x === 200)).toHaveLength(8)
      expect(statuses.filter((x) => x >= 500).length).toBeGreaterThan(0)
    } finally {
      own.api.close()
      await own.sandbox.close()
    }
  })

  it('counts a void whose answers were all lost as done once a read shows it happened', async () => {
    t = tempDb()
    const b = await sentBatch(t.db, api, sandbox.baseUrl, [{ ref: 'LOST-1' }])
    // Dintero voids it and commits, but the connection drops before any answer arrives.
    sandbox.setFaults({ lostResponseRate: 1 })
    const s = await voidInvoices(
      t.db,
      api,
      b,
      { all: true },
      { retry: { maxTries: 2, baseMs: 5, maxMs: 10 } },
    )
    sandbox.setFaults({ lostResponseRate: 0 })
    expect(s).toMatchObject({ count: 1, done: 1, failed: 0 })
    const r = row(t.db, b, 'LOST-1')
    expect(r).toMatchObject({
      state: 'voided',
      transaction_status: 'AUTHORIZATION_VOIDED',
      error_message: null,
    })
    const tries = attemptsOf(t.db, r.id).filter((a) => a.kind === 'void')
    expect(tries).toHaveLength(2)
    expect(tries.every((a) => a.outcome === 'error' && a.http_status === null)).toBe(true)
  })

  it('rides out 429s, every try journaled', async () => {
    t = tempDb()
    const refs = Array.from({ length: 6 }, (_, i) => ({ ref: `L-${i + 1}` }))
    const b = await sentBatch(t.db, api, sandbox.baseUrl, refs)
    sandbox.setFaults({ rateLimit: 3 })
    const s = await voidInvoices(t.db, api, b, { all: true }, { ...fast, rate: 100, concurrency: 6 })
    expect(s).toMatchObject({ count: 6, done: 6, failed: 0 })
    const all = t.db
      .prepare(`SELECT http_status FROM attempts WHERE batch_id = ? AND kind = 'void'`)
      .all(b) as {
      http_status: number
    }[]
    expect(all.filter((a) => a.http_status === 200)).toHaveLength(6)
    expect(all.some((a) => a.http_status === 429)).toBe(true)
  })
})

describe('capture', () => {
  it('captures merchant-channel invoices so Kravia starts (KID appears) and refuses the rest', async () => {
    t = tempDb()
    const b = await sentBatch(t.db, api, sandbox.baseUrl, [
      { ref: 'M-1', channel: 'merchant', amount: 990_00 },
      { ref: 'M-2', channel: 'merchant' },
      { ref: 'K-1' },
    ])
    expect(row(t.db, b, 'M-1')).toMatchObject({ state: 'awaiting_capture', kid: null })
    expect(previewCapture(t.db, b, { all: true })).toMatchObject({ count: 2, amount: 1115_00 })
    const s = await captureInvoices(t.db, api, b, { refs: ['M-1', 'K-1'] }, fast)
    expect(s).toMatchObject({ count: 1, amount: 990_00, done: 1, failed: 1 })
    expect(s.errors[0].message).toMatch(/K-1 is authorized; only awaiting capture invoices can be captured/)
    const m1 = row(t.db, b, 'M-1')
    expect(m1.state).toBe('authorized')
    expect(m1.kid).toMatch(/^\d+$/)
    expect(m1.account_bban).toMatch(/^\d{11}$/)
    expect(attemptsOf(t.db, m1.id).at(-1)).toMatchObject({ kind: 'capture', http_status: 200 })
    // The customer can pay it now, and refresh sees it.
    await customerPays(sandbox, m1.transaction_id!, 990_00)
    const r = await refreshBatch(t.db, api, b)
    expect(r.transitions['authorized→paid']).toBe(1)
    expect(row(t.db, b, 'M-2').state).toBe('awaiting_capture')
  })
})
