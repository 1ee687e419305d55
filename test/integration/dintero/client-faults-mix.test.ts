import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDinteroClient, type DinteroClient, DinteroError } from '../../../src/main/dintero'
import { type Sandbox, seededRandom, startSandbox } from '../../../src/main/sandbox'
import { allTransactions, payBody } from '../sandbox/helpers'

/**
 * Every error class the client reports must match what the sandbox actually did. With all pay
 * faults mixed (seeded, so a failure replays), each outcome is checked against the sandbox's state.
 */
describe('Dintero client under mixed faults', () => {
  let sb: Sandbox
  let client: DinteroClient
  beforeAll(async () => {
    sb = await startSandbox({
      random: seededRandom(20261125),
      failRate: 0.1,
      lostResponseRate: 0.1,
      failedStatusRate: 0.1,
      // A frozen clock: the bucket never refills, so every request after the first 300 is a 429.
      rateLimit: 300,
      clock: () => Date.parse('2026-11-25T12:00:00Z'),
    })
    client = createDinteroClient({
      baseUrl: sb.baseUrl,
      accountId: sb.accountId,
      clientId: sb.clientId,
      clientSecret: sb.clientSecret,
    })
  })
  afterAll(async () => {
    client.close()
    await sb.close()
  })

  it('reports success, retryable, rate_limited, rejected and ambiguous exactly when they happened', async () => {
    const outcomes = new Map<string, string>()
    let next = 0
    const N = 400
    await Promise.all(
      Array.from({ length: 12 }, async () => {
        while (next < N) {
          const ref = `mix-${next++}`
          try {
            await client.pay(payBody(ref), { toggle: 'strict-success-merchant-reference' })
            outcomes.set(ref, 'ok')
          } catch (e) {
            if (!(e instanceof DinteroError)) throw e
            const lost = e.kind === 'ambiguous' && e.info.status === undefined
            outcomes.set(ref, lost ? 'ambiguous-lost' : e.kind)
          }
        }
      }),
    )
    sb.setFaults({ failRate: 0, lostResponseRate: 0, failedStatusRate: 0, rateLimit: 0 })
    const byRef = new Map<string, string[]>()
    for (const t of await allTransactions(sb))
      byRef.set(t.merchant_reference, [...(byRef.get(t.merchant_reference) ?? []), t.status])

    const seen = new Set(outcomes.values())
    for (const kind of ['ok', 'ambiguous', 'ambiguous-lost', 'rejected', 'rate_limited'])
      expect(seen, kind).toContain(kind)
    for (const [ref, outcome] of outcomes) {
      const txs = byRef.get(ref) ?? []
      const expected: Record<string, string[]> = {
        ok: ['AUTHORIZED'],
        rejected: ['FAILED'],
        'ambiguous-lost': [txs[0] ?? 'missing'], // committed, whatever its status
        ambiguous: [], // an injected 5xx is answered before anything is done
        retryable: [],
        rate_limited: [],
      }
      expect(txs, `${ref}: ${outcome}`).toEqual(expected[outcome])
      if (outcome === 'ambiguous-lost') expect(txs).toHaveLength(1)
    }
  })
})
