import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DinteroError, extractKraviaDetails } from '../../../src/main/dintero'
import { type Sandbox, startSandbox } from '../../../src/main/sandbox'
import { payRequestSchema } from '../../../src/shared/kravia-schema'
import { isValidKidMod10 } from '../../../src/shared/no-validators'
import { payBody } from '../sandbox/helpers'
import { recordingClient } from './recorder'
import { headerErrors, schemaErrors, tokenBodyErrors } from './request-check'

let sb: Sandbox
beforeAll(async () => {
  sb = await startSandbox({ accountId: 'T11223344', clientId: 'client-a', clientSecret: 'secret-a' })
})
afterAll(() => sb.close())

describe('Dintero client against the sandbox: every endpoint', () => {
  it('pays (B2B, B2C, grouped, merchant channel) and every request matches schemas.json and the exact schema', async () => {
    const { client, sent } = recordingClient(sb)
    const b2b = await client.pay(payBody('c-1'), { toggle: 'strict-success-merchant-reference' })
    const b2c = await client.pay(payBody('c-2', 'kravia.invoice_b2c'), {
      toggle: 'strict-merchant-reference',
    })
    const grouped = await client.pay(payBody('c-3', 'kravia.invoice_b2b_grouped'), { toggle: null })
    const merchantBody = payBody('c-4')
    merchantBody.payment.invoice_channel = 'merchant'
    const merchant = await client.pay(merchantBody, { toggle: 'strict-success-merchant-reference' })
    for (const tx of [b2b, b2c, grouped, merchant]) expect(tx.status).toBe('AUTHORIZED')

    const token = sent.filter((r) => r.url.endsWith('/auth/token'))
    expect(token).toHaveLength(1) // cached for every later call
    expect(token[0].url).toBe(`${sb.baseUrl}/v1/accounts/T11223344/auth/token`)
    expect(token[0].headers.authorization).toBe(
      `Basic ${Buffer.from('client-a:secret-a').toString('base64')}`,
    )
    expect(tokenBodyErrors(JSON.parse(token[0].body!))).toEqual([])
    expect(JSON.parse(token[0].body!)).toEqual({
      grant_type: 'client_credentials',
      audience: 'https://api.dintero.com/v1/accounts/T11223344',
    })

    const pays = sent.filter((r) => r.url.endsWith('/v1/sessions/pay'))
    expect(pays).toHaveLength(4)
    for (const r of pays) {
      const body = JSON.parse(r.body!)
      expect(schemaErrors('POST /v1/sessions/pay', body)).toEqual([])
      const exact = payRequestSchema.safeParse(body)
      expect(exact.success, JSON.stringify(exact.error?.issues)).toBe(true)
      expect(headerErrors('POST /v1/sessions/pay', r.headers)).toEqual([])
      expect(r.headers.authorization).toMatch(/^Bearer \S+$/)
      expect(r.headers['dintero-system-name']).toBe('kravia-batch-test')
      expect(r.headers['dintero-system-version']).toBe('1.0.0')
    }
    expect(pays.map((r) => r.headers['dintero-feature-toggles'])).toEqual([
      'strict-success-merchant-reference',
      'strict-merchant-reference',
      undefined,
      'strict-success-merchant-reference',
    ])
    client.close()
  })

  it('extracts Kravia details, tolerating grouped (none) and merchant channel (no KID until capture)', async () => {
    const { client, sent } = recordingClient(sb)
    const tx = await client.pay(payBody('d-1'), { toggle: null })
    const d = extractKraviaDetails(tx)
    expect(d.invoice_number).toMatch(/\S/)
    expect(d.invoice_url).toBe(`${sb.baseUrl}/__sandbox/invoices/${tx.id}`)
    expect(isValidKidMod10(d.kid!)).toBe(true)
    expect(d).toMatchObject({ bban: '15063092174', iban: 'NO0215063092174', swift: 'DNBANOKKXXX' })
    expect(d.due_date! > d.invoice_date!).toBe(true)

    const grouped = await client.pay(payBody('d-2', 'kravia.invoice_b2b_grouped'), { toggle: null })
    expect(extractKraviaDetails(grouped)).toEqual({})

    const body = payBody('d-3')
    body.payment.invoice_channel = 'merchant'
    const merchant = await client.pay(body, { toggle: null })
    expect(extractKraviaDetails(merchant).kid).toBeUndefined()
    const captured = await client.capture(merchant.id, 29900)
    expect(captured.accepted).toBe(false)
    expect(isValidKidMod10(extractKraviaDetails(captured.transaction).kid!)).toBe(true)
    const capReq = sent.find((r) => r.url.endsWith('/capture'))!
    expect(schemaErrors('POST /v1/transactions/{id}/capture', JSON.parse(capReq.body!))).toEqual([])
    client.close()
  })

  it('reads one transaction, lists a reference across pages, voids', async () => {
    const { client, sent } = recordingClient(sb)
    const created: string[] = []
    for (let i = 0; i < 105; i++) created.push((await client.pay(payBody('many'), { toggle: null })).id)
    const listed = await client.listByMerchantReference('many')
    expect(listed.map((t) => t.id).sort()).toEqual([...created].sort())
    expect(listed[0].id).toBe(created.at(-1)) // newest first
    const lists = sent.filter((r) => r.url.includes('/v1/transactions?'))
    expect(lists).toHaveLength(2)
    expect(new URL(lists[1].url).searchParams.get('starting_after')).toBe(listed[99].id)
    expect(await client.listByMerchantReference('no-such-reference')).toEqual([])

    const got = await client.getTransaction(created[0])
    expect(got.id).toBe(created[0])
    const voided = await client.void(created[0])
    expect(voided).toMatchObject({ accepted: false, transaction: { status: 'AUTHORIZATION_VOIDED' } })
    const voidReq = sent.find((r) => r.url.endsWith('/void'))!
    expect(voidReq.body).toBeUndefined()
    expect(voidReq.method).toBe('POST')
    client.close()
  })

  it('getTransactions reads 100 ids per request (id repeated, limit=100) and leaves out what the list omits', async () => {
    const { client, sent } = recordingClient(sb)
    const created: string[] = []
    for (let i = 0; i < 230; i++) created.push((await client.pay(payBody(`bulk-${i}`), { toggle: null })).id)
    const asked = [...created, created[0], 'T11223344.nosuchtransactionxxxxxx']
    const before = sent.length
    const got = await client.getTransactions(asked)
    const lists = sent.slice(before).filter((r) => r.url.includes('/v1/transactions?'))
    expect(lists).toHaveLength(3) // 231 distinct ids: 100 + 100 + 31
    const params = lists.map((r) => new URL(r.url).searchParams)
    expect(params.map((p) => p.getAll('id').length)).toEqual([100, 100, 31])
    expect(params.every((p) => p.get('limit') === '100')).toBe(true)
    expect(params.flatMap((p) => p.getAll('id'))).toEqual([...created, 'T11223344.nosuchtransactionxxxxxx'])
    expect([...got.keys()].sort()).toEqual([...created].sort())
    expect(got.get(created[7])?.merchant_reference).toBe('bulk-7')

    sb.setFaults({ listOmitRate: 1 })
    try {
      expect((await client.getTransactions(created.slice(0, 3))).size).toBe(0)
    } finally {
      sb.setFaults({ listOmitRate: 0 })
    }
    expect(await client.getTransactions([])).toEqual(new Map())
    client.close()
  })

  it('a 202 void is accepted-pending; the transaction is voided a moment later', async () => {
    const { client } = recordingClient(sb)
    const tx = await client.pay(payBody('v-202'), { toggle: null })
    sb.setFaults({ voidAcceptedRate: 1 })
    try {
      const r = await client.void(tx.id)
      expect(r.accepted).toBe(true)
      expect(r.transaction.status).toBe('AUTHORIZED')
    } finally {
      sb.setFaults({ voidAcceptedRate: 0 })
    }
    await new Promise((done) => setTimeout(done, 400))
    expect((await client.getTransaction(tx.id)).status).toBe('AUTHORIZATION_VOIDED')
    client.close()
  })

  it('checkConnection signs in; wrong credentials are an auth error that never shows the secret', async () => {
    const ok = recordingClient(sb)
    await expect(ok.client.checkConnection()).resolves.toBeUndefined()
    const bad = recordingClient(sb, { clientSecret: 'wrong-secret-XYZ' })
    const err = await bad.client.checkConnection().catch((e: unknown) => e)
    expect(err).toBeInstanceOf(DinteroError)
    expect((err as DinteroError).kind).toBe('auth')
    expect((err as DinteroError).info.status).toBe(401)
    const shown = `${(err as Error).message} ${JSON.stringify(err)} ${(err as Error).stack}`
    expect(shown).not.toContain('wrong-secret-XYZ')
    expect(shown).not.toContain(Buffer.from('client-a:wrong-secret-XYZ').toString('base64'))
    expect(JSON.stringify(bad.client)).not.toContain('wrong-secret-XYZ')
    ok.client.close()
    bad.client.close()
  })
})

