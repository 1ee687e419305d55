import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createBatch } from '../../../src/main/journal/freeze'
import { getAttempts, listInvoices } from '../../../src/main/journal/reads'
import type { Sandbox } from '../../../src/main/sandbox'
import { isAuthorizedOrLater } from '../../../src/shared/states'
import { batchInput, invoices, tempDb } from '../../support/journal-fixtures'
import { byReference, clientFor, run, sandbox, sandboxTransactions } from './helpers'

/**
 * Dintero's in-between states and lagging lists. A transaction ON_HOLD may still become the
 * invoice, and `strict-success-merchant-reference` does not refuse a second one meanwhile, so the
 * row must stay unknown (never sent again) until it is authorized; and a list that has not caught
 * up with a transaction made a moment ago must not be read as "nothing was created".
 */

let sb: Sandbox
let t: ReturnType<typeof tempDb>
const fast = { backoffBaseMs: 50, backoffMaxMs: 400, rate: 200, concurrency: 4 }

beforeAll(async () => {
  sb = await sandbox()
})
afterAll(async () => {
  await sb?.close()
})
afterEach(() => {
  t?.close()
  sb.setFaults({ pendingStatusRate: 0, listLagMs: 0, lostResponseRate: 0 })
})

const trail = (id: number) => getAttempts(t.db, id).map((a) => `${a.kind}:${a.outcome}`)

async function expectEachOnce(refs: string[]) {
  const byRef = byReference(await sandboxTransactions(sb))
  for (const ref of refs) {
    const created = (byRef.get(ref) ?? []).filter((x) => isAuthorizedOrLater(x.status))
    expect(created, ref).toHaveLength(1)
  }
}

describe('in-between transaction states', () => {
  it('a pay answered ON_HOLD stays unknown, is checked by id, and is adopted once authorized', async () => {
    t = tempDb()
    sb.setFaults({ pendingStatusRate: 1 })
    const id = createBatch(t.db, batchInput(invoices(4, 'HOLD'), fast, 'sandbox', { baseUrl: sb.baseUrl }))
    const { summary, updates } = await run(t.db, clientFor(sb), id)
    expect(summary).toMatchObject({ state: 'finished', exitCode: 0, counts: { authorized: 4 } })
    // The run view saw them waiting as unknown, never failed or sent again.
    expect(updates.some((u) => u.rows.some((r) => r.state === 'unknown'))).toBe(true)
    for (const inv of listInvoices(t.db, id)) {
      const steps = trail(inv.id)
      expect(steps[0]).toBe('pay:unknown')
      expect(steps.filter((s) => s.startsWith('pay:'))).toHaveLength(1)
      expect(steps.at(-1)).toBe('lookup:adopted')
      expect(inv.transaction_status).toBe('AUTHORIZED')
    }
    await expectEachOnce(['HOLD-00001', 'HOLD-00002', 'HOLD-00003', 'HOLD-00004'])
  })

  it('answers lost on ON_HOLD pays behind a lagging list: looked up until seen, never sent twice', async () => {
    t = tempDb()
    const client = clientFor(sb)
    await client.checkConnection() // signed in before the token route starts losing answers too
    sb.setFaults({ pendingStatusRate: 1, listLagMs: 1500, lostResponseRate: 1 })
    const id = createBatch(t.db, batchInput(invoices(3, 'LAG'), fast, 'sandbox', { baseUrl: sb.baseUrl }))
    const { summary } = await run(t.db, client, id, { confirmSpanMs: 2500 })
    expect(summary).toMatchObject({ state: 'finished', exitCode: 0, counts: { authorized: 3 } })
    for (const inv of listInvoices(t.db, id)) {
      const steps = trail(inv.id)
      expect(steps.filter((s) => s.startsWith('pay:'))).toEqual(['pay:unknown'])
      expect(steps.at(-1)).toBe('lookup:adopted')
    }
    await expectEachOnce(['LAG-00001', 'LAG-00002', 'LAG-00003'])
    // Nothing else was made for these references either (no second, held one).
    const all = byReference(await sandboxTransactions(sb))
    for (const ref of ['LAG-00001', 'LAG-00002', 'LAG-00003']) expect(all.get(ref)).toHaveLength(1)
  }, 30_000)
})
