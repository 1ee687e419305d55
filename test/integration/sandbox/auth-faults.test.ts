import { mkdtempSync, rmSync } from 'node:fs'
import http from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { type Sandbox, seededRandom, startSandbox } from '../../../src/main/sandbox'
import { allTransactions, pay, payBody, raw, token } from './helpers'

const started: Sandbox[] = []
async function sandbox(options: Parameters<typeof startSandbox>[0] = {}) {
  const sb = await startSandbox(options)
  started.push(sb)
  return sb
}
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()))
})

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`
const tokenRequest = (sb: Sandbox, auth: string, body: unknown, aid = sb.accountId) =>
  raw(sb, 'POST', `/v1/accounts/${aid}/auth/token`, { headers: { authorization: auth }, body })
const grant = (aid: string) => ({
  grant_type: 'client_credentials',
  audience: `https://api.dintero.com/v1/accounts/${aid}`,
})

describe('sandbox: authentication', () => {
  it('issues a bearer token with expires_in for the configured client', async () => {
    const sb = await sandbox({
      accountId: 'T87654321',
      clientId: 'me',
      clientSecret: 's3cret',
      tokenTtlSeconds: 600,
    })
    const r = await tokenRequest(sb, basic('me', 's3cret'), grant('T87654321'))
    expect(r.status).toBe(200)
    expect(r.json).toMatchObject({ token_type: 'Bearer', expires_in: 600 })
    expect(r.json.access_token).toMatch(/\S{20,}/)
  })

  it('refuses wrong credentials (401), another account or audience (403), a bad grant (400)', async () => {
    const sb = await sandbox()
    const wrong = await tokenRequest(sb, basic('sandbox', 'nope'), grant(sb.accountId))
    expect(wrong.status).toBe(401)
    expect(wrong.json.error.message).toBeTruthy()
    expect(
      (await tokenRequest(sb, basic('sandbox', 'sandbox'), grant('T99999999'), 'T99999999')).status,
    ).toBe(403)
    expect((await tokenRequest(sb, basic('sandbox', 'sandbox'), grant('T99999999'))).status).toBe(403)
    expect((await tokenRequest(sb, basic('sandbox', 'sandbox'), { grant_type: 'password' })).status).toBe(400)
  })

  it('answers 401 with a Dintero error body for a missing, unknown or expired bearer', async () => {
    let now = Date.parse('2026-03-01T00:00:00Z')
    const sb = await sandbox({ tokenTtlSeconds: 60, clock: () => now })
    const tok = await token(sb)
    expect((await raw(sb, 'GET', '/v1/transactions', { token: tok })).status).toBe(200)
    for (const t of [undefined, 'forged']) {
      const r = await raw(sb, 'GET', '/v1/transactions', { token: t })
      expect(r.status).toBe(401)
      expect(r.json.error).toMatchObject({ code: 'UNAUTHORIZED', message: expect.any(String) })
    }
    now += 61_000
    const expired = await raw(sb, 'GET', '/v1/transactions', { token: tok })
    expect(expired.status).toBe(401)
    expect(expired.json.error.message).toContain('expired')
  })

  it('answers only to loopback host names (no DNS-rebinding access to the controls)', async () => {
    const sb = await sandbox()
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        `${sb.baseUrl}/__sandbox/transactions`,
        { headers: { host: 'evil.example:80' } },
        (res) => {
          res.resume()
          resolve(res.statusCode ?? 0)
        },
      )
      req.on('error', reject)
      req.end()
    })
    expect(status).toBe(403)
    expect((await raw(sb, 'GET', '/__sandbox/transactions')).status).toBe(200)
  })
})

