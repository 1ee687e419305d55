import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Sandbox, startSandbox } from '../../../src/main/sandbox'
import { isValidKidMod10 } from '../../../src/shared/no-validators'
import { pay, payBody, raw, token } from './helpers'

let sb: Sandbox
let tok: string
// A fixed clock: 2026-01-15 10:30 UTC, the docs' example day.
const NOW = Date.parse('2026-01-15T10:30:00Z')
beforeAll(async () => {
  sb = await startSandbox({ clock: () => NOW })
  tok = await token(sb)
})
afterAll(() => sb.close())

// biome-ignore lint/suspicious/noExplicitAny: events are inspected field by field
const named = (tx: any, name: string) => tx.events.filter((e: any) => e.event === name)
const capture = (id: string, amount: number) =>
  raw(sb, 'POST', `/v1/transactions/${id}/capture`, { token: tok, body: { amount } })
const customerPays = (id: string, amount: number) =>
  raw(sb, 'POST', `/__sandbox/transactions/${id}/pay`, { body: { amount } })

describe('sandbox: transaction shape', () => {
  it('B2B: AUTHORIZED with AUTHORIZE and INITIATE_CAPTURE events and Kravia metadata', async () => {
    const r = await pay(sb, tok, payBody('shape-1'))
    const tx = r.json
    expect(tx.id).toMatch(/^T12345678\.[1-9A-HJ-NP-Za-km-z]{22}$/)
    expect(tx).toMatchObject({
      status: 'AUTHORIZED',
      payment_product: 'kravia',
      payment_product_type: 'kravia.invoice_b2b',
      amount: 29900,
      currency: 'NOK',
      merchant_reference: 'shape-1',
      created_at: '2026-01-15T10:30:00.000Z',
    })
    expect(tx.billing_address.business_name).toBe('Nordmann AS')
    expect(tx.items[0].line_id).toBe('sub-001')
    expect(tx.metadata['kravia:invoice_url']).toBe(`${sb.baseUrl}/__sandbox/invoices/${tx.id}`)
    const [auth] = named(tx, 'AUTHORIZE')
    expect(auth.metadata).toEqual({
      'kravia:invoice_date': '2026-01-15',
      'kravia:invoice_due_date': '2026-02-14',
      'kravia:invoice_number': tx.metadata['kravia:invoice_number'],
    })
    const [init] = named(tx, 'INITIATE_CAPTURE')
    expect(isValidKidMod10(init.metadata['kravia:payment_details:kid'])).toBe(true)
    expect(init.metadata['kravia:payment_details:bank_account:iban']).toMatch(/^NO\d{13}$/)
    expect(init.metadata['kravia:invoice_id']).toMatch(/^\d+$/)
    expect(tx.events.map((e: { event: string }) => e.event)).toEqual(['AUTHORIZE', 'INITIATE_CAPTURE'])
  })

  it('grouped: authorized without INITIATE_CAPTURE, KID or invoice number', async () => {
    const tx = (await pay(sb, tok, payBody('grp-1', 'kravia.invoice_b2b_grouped'))).json
    expect(tx.status).toBe('AUTHORIZED')
    expect(named(tx, 'INITIATE_CAPTURE')).toHaveLength(0)
    expect(tx.metadata['kravia:invoice_number']).toBeUndefined()
    expect((await capture(tx.id, 29900)).status).toBe(400)
    // The consolidated invoice can still be paid.
    expect((await customerPays(tx.id, 29900)).json.status).toBe('CAPTURED')
  })

  it('merchant channel: INITIATE_CAPTURE only on capture, full amount only, once', async () => {
    const body = payBody('m-1')
    body.payment.invoice_channel = 'merchant'
    const tx = (await pay(sb, tok, body)).json
    expect(named(tx, 'INITIATE_CAPTURE')).toHaveLength(0)
    expect(tx.metadata['kravia:invoice_number']).toMatch(/\S/)
    const refused = await customerPays(tx.id, 100)
    expect(refused.status).toBe(400)
    expect(refused.json.error.message).toContain('not captured')
    const part = await capture(tx.id, 100)
    expect(part.status).toBe(400)
    expect(part.json.error.errors[0].field).toBe('amount')
    const ok = await capture(tx.id, 29900)
    expect(ok.status).toBe(200)
    expect(ok.json.status).toBe('AUTHORIZED')
    const [init] = named(ok.json, 'INITIATE_CAPTURE')
    expect(isValidKidMod10(init.metadata['kravia:payment_details:kid'])).toBe(true)
    expect((await capture(tx.id, 29900)).status).toBe(400)
    expect((await customerPays(tx.id, 29900)).json.status).toBe('CAPTURED')
  })

  it('capture is refused on a Kravia-delivered invoice and on unknown ids', async () => {
    const tx = (await pay(sb, tok, payBody('k-1'))).json
    expect((await capture(tx.id, 29900)).status).toBe(400)
    expect((await capture('T12345678.unknown', 1)).status).toBe(404)
    expect((await raw(sb, 'GET', '/v1/transactions/%E0%A4%A', { token: tok })).status).toBe(404)
    expect((await raw(sb, 'GET', '/v1/nothing-here', { token: tok })).status).toBe(404)
  })

  it('payment control: part → PARTIALLY_CAPTURED, rest → CAPTURED, each with a CAPTURE event; overpaying is refused', async () => {
    const tx = (await pay(sb, tok, payBody('pc-1'))).json
    expect((await customerPays(tx.id, 30000)).status).toBe(400)
    expect((await customerPays(tx.id, 0)).status).toBe(400)
    const a = await customerPays(tx.id, 9900)
    expect(a.json.status).toBe('PARTIALLY_CAPTURED')
    const b = await customerPays(tx.id, 20000)
    expect(b.json.status).toBe('CAPTURED')
    expect(named(b.json, 'CAPTURE').map((e: { amount: number }) => e.amount)).toEqual([9900, 20000])
    expect((await customerPays(tx.id, 1)).status).toBe(400)
    expect((await customerPays('T12345678.none', 1)).status).toBe(404)
  })

  it('the invoice page escapes everything and forbids scripts', async () => {
    const body = payBody('page-1')
    body.session.order.billing_address.first_name = '<script>alert(1)</script>'
    const tx = (await pay(sb, tok, body)).json
    const res = await fetch(tx.metadata['kravia:invoice_url'])
    const html = await res.text()
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/html')
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'")
    expect(res.headers.get('content-security-policy')).not.toContain('script-src')
    expect(html).not.toContain('<script')
    expect(html).toContain('&lt;script&gt;')
    expect(html).toContain(tx.metadata['kravia:invoice_number'])
  })
})

