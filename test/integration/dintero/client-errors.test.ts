import { createServer } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createDinteroClient, type DinteroClient, DinteroError } from '../../../src/main/dintero'
import { type Sandbox, type SandboxOptions, startSandbox } from '../../../src/main/sandbox'
import type { PayRequest } from '../../../src/shared/kravia'
import { payBody } from '../sandbox/helpers'

const open: { sb?: Sandbox; client?: DinteroClient }[] = []
afterEach(async () => {
  for (const o of open.splice(0)) {
    o.client?.close()
    await o.sb?.close()
  }
})

async function setup(
  options: SandboxOptions = {},
  client: { timeoutMs?: number; fetch?: typeof fetch } = {},
) {
  const sb = await startSandbox(options)
  const c = createDinteroClient({
    baseUrl: sb.baseUrl,
    accountId: sb.accountId,
    clientId: sb.clientId,
    clientSecret: sb.clientSecret,
    ...client,
  })
  open.push({ sb, client: c })
  return { sb, client: c }
}

async function failure(p: Promise<unknown>): Promise<DinteroError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  )
  if (!(e instanceof DinteroError)) throw new Error(`expected a DinteroError, got ${String(e)}`)
  return e
}

/** A port on 127.0.0.1 that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as { port: number }
  await new Promise<void>((r) => server.close(() => r()))
  return port
}

describe('Dintero client error classes: pay', () => {
  it('lost response after sending → ambiguous, and the invoice does exist', async () => {
    const { sb, client } = await setup()
    await client.checkConnection()
    sb.setFaults({ lostResponseRate: 1 })
    const e = await failure(client.pay(payBody('lost-1'), { toggle: 'strict-success-merchant-reference' }))
    expect(e.kind).toBe('ambiguous')
    expect(e.info.status).toBeUndefined()
    sb.setFaults({ lostResponseRate: 0 })
    const found = await client.listByMerchantReference('lost-1')
    expect(found).toHaveLength(1)
    expect(found[0].status).toBe('AUTHORIZED')
  })

  it('connection refused before sending → retryable (pay and reads), with node:http and with fetch', async () => {
    const port = await closedPort()
    for (const f of [undefined, globalThis.fetch]) {
      const client = createDinteroClient({
        baseUrl: `http://127.0.0.1:${port}`,
        accountId: 'T12345678',
        clientId: 'sandbox',
        clientSecret: 'sandbox',
        fetch: f,
      })
      open.push({ client })
      expect((await failure(client.pay(payBody('refused'), { toggle: null }))).kind).toBe('retryable')
      expect((await failure(client.getTransaction('T12345678.x'))).kind).toBe('retryable')
    }
  })

  it('with fetch as transport, a lost response is still ambiguous', async () => {
    const { sb, client } = await setup({}, { fetch: globalThis.fetch })
    await client.checkConnection()
    sb.setFaults({ lostResponseRate: 1 })
    expect((await failure(client.pay(payBody('lost-f'), { toggle: null }))).kind).toBe('ambiguous')
  })

  it('a pay that was sent and then times out → ambiguous; a timed-out read → retryable', async () => {
    const { sb, client } = await setup({}, { timeoutMs: 150 })
    await client.checkConnection()
    sb.setFaults({ latencyMs: 600 })
    const e = await failure(client.pay(payBody('slow'), { toggle: null }))
    expect(e.kind).toBe('ambiguous')
    expect(e.message).toContain('150 ms')
    expect((await failure(client.getTransaction('T12345678.x'))).kind).toBe('retryable')
  })

  it('5xx → ambiguous for pay, retryable for reads and void', async () => {
    const { sb, client } = await setup()
    const tx = await client.pay(payBody('five'), { toggle: null })
    sb.setFaults({ failRate: 1 })
    const e = await failure(client.pay(payBody('five-2'), { toggle: null }))
    expect(e.kind).toBe('ambiguous')
    expect([500, 502, 503]).toContain(e.info.status)
    expect(e.info.code).toBe('SERVER_ERROR')
    expect((await failure(client.getTransaction(tx.id))).kind).toBe('retryable')
    expect((await failure(client.void(tx.id))).kind).toBe('retryable')
    expect((await failure(client.listByMerchantReference('five'))).kind).toBe('retryable')
  })

  it('200 with FAILED → rejected, carrying the transaction and the event error', async () => {
    const { client } = await setup({ failedStatusRate: 1 })
    const e = await failure(client.pay(payBody('failed'), { toggle: 'strict-success-merchant-reference' }))
    expect(e.kind).toBe('rejected')
    expect(e.info.status).toBe(200)
    expect(e.info.transaction?.status).toBe('FAILED')
    expect(e.info.code).toBe('KRAVIA_INVOICE_REFUSED')
    expect(e.message).toContain('Kravia refused')
  })

  it('429 → rate_limited with Retry-After for pay; retryable with Retry-After for reads', async () => {
    const { client } = await setup({ rateLimit: 2, clock: () => 1_800_000_000_000 })
    await client.pay(payBody('rl-1'), { toggle: null }) // token + pay use the burst
    const e = await failure(client.pay(payBody('rl-2'), { toggle: null }))
    expect(e.kind).toBe('rate_limited')
    expect(e.info.status).toBe(429)
    expect(e.info.retryAfterMs).toBeGreaterThanOrEqual(1000)
    expect(e.info.retryAfterMs! % 1000).toBe(0)
    const r = await failure(client.listByMerchantReference('rl-1'))
    expect(r.kind).toBe('retryable')
    expect(r.info.retryAfterMs).toBeGreaterThanOrEqual(1000)
  })

  it('400 → rejected; checkByLookup only when a strict toggle was sent', async () => {
    const { client } = await setup()
    const invalid = payBody('bad') as PayRequest & { payment: { days_until_due: number } }
    invalid.payment.days_until_due = 400
    const plain = await failure(client.pay(invalid, { toggle: null }))
    expect(plain.kind).toBe('rejected')
    expect(plain.info.status).toBe(400)
    expect(plain.info.checkByLookup).toBeFalsy()
    expect(plain.info.errors).toEqual([{ field: 'payment.days_until_due', message: expect.any(String) }])
    expect(plain.message).toContain('payment.days_until_due')
    const strict = await failure(client.pay(invalid, { toggle: 'strict-merchant-reference' }))
    expect(strict.kind).toBe('rejected')
    expect(strict.info.checkByLookup).toBe(true)
    await client.pay(payBody('dup'), { toggle: 'strict-success-merchant-reference' })
    const dup = await failure(client.pay(payBody('dup'), { toggle: 'strict-success-merchant-reference' }))
    expect(dup).toMatchObject({ info: { kind: 'rejected', status: 400, checkByLookup: true } })
  })

  it('403 (client not granted this account) → auth', async () => {
    const { sb } = await setup()
    const client = createDinteroClient({
      baseUrl: sb.baseUrl,
      accountId: 'T99999999',
      clientId: 'sandbox',
      clientSecret: 'sandbox',
    })
    open.push({ client })
    const e = await failure(client.pay(payBody('x'), { toggle: null }))
    expect(e.kind).toBe('auth')
    expect(e.info.status).toBe(403)
    expect(e.info.signIn).toBe(true)
  })
})

describe('Dintero client error classes: reads, void, capture', () => {
  it('404 and invalid state are rejected', async () => {
    const { client } = await setup()
    const missing = await failure(client.getTransaction('T12345678.missing'))
    expect(missing).toMatchObject({ info: { kind: 'rejected', status: 404, code: 'NOT_FOUND' } })
    const tx = await client.pay(payBody('st'), { toggle: null })
    await client.void(tx.id)
    const again = await failure(client.void(tx.id))
    expect(again).toMatchObject({ info: { kind: 'rejected', status: 400 } })
    expect((await failure(client.capture(tx.id, 29900))).kind).toBe('rejected')
  })

  it('a lost answer to void is retryable (voiding again is harmless)', async () => {
    const { sb, client } = await setup()
    const tx = await client.pay(payBody('lv'), { toggle: null })
    sb.setFaults({ lostResponseRate: 1 })
    expect((await failure(client.void(tx.id))).kind).toBe('retryable')
    sb.setFaults({ lostResponseRate: 0 })
    expect((await client.getTransaction(tx.id)).status).toBe('AUTHORIZATION_VOIDED')
  })
})

describe('Dintero client: stopping a request', () => {
  it('aborted before sending → retryable; aborted while Dintero works on a pay → ambiguous', async () => {
    const { sb, client } = await setup()
    await client.checkConnection()
    const early = new AbortController()
    early.abort()
    const e1 = await failure(client.pay(payBody('ab-1'), { toggle: null, signal: early.signal }))
    expect(e1.kind).toBe('retryable')
    sb.setFaults({ latencyMs: 300 })
    const late = new AbortController()
    setTimeout(() => late.abort(), 50)
    const e2 = await failure(client.pay(payBody('ab-2'), { toggle: null, signal: late.signal }))
    expect(e2.kind).toBe('ambiguous')
    expect(e2.info.code).toBe('ABORT_ERR')
    sb.setFaults({ latencyMs: 0 })
    expect(await client.listByMerchantReference('ab-1')).toHaveLength(0)
  })
})
