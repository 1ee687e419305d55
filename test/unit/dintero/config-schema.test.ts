import { describe, expect, it } from 'vitest'
import {
  accountEnvironment,
  createDinteroClient,
  normalizeBaseUrl,
  validateCallbackUrl,
} from '../../../src/main/dintero'
import { AppError } from '../../../src/shared/errors'
import { payRequestSchema } from '../../../src/shared/kravia-schema'
import { payBody } from '../../integration/sandbox/helpers'

describe('account ids and base URLs', () => {
  it('T + 8 digits is test, P + 8 digits production, anything else is refused', () => {
    expect(accountEnvironment('T12345678')).toBe('test')
    expect(accountEnvironment('P12345678')).toBe('production')
    for (const bad of ['T1234567', 'P123456789', 't12345678', 'X12345678', 'T1234567a', ' T12345678', '']) {
      expect(() => accountEnvironment(bad), bad).toThrow(AppError)
    }
    expect(() => createDinteroClient({ accountId: 'Q12345678', clientId: 'a', clientSecret: 'b' })).toThrow(
      /T or P followed by 8 digits/,
    )
  })

  it("accepts Dintero's host and loopback only", () => {
    expect(normalizeBaseUrl(undefined)).toBe('https://checkout.dintero.com')
    expect(normalizeBaseUrl('https://checkout.dintero.com/')).toBe('https://checkout.dintero.com')
    expect(normalizeBaseUrl('https://checkout.dintero.com/v1')).toBe('https://checkout.dintero.com')
    expect(normalizeBaseUrl('http://127.0.0.1:4100')).toBe('http://127.0.0.1:4100')
    expect(normalizeBaseUrl('http://localhost:4100/v1/')).toBe('http://localhost:4100')
    expect(normalizeBaseUrl('http://[::1]:4100')).toBe('http://[::1]:4100')
    for (const bad of [
      'http://checkout.dintero.com',
      'https://checkout.dintero.com.evil.example',
      'https://api.dintero.com',
      'http://192.168.1.10:4100',
      'https://example.com',
      'http://user:pw@127.0.0.1:4100',
      'ftp://127.0.0.1',
      'not a url',
    ]) {
      expect(() => normalizeBaseUrl(bad), bad).toThrow(AppError)
    }
  })

  it('callback URLs must be https and not this machine', () => {
    expect(validateCallbackUrl('https://example.com/callback?x=1')).toBeNull()
    expect(validateCallbackUrl('http://example.com/callback')).toMatch(/https/)
    expect(validateCallbackUrl('https://localhost/cb')).toMatch(/this machine/)
    expect(validateCallbackUrl('https://127.0.0.1:8443/cb')).toMatch(/this machine/)
    expect(validateCallbackUrl('https://[::1]/cb')).toMatch(/this machine/)
    expect(validateCallbackUrl('https://app.localhost/cb')).toMatch(/this machine/)
    expect(validateCallbackUrl('callback')).toMatch(/not a valid URL/)
  })
})

describe('exact request schema (src/shared/kravia-schema.ts)', () => {
  const ok = (b: unknown) => payRequestSchema.safeParse(b).success
  // biome-ignore lint/suspicious/noExplicitAny: the cases deliberately break the typed shape
  const variant = (fn: (b: any) => void) => {
    const b = structuredClone(payBody('s-1'))
    fn(b)
    return b
  }

  it("accepts the docs' B2B and B2C examples and grouped", () => {
    expect(ok(payBody('a'))).toBe(true)
    expect(ok(payBody('a', 'kravia.invoice_b2c'))).toBe(true)
    expect(ok(payBody('a', 'kravia.invoice_b2b_grouped'))).toBe(true)
    expect(ok(variant((b) => delete b.session.url))).toBe(true)
  })

  it('rejects unknown and misplaced fields', () => {
    expect(ok(variant((b) => (b.callback_url = 'https://example.com')))).toBe(false)
    expect(ok(variant((b) => (b.session.callback_url = 'https://example.com')))).toBe(false)
    expect(ok(variant((b) => (b.session.billing_address = b.session.order.billing_address)))).toBe(false)
    expect(ok(variant((b) => (b.payment.days = 30)))).toBe(false)
    expect(ok(variant((b) => (b.session.order.items[0].price = 1)))).toBe(false)
    expect(ok(variant((b) => (b.session.order.billing_address.phone = '+4799999999')))).toBe(false)
    expect(ok(variant((b) => (b.session.url.return_url = 'https://example.com')))).toBe(false)
  })

  it('rejects wrong values and cross-field mistakes', () => {
    expect(ok(variant((b) => (b.session.order.amount = 299.0 + 0.5)))).toBe(false)
    expect(ok(variant((b) => (b.session.order.items[0].amount = 1)))).toBe(false) // sum
    expect(ok(variant((b) => b.session.order.items.push({ ...b.session.order.items[0], amount: 0 })))).toBe(
      false,
    )
    expect(ok(variant((b) => (b.payment.payment_product_type = 'kravia.invoice_b2c')))).toBe(false) // company fields
    expect(ok(variant((b) => delete b.session.order.billing_address.organization_number))).toBe(false)
    expect(ok(variant((b) => (b.session.url.callback_url = 'http://example.com')))).toBe(false)
    expect(ok(variant((b) => (b.session.order.billing_address.phone_number = '99 99 99 99')))).toBe(false)
    expect(ok(variant((b) => (b.payment.days_until_due = 366)))).toBe(false)
    const issues = payRequestSchema.safeParse(variant((b) => (b.session.order.items[0].amount = 1))).error
      ?.issues
    expect(issues?.[0].path).toEqual(['session', 'order', 'amount'])
  })
})
