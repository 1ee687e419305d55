import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Sandbox, startSandbox } from '../../../src/main/sandbox'
import { allTransactions, pay, payBody, token } from './helpers'

// biome-ignore lint/suspicious/noExplicitAny: the cases deliberately break the typed shape
type Body = any
type Case = [name: string, mutate: (b: Body) => void, field: string]

const cases: Case[] = [
  [
    'unknown product type',
    (b) => (b.payment.payment_product_type = 'kravia.invoice'),
    'payment.payment_product_type',
  ],
  ['missing product type', (b) => delete b.payment.payment_product_type, 'payment.payment_product_type'],
  ['wrong operation', (b) => (b.payment.operation = 'invoice_purchase'), 'payment.operation'],
  ['missing days_until_due', (b) => delete b.payment.days_until_due, 'payment.days_until_due'],
  ['days_until_due 366', (b) => (b.payment.days_until_due = 366), 'payment.days_until_due'],
  ['days_until_due -1', (b) => (b.payment.days_until_due = -1), 'payment.days_until_due'],
  ['days_until_due 1.5', (b) => (b.payment.days_until_due = 1.5), 'payment.days_until_due'],
  ['unknown invoice_channel', (b) => (b.payment.invoice_channel = 'email'), 'payment.invoice_channel'],
  ['no payment', (b) => delete b.payment, 'payment'],
  ['no session', (b) => delete b.session, 'session'],
  ['no order', (b) => delete b.session.order, 'session.order'],
  ['missing amount', (b) => delete b.session.order.amount, 'session.order.amount'],
  ['negative amount', (b) => (b.session.order.amount = -1), 'session.order.amount'],
  ['amount in kroner with decimals', (b) => (b.session.order.amount = 299.5), 'session.order.amount'],
  ['amount as string', (b) => (b.session.order.amount = '29900'), 'session.order.amount'],
  ['missing currency', (b) => delete b.session.order.currency, 'session.order.currency'],
  ['currency not ISO', (b) => (b.session.order.currency = 'kr'), 'session.order.currency'],
  ['currency other than NOK', (b) => (b.session.order.currency = 'SEK'), 'session.order.currency'],
  [
    'missing merchant_reference',
    (b) => delete b.session.order.merchant_reference,
    'session.order.merchant_reference',
  ],
  [
    'empty merchant_reference',
    (b) => (b.session.order.merchant_reference = ''),
    'session.order.merchant_reference',
  ],
  ['negative vat_amount', (b) => (b.session.order.vat_amount = -5), 'session.order.vat_amount'],
  ['negative item amount', (b) => (b.session.order.items[0].amount = -1), 'session.order.items[0].amount'],
  [
    'duplicate line_id',
    (b) => {
      b.session.order.items = [
        { ...b.session.order.items[0], amount: 10000 },
        { ...b.session.order.items[0], amount: 19900 },
      ]
    },
    'session.order.items[1].line_id',
  ],
  ['items do not add up', (b) => (b.session.order.items[0].amount = 29800), 'session.order.amount'],
  ['no items', (b) => delete b.session.order.items, 'session.order.items'],
  [
    'item without description',
    (b) => delete b.session.order.items[0].description,
    'session.order.items[0].description',
  ],
  ['no billing address', (b) => delete b.session.order.billing_address, 'session.order.billing_address'],
  ...[
    'first_name',
    'last_name',
    'email',
    'phone_number',
    'address_line',
    'postal_code',
    'postal_place',
    'country',
  ].map(
    (f): Case => [
      `address without ${f}`,
      (b) => delete b.session.order.billing_address[f],
      `session.order.billing_address.${f}`,
    ],
  ),
  [
    'B2B without business_name',
    (b) => delete b.session.order.billing_address.business_name,
    'session.order.billing_address.business_name',
  ],
  [
    'B2B without organization_number',
    (b) => delete b.session.order.billing_address.organization_number,
    'session.order.billing_address.organization_number',
  ],
  [
    'grouped without organization_number',
    (b) => {
      b.payment.payment_product_type = 'kravia.invoice_b2b_grouped'
      delete b.session.order.billing_address.organization_number
    },
    'session.order.billing_address.organization_number',
  ],
  [
    'B2C with business_name',
    (b) => (b.payment.payment_product_type = 'kravia.invoice_b2c'),
    'session.order.billing_address.business_name',
  ],
  [
    'phone without digits',
    (b) => (b.session.order.billing_address.phone_number = '+47 999 99 999'),
    'session.order.billing_address.phone_number',
  ],
  [
    'phone too short',
    (b) => (b.session.order.billing_address.phone_number = '1234'),
    'session.order.billing_address.phone_number',
  ],
  [
    'country not alpha-2',
    (b) => (b.session.order.billing_address.country = 'NOR'),
    'session.order.billing_address.country',
  ],
  [
    'country not assigned',
    (b) => (b.session.order.billing_address.country = 'XX'),
    'session.order.billing_address.country',
  ],
  [
    'email not an email',
    (b) => (b.session.order.billing_address.email = 'ola'),
    'session.order.billing_address.email',
  ],
  [
    'http callback',
    (b) => (b.session.url.callback_url = 'http://example.com/cb'),
    'session.url.callback_url',
  ],
  [
    'loopback callback',
    (b) => (b.session.url.callback_url = 'https://127.0.0.1/cb'),
    'session.url.callback_url',
  ],
  [
    'eleven metadata keys',
    (b) => (b.session.metadata = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`ext${i}`, 'x']))),
    'session.metadata',
  ],
]