describe('Dintero client: token lifetime', () => {
  it('signs in again once when the token expires mid-run, and reports auth when the new one is refused too', async () => {
    let now = Date.parse('2026-05-01T08:00:00Z')
    const local = await startSandbox({ tokenTtlSeconds: 3600, clock: () => now })
    try {
      const { client, sent } = recordingClient(local)
      await client.pay(payBody('t-1'), { toggle: null })
      // The sandbox's clock jumps past expiry; the client's own clock (real time) still trusts its token.
      now += 3_601_000
      const tx = await client.pay(payBody('t-2'), { toggle: 'strict-success-merchant-reference' })
      expect(tx.status).toBe('AUTHORIZED')
      expect(sent.filter((r) => r.url.endsWith('/auth/token'))).toHaveLength(2)
      expect(local.stats().byRoute['POST /v1/sessions/pay']).toEqual({ '200': 2, '401': 1 })
      client.close()
    } finally {
      await local.close()
    }

    // Every token the sandbox issues is already expired when it is used.
    let t = 0
    const hostile = await startSandbox({ tokenTtlSeconds: 1, clock: () => (t += 5_000) })
    try {
      const { client } = recordingClient(hostile)
      const err = await client.pay(payBody('t-3'), { toggle: null }).catch((e: unknown) => e)
      expect((err as DinteroError).kind).toBe('auth')
      expect((err as DinteroError).info.status).toBe(401)
      expect(hostile.stats().byRoute['POST /v1/accounts/{aid}/auth/token']).toEqual({ '200': 2 })
      client.close()
    } finally {
      await hostile.close()
    }
  })

  it('refreshes ahead of expires_in by its own clock, without a 401', async () => {
    let clientNow = Date.parse('2026-05-01T08:00:00Z')
    const local = await startSandbox({ tokenTtlSeconds: 600 })
    try {
      const { client, sent } = recordingClient(local, { clock: () => clientNow })
      await client.getTransaction('T12345678.x').catch(() => undefined)
      clientNow += 550_000 // inside the last 10 % of the token's life
      await client.getTransaction('T12345678.x').catch(() => undefined)
      expect(sent.filter((r) => r.url.endsWith('/auth/token'))).toHaveLength(2)
      expect(local.stats().byRoute['GET /v1/transactions/{id}']).toEqual({ '404': 2 })
      client.close()
    } finally {
      await local.close()
    }
  })
})
