import Database from 'better-sqlite3'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createDinteroClient } from '../../../src/main/dintero'
import { createNodeTransport, type Transport } from '../../../src/main/dintero/http'
import { createBatch } from '../../../src/main/journal/freeze'
import { listInvoices } from '../../../src/main/journal/reads'
import { type Sandbox, seededRandom, startSandbox } from '../../../src/main/sandbox'
import type { PayRequest } from '../../../src/shared/kravia'
import { isAuthorizedOrLater } from '../../../src/shared/states'
import { batchInput, invoices, tempDb } from '../../support/journal-fixtures'
import { byReference, run, sandboxTransactions } from './helpers'

/**
 * "The journal is committed before a request leaves": every pay request, at the moment it is
 * handed to the socket, must find its row already `sending` in the file — as seen by a second,
 * independent connection, which can only see committed (with synchronous=FULL: fsynced) data —
 * and with one committed claim per request. Faults make the engine go through every path that
 * sends: first send, resend after a lookup found nothing, after a 429, after 5xx and lost answers.
 */

let sb: Sandbox
let t: ReturnType<typeof tempDb>
beforeAll(async () => {
  sb = await startSandbox({
    port: 0,
    random: seededRandom(5),
    failRate: 0.2,
    lostResponseRate: 0.2,
    failedStatusRate: 0.05,
    rateLimit: 150,
  })
})
afterAll(async () => {
  await sb.close()
})
afterEach(() => t?.close())

describe('journal before request', () => {
  it('every pay request leaves only after its own sending mark is committed and durable', async () => {
    t = tempDb()
    // synchronous=FULL on the engine's connection: a commit is an fsync, not just a write.
    expect(t.db.pragma('synchronous', { simple: true })).toBe(2)
    const id = createBatch(
      t.db,
      batchInput(
        invoices(60, 'DUR'),
        { backoffBaseMs: 10, backoffMaxMs: 100, rate: 400, concurrency: 8, transientTries: 50 },
        'sandbox',
        { baseUrl: sb.baseUrl },
      ),
    )
    const observer = new Database(t.db.name, { readonly: true })
    const peek = observer.prepare(
      'SELECT state, pay_attempts FROM invoices WHERE batch_id = ? AND merchant_reference = ?',
    )
    const sentPerRef = new Map<string, number>()
    const violations: string[] = []
    const node = createNodeTransport()
    const transport: Transport = (req) => {
      if (req.method === 'POST' && req.url.endsWith('/v1/sessions/pay')) {
        const ref = (JSON.parse(req.body ?? '{}') as PayRequest).session.order.merchant_reference
        const n = (sentPerRef.get(ref) ?? 0) + 1
        sentPerRef.set(ref, n)
        const row = peek.get(id, ref) as { state: string; pay_attempts: number } | undefined
        if (row?.state !== 'sending') violations.push(`${ref}: request #${n} left while ${row?.state}`)
        else if (row.pay_attempts < n)
          violations.push(`${ref}: request #${n} left with only ${row.pay_attempts} committed claims`)
      }
      return node(req)
    }
    const client = createDinteroClient({
      baseUrl: sb.baseUrl,
      accountId: sb.accountId,
      clientId: sb.clientId,
      clientSecret: sb.clientSecret,
      transport,
      timeoutMs: 5000,
    })
    try {
      let summary = (await run(t.db, client, id)).summary
      // A fault streak may leave a row unknown: resume (as a user would) until settled.
      for (let i = 0; i < 3 && summary.state !== 'finished'; i++)
        summary = (await run(t.db, client, id)).summary
      expect(summary.state).toBe('finished')
    } finally {
      observer.close()
      node.close()
    }
    expect(violations).toEqual([])
    // The faults did make rows send more than once (the resend paths were exercised).
    expect([...sentPerRef.values()].some((n) => n > 1)).toBe(true)
    const byRef = byReference(await sandboxTransactions(sb))
    for (const row of listInvoices(t.db, id, { limit: 100 })) {
      const created = (byRef.get(row.merchant_reference) ?? []).filter((x) => isAuthorizedOrLater(x.status))
      if (row.state === 'authorized') expect(created.map((x) => x.id)).toEqual([row.transaction_id])
      else expect([row.state, row.fail_reason, created]).toEqual(['failed', 'rejected', []])
    }
  })
})