describe('sandbox: /v1/sessions/pay validation', () => {
  let sb: Sandbox
  let tok: string
  beforeAll(async () => {
    sb = await startSandbox()
    tok = await token(sb)
  })
  afterAll(() => sb.close())

  it.each(cases)('refuses %s with a 400 naming the field', async (_name, mutate, field) => {
    const body = structuredClone(payBody('val-1')) as Body
    mutate(body)
    const r = await pay(sb, tok, body)
    expect(r.status).toBe(400)
    expect(r.json.error.message).toContain(field)
    expect(r.json.error.errors.map((e: { field: string }) => e.field)).toContain(field)
    expect(typeof r.json.error.code).toBe('string')
  })

  it('refuses a body that is not JSON, and an unknown toggle', async () => {
    const r = await pay(sb, tok, '{"payment":')
    expect(r.status).toBe(400)
    expect(r.json.error.code).toBe('INVALID_JSON')
    const t = await pay(sb, tok, payBody('val-2'), 'strict-everything')
    expect(t.status).toBe(400)
    expect(t.json.error.message).toContain('Dintero-Feature-Toggles')
  })

  it('creates no transaction for any refused request, and accepts the docs examples', async () => {
    expect(await allTransactions(sb)).toHaveLength(0)
    for (const type of ['kravia.invoice_b2b', 'kravia.invoice_b2c', 'kravia.invoice_b2b_grouped'] as const) {
      const r = await pay(sb, tok, payBody(`ok-${type}`, type))
      expect(r.status, r.text).toBe(200)
      expect(r.json.status).toBe('AUTHORIZED')
    }
    expect(await allTransactions(sb)).toHaveLength(3)
  })
})

describe('sandbox: --lenient', () => {
  let sb: Sandbox
  let tok: string
  beforeAll(async () => {
    sb = await startSandbox({ lenient: true })
    tok = await token(sb)
  })
  afterAll(() => sb.close())

  it('accepts what the docs only imply (sum, address fields, B2C company fields, currency)', async () => {
    const body = structuredClone(payBody('len-1')) as Body
    body.session.order.items[0].amount = 100
    delete body.session.order.billing_address.email
    delete body.session.order.billing_address.business_name
    body.session.order.currency = 'SEK'
    const r = await pay(sb, tok, body)
    expect(r.status, r.text).toBe(200)
    const c = structuredClone(payBody('len-2')) as Body
    c.payment.payment_product_type = 'kravia.invoice_b2c'
    expect((await pay(sb, tok, c)).status).toBe(200)
  })

  it('still refuses what the docs state (phone pattern, line_id uniqueness, days_until_due)', async () => {
    const body = structuredClone(payBody('len-3')) as Body
    body.session.order.billing_address.phone_number = 'call me'
    expect((await pay(sb, tok, body)).status).toBe(400)
    const d = structuredClone(payBody('len-4')) as Body
    d.payment.days_until_due = 400
    expect((await pay(sb, tok, d)).status).toBe(400)
    const l = structuredClone(payBody('len-5')) as Body
    l.session.order.items.push({ ...l.session.order.items[0] })
    expect((await pay(sb, tok, l)).status).toBe(400)
  })
})