describe('sandbox: GET /v1/transactions', () => {
  let ids: string[]
  beforeAll(async () => {
    ids = []
    for (let i = 0; i < 13; i++)
      ids.push((await pay(sb, tok, payBody(i < 12 ? 'list-ref' : 'list-ref-2'))).json.id)
  })
  const list = (q: string) => raw(sb, 'GET', `/v1/transactions?${q}`, { token: tok })

  it('filters by exact merchant_reference, newest first, 10 by default', async () => {
    const r = await list('merchant_reference=list-ref')
    expect(r.status).toBe(200)
    expect(Array.isArray(r.json)).toBe(true)
    expect(r.json.map((t: { id: string }) => t.id)).toEqual(ids.slice(0, 12).reverse().slice(0, 10))
    expect((await list('merchant_reference=list-')).json).toEqual([])
    expect((await list('merchant_reference=list-ref-2')).json).toHaveLength(1)
  })

  it('pages with limit and starting_after', async () => {
    const first = (await list('merchant_reference=list-ref&limit=5')).json
    const second = (await list(`merchant_reference=list-ref&limit=5&starting_after=${first[4].id}`)).json
    const third = (await list(`merchant_reference=list-ref&limit=5&starting_after=${second[4].id}`)).json
    expect([...first, ...second, ...third].map((t: { id: string }) => t.id)).toEqual(
      ids.slice(0, 12).reverse(),
    )
    expect(third).toHaveLength(2)
  })

  it('refuses out-of-range paging with a 400', async () => {
    for (const q of ['limit=0', 'limit=101', 'limit=abc', 'limit=', 'starting_after=T12345678.nope']) {
      const r = await list(q)
      expect(r.status, q).toBe(400)
      expect(r.json.error.errors[0].field).toBe(q.split('=')[0])
    }
    expect((await list('limit=100')).status).toBe(200)
  })
})
