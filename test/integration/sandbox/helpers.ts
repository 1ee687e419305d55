import type { PayRequest, ProductType } from '../../../src/shared/kravia'
import type { Sandbox } from '../../../src/main/sandbox'

/** A valid one-step request, shaped exactly like the docs' examples. */
export function payBody(
  reference: string,
  type: ProductType = 'kravia.invoice_b2b',
  amount = 29900,
): PayRequest {
  const b2c = type === 'kravia.invoice_b2c'
  return {
    payment: { payment_product_type: type, operation: 'invoice_payment', days_until_due: 30 },
    session: {
      url: { callback_url: 'https://example.com/callback' },
      order: {
        amount,
        currency: 'NOK',
        vat_amount: Math.round(amount / 5),
        merchant_reference: reference,
        items: [
          { description: 'Monthly subscription - Premium', quantity: 1, amount, vat: 25, line_id: 'sub-001' },
        ],
        billing_address: {
          first_name: 'Ola',
          last_name: 'Nordmann',
          ...(b2c ? {} : { business_name: 'Nordmann AS', organization_number: '123456789' }),
          email: 'ola@nordmann.no',
          phone_number: '+4799999999',
          address_line: 'Storgata 1',
          postal_code: '0151',
          postal_place: 'Oslo',
          country: 'NO',
        },
      },
    },
  }
}

export interface RawAnswer {
  status: number
  headers: Headers
  text: string
  // biome-ignore lint/suspicious/noExplicitAny: test answers are inspected field by field
  json: any
}

export async function raw(
  sb: Sandbox,
  method: string,
  path: string,
  init: { body?: unknown; token?: string; headers?: Record<string, string> } = {},
): Promise<RawAnswer> {
  const headers: Record<string, string> = { ...init.headers }
  if (init.token) headers.authorization = `Bearer ${init.token}`
  if (init.body !== undefined) headers['content-type'] = 'application/json'
  const res = await fetch(`${sb.baseUrl}${path}`, {
    method,
    headers,
    body:
      init.body === undefined
        ? undefined
        : typeof init.body === 'string'
          ? init.body
          : JSON.stringify(init.body),
  })
  const text = await res.text()
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  return { status: res.status, headers: res.headers, text, json }
}

export async function token(sb: Sandbox): Promise<string> {
  const basic = Buffer.from(`${sb.clientId}:${sb.clientSecret}`).toString('base64')
  const r = await raw(sb, 'POST', `/v1/accounts/${sb.accountId}/auth/token`, {
    headers: { authorization: `Basic ${basic}` },
    body: {
      grant_type: 'client_credentials',
      audience: `https://api.dintero.com/v1/accounts/${sb.accountId}`,
    },
  })
  if (r.status !== 200) throw new Error(`token: ${r.status} ${r.text}`)
  return r.json.access_token
}

export async function pay(sb: Sandbox, tok: string, body: unknown, toggle?: string): Promise<RawAnswer> {
  return raw(sb, 'POST', '/v1/sessions/pay', {
    token: tok,
    body,
    headers: toggle ? { 'dintero-feature-toggles': toggle } : {},
  })
}

export async function allTransactions(
  sb: Sandbox,
): Promise<{ id: string; status: string; merchant_reference: string }[]> {
  return (await raw(sb, 'GET', '/__sandbox/transactions')).json
}