describe('sandbox: faults', () => {
  it('rate limit: 429 with Retry-After in whole seconds once the burst is used, on every /v1 route', async () => {
    // A frozen clock: no token comes back during the test, however slow the machine.
    const sb = await sandbox({ rateLimit: 3, clock: () => 1_800_000_000_000 })
    const tok = await token(sb) // 1 of 3
    const statuses: number[] = []
    let retryAfter: string | null = null
    for (let i = 0; i < 4; i++) {
      const r = await raw(sb, 'GET', '/v1/transactions', { token: tok })
      statuses.push(r.status)
      if (r.status === 429) retryAfter = r.headers.get('retry-after')
    }
    expect(statuses.slice(0, 2)).toEqual([200, 200])
    expect(statuses.slice(2)).toEqual([429, 429])
    expect(retryAfter).toMatch(/^[1-9]\d*$/)
    // Controls are not limited.
    expect((await raw(sb, 'GET', '/__sandbox/transactions')).status).toBe(200)
    sb.setFaults({ rateLimit: 0 })
    expect((await raw(sb, 'GET', '/v1/transactions', { token: tok })).status).toBe(200)
  })

  it('fail-rate: a 500/502/503 before doing anything; lost-response: committed, then no answer', async () => {
    const sb = await sandbox({ random: seededRandom(7) })
    const tok = await token(sb)
    sb.setFaults({ failRate: 1 })
    const r = await pay(sb, tok, payBody('f-1'))
    expect([500, 502, 503]).toContain(r.status)
    expect(r.json.error.message).toBeTruthy()
    sb.setFaults({ failRate: 0, lostResponseRate: 1 })
    await expect(pay(sb, tok, payBody('f-2'))).rejects.toThrow()
    // GETs are never dropped.
    expect((await raw(sb, 'GET', '/v1/transactions', { token: tok })).status).toBe(200)
    sb.setFaults({ lostResponseRate: 0 })
    const txs = await allTransactions(sb)
    expect(txs.map((t) => t.merchant_reference)).toEqual(['f-2'])
    const stats = sb.stats()
    expect(stats.byRoute['POST /v1/sessions/pay']).toMatchObject({ lost: 1 })
    expect(Object.keys(stats.byRoute['POST /v1/sessions/pay'])).toContain(String(r.status))
  })

  it('latency delays /v1 answers; failed-status answers 200 with a FAILED transaction and an event error', async () => {
    const sb = await sandbox({ latencyMs: 120, failedStatusRate: 1 })
    const tok = await token(sb)
    const t0 = Date.now()
    const r = await pay(sb, tok, payBody('fs-1'))
    expect(Date.now() - t0).toBeGreaterThanOrEqual(110)
    expect(r.status).toBe(200)
    expect(r.json.status).toBe('FAILED')
    expect(r.json.success).toBe(false)
    expect(r.json.events[0].error.message).toBeTruthy()
  })

  it('refuses fault values out of range', async () => {
    await expect(startSandbox({ failRate: 2 })).rejects.toThrow(/failRate/)
    const sb = await sandbox()
    expect(() => sb.setFaults({ lostResponseRate: -1 })).toThrow()
  })
})

describe('sandbox: persistence (dataFile)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kb-sandbox-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('keeps transactions, numbering and toggles across a restart; links follow the new port', async () => {
    const file = join(dir, 'sandbox.sqlite')
    const a = await startSandbox({ dataFile: file })
    const tokA = await token(a)
    const one = (await pay(a, tokA, payBody('keep-1'))).json
    const two = (await pay(a, tokA, payBody('keep-2'))).json
    await a.close()

    const b = await sandbox({ dataFile: file })
    const tokB = await token(b)
    const read = await raw(b, 'GET', `/v1/transactions/${one.id}`, { token: tokB })
    expect(read.status).toBe(200)
    expect(read.json.metadata['kravia:invoice_url']).toBe(`${b.baseUrl}/__sandbox/invoices/${one.id}`)
    expect((await raw(b, 'POST', `/v1/transactions/${two.id}/void`, { token: tokB })).json.status).toBe(
      'AUTHORIZATION_VOIDED',
    )
    expect((await pay(b, tokB, payBody('keep-1'), 'strict-success-merchant-reference')).status).toBe(400)
    const three = (await pay(b, tokB, payBody('keep-3'))).json
    expect(three.metadata['kravia:invoice_number']).not.toBe(one.metadata['kravia:invoice_number'])
    expect(three.metadata['kravia:invoice_number']).not.toBe(two.metadata['kravia:invoice_number'])
    // A token from before the restart is not valid any more: clients sign in again.
    expect((await raw(b, 'GET', '/v1/transactions', { token: tokA })).status).toBe(401)
  })
})
