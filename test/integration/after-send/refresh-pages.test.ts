import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { DinteroClient } from '../../../src/main/dintero'
import { getBatch } from '../../../src/main/journal/reads'
import { type RefreshProgress, refreshBatch } from '../../../src/main/after-send/refresh'
import { type Sandbox, seededRandom } from '../../../src/main/sandbox'
import { customerPays, row, sandboxAndClient, sentBatch, tempDb } from './helpers'

let sandbox: Sandbox
let api: DinteroClient
let t: ReturnType<typeof tempDb>

beforeAll(async () => {
  ;({ sandbox, api } = await sandboxAndClient({ random: seededRandom(15) }))
})
afterAll(async () => {
  api.close()
  await sandbox.close()
})
afterEach(() => {
  sandbox.setFaults({ listOmitRate: 0, failRate: 0, rateLimit: 0 })
  t?.close()
})

const specs = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({ ref: `${prefix}-${i + 1}`, amount: (i + 1) * 100 }))
const requests = () => {
  const by = sandbox.stats().byRoute
  const sum = (route: string) => Object.values(by[route] ?? {}).reduce((a, b) => a + b, 0)
  return { list: sum('GET /v1/transactions'), one: sum('GET /v1/transactions/{id}') }
}

describe('refresh a page at a time', () => {
  it('reads 250 invoices in 3 list requests; payments, a part payment and a void between two refreshes show up exactly', async () => {
    t = tempDb()
    const b = await sentBatch(t.db, api, sandbox.baseUrl, specs('P', 250))
    expect(getBatch(t.db, b)?.refreshed_at).toBeNull()
    const before = requests()
    const seen: RefreshProgress[] = []
    const first = await refreshBatch(t.db, api, b, { rate: 100, onProgress: (p) => seen.push(p) })
    expect(first).toMatchObject({ checked: 250, total: 250, changed: 0, failed: 0, paid: 0, stopped: false })
    expect(requests().list - before.list).toBe(3)
    expect(requests().one - before.one).toBe(0)
    expect(seen).toHaveLength(3) // one update per page, whichever page answers first
    expect(seen.at(-1)?.checked).toBe(250)
    expect(seen.every((p) => p.total === 250)).toBe(true)
    const firstAt = getBatch(t.db, b)?.refreshed_at
    expect(firstAt).not.toBeNull()

    // Between the refreshes: two paid in full, one part payment, one voided in the back office.
    await customerPays(sandbox, row(t.db, b, 'P-7').transaction_id!, 700)
    await customerPays(sandbox, row(t.db, b, 'P-120').transaction_id!, 12_000)
    await customerPays(sandbox, row(t.db, b, 'P-201').transaction_id!, 5_000)
    await api.void(row(t.db, b, 'P-33').transaction_id!)

    const second = await refreshBatch(t.db, api, b, { rate: 100 })
    expect(second).toMatchObject({ checked: 250, changed: 4, failed: 0, paid: 2, paidAmount: 12_700 })
    expect(second.transitions).toEqual({
      'authorized→paid': 2,
      'authorized→part_paid': 1,
      'authorized→voided': 1,
    })
    expect(row(t.db, b, 'P-7')).toMatchObject({ state: 'paid', transaction_status: 'CAPTURED' })
    expect(row(t.db, b, 'P-120').state).toBe('paid')
    expect(row(t.db, b, 'P-201')).toMatchObject({
      state: 'part_paid',
      transaction_status: 'PARTIALLY_CAPTURED',
    })
    expect(row(t.db, b, 'P-33')).toMatchObject({
      state: 'voided',
      transaction_status: 'AUTHORIZATION_VOIDED',
    })
    expect(row(t.db, b, 'P-8').state).toBe('authorized')

    // Paid and voided are final: the third refresh reads only the 247 still open.
    const third = await refreshBatch(t.db, api, b, { rate: 100 })
    expect(third).toMatchObject({ checked: 247, changed: 0, paid: 0 })
  })

  it('an id the list answer leaves out is read on its own, never taken as gone', async () => {
    t = tempDb()
    const b = await sentBatch(t.db, api, sandbox.baseUrl, specs('O', 40))
    await customerPays(sandbox, row(t.db, b, 'O-5').transaction_id!, 500)
    sandbox.setFaults({ listOmitRate: 0.25 })
    const before = requests()
    const s = await refreshBatch(t.db, api, b, { rate: 100 })
    const singles = requests().one - before.one
    expect(requests().list - before.list).toBe(1)
    expect(singles).toBeGreaterThan(0) // some were left out (seeded)…
    expect(singles).toBeLessThan(40) // …not all
    expect(s).toMatchObject({ checked: 40, failed: 0, changed: 1, paid: 1, stopped: false })
    expect(row(t.db, b, 'O-5').state).toBe('paid')
  })

  it('429s and 5xx during a refresh are retried; nothing is marked wrongly', async () => {
    t = tempDb()
    const b = await sentBatch(t.db, api, sandbox.baseUrl, specs('R', 150))
    await customerPays(sandbox, row(t.db, b, 'R-1').transaction_id!, 100)
    await customerPays(sandbox, row(t.db, b, 'R-150').transaction_id!, 10_000)
    await api.void(row(t.db, b, 'R-149').transaction_id!)
    sandbox.setFaults({ failRate: 0.4, rateLimit: 4, listOmitRate: 0.05 })
    const s = await refreshBatch(t.db, api, b, {
      rate: 50,
      concurrency: 4,
      retry: { maxTries: 12, baseMs: 5, maxMs: 50 },
    })
    expect(s).toMatchObject({ checked: 150, failed: 0, changed: 3, paid: 1, paidAmount: 100, stopped: false })
    const by = sandbox.stats().byRoute['GET /v1/transactions'] ?? {}
    expect(Object.keys(by).some((k) => k === '429' || k.startsWith('5'))).toBe(true)
    expect(row(t.db, b, 'R-1').state).toBe('paid')
    expect(row(t.db, b, 'R-150').state).toBe('part_paid')
    expect(row(t.db, b, 'R-149').state).toBe('voided')
    const states = t.db
      .prepare('SELECT state, COUNT(*) AS n FROM invoices WHERE batch_id = ? GROUP BY state ORDER BY state')
      .all(b)
    expect(states).toEqual([
      { state: 'authorized', n: 147 },
      { state: 'paid', n: 1 },
      { state: 'part_paid', n: 1 },
      { state: 'voided', n: 1 },
    ])
    const errors = t.db
      .prepare('SELECT COUNT(*) FROM invoices WHERE batch_id = ? AND error_message IS NOT NULL')
      .pluck()
      .get(b)
    expect(errors).toBe(0)
  })
})
