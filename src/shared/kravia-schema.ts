import { z } from 'zod'
import { INVOICE_CHANNELS, PRODUCT_TYPES, type PayRequest } from './kravia'

/**
 * The exact shape of the one-step Kravia request (`POST /v1/sessions/pay`) this app sends:
 * every object is strict, so an unknown or misplaced field (e.g. `callback_url` at the top level,
 * `billing_address` outside `order`) is an error before anything leaves the machine. Used by the
 * request builder to check what it built, and by the tests to check what the client sent.
 */

const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\]|::1|0\.0\.0\.0|\[::\])$/i

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOST.test(hostname) || hostname.toLowerCase().endsWith('.localhost')
}

/**
 * A callback URL Dintero can call: https (Dintero delivers only over https) and not this machine
 * (Dintero's servers cannot reach localhost). Returns an error message, or null when it is fine.
 */
export function validateCallbackUrl(url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return `The callback URL "${url}" is not a valid URL.`
  }
  if (parsed.protocol !== 'https:') return `The callback URL must start with https:// (got "${url}").`
  if (isLoopbackHost(parsed.hostname)) {
    return `The callback URL must not point at this machine (${parsed.hostname}); Dintero cannot reach it.`
  }
  if (parsed.username || parsed.password) return 'The callback URL must not contain a user name or password.'
  return null
}

/** Dintero's documented phone pattern for addresses. */
export const PHONE_PATTERN = /^\+?\d{5,15}$/
const INT32_MAX = 2_147_483_647

const ore = z.number().int().min(0).max(INT32_MAX)
const text = z.string().min(1)

export const billingAddressSchema = z.strictObject({
  first_name: text,
  last_name: text,
  business_name: text.optional(),
  organization_number: text.optional(),
  email: text,
  phone_number: z.string().regex(PHONE_PATTERN, 'must match ^\\+?\\d{5,15}$'),
  address_line: text,
  address_line_2: text.optional(),
  postal_code: text,
  postal_place: text,
  country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 alpha-2 code such as NO'),
  customer_reference: text.optional(),
})

export const orderItemSchema = z.strictObject({
  id: text.optional(),
  line_id: text,
  description: text,
  quantity: z.number().positive(),
  amount: ore,
  vat: z.number().min(0).max(100),
})

export const payRequestSchema = z
  .strictObject({
    payment: z.strictObject({
      payment_product_type: z.enum(PRODUCT_TYPES),
      operation: z.literal('invoice_payment'),
      days_until_due: z.number().int().min(0).max(365),
      invoice_channel: z.enum(INVOICE_CHANNELS).optional(),
    }),
    session: z.strictObject({
      url: z
        .strictObject({
          callback_url: z.string().superRefine((url, ctx) => {
            const problem = validateCallbackUrl(url)
            if (problem) ctx.addIssue({ code: 'custom', message: problem })
          }),
        })
        .optional(),
      order: z.strictObject({
        amount: ore,
        currency: z.literal('NOK'),
        vat_amount: ore,
        merchant_reference: text,
        items: z.array(orderItemSchema).min(1),
        billing_address: billingAddressSchema,
      }),
    }),
  })
  .superRefine((body, ctx) => {
    const order = body.session.order
    const address = order.billing_address
    const b2c = body.payment.payment_product_type === 'kravia.invoice_b2c'
    for (const field of ['business_name', 'organization_number'] as const) {
      if (b2c && address[field] !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['session', 'order', 'billing_address', field],
          message: `must be left out for kravia.invoice_b2c`,
        })
      }
      if (!b2c && address[field] === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['session', 'order', 'billing_address', field],
          message: `is required for ${body.payment.payment_product_type}`,
        })
      }
    }
    const seen = new Set<string>()
    let sum = 0
    order.items.forEach((item, i) => {
      if (seen.has(item.line_id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['session', 'order', 'items', i, 'line_id'],
          message: `"${item.line_id}" is used by an earlier item; line_id must be unique`,
        })
      }
      seen.add(item.line_id)
      sum += item.amount
    })
    if (sum !== order.amount) {
      ctx.addIssue({
        code: 'custom',
        path: ['session', 'order', 'amount'],
        message: `is ${order.amount} but the items add up to ${sum}`,
      })
    }
  })

/** Checks at compile time that the schema and the hand-written PayRequest type agree. */
type SchemaOut = z.infer<typeof payRequestSchema>
const _sameShape: (x: SchemaOut) => PayRequest = (x) => x
void _sameShape
