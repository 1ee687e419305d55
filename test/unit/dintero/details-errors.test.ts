import { describe, expect, it } from 'vitest'
import { extractKraviaDetails, type Transaction } from '../../../src/main/dintero'
import { httpFailure, parseRetryAfter } from '../../../src/main/dintero/errors'
import { parseTransaction } from '../../../src/main/dintero/schemas'
import { mod10CheckDigit } from '../../../src/main/sandbox/build'
import { TokenBucket } from '../../../src/main/sandbox/faults'
import { isValidKidMod10 } from '../../../src/shared/no-validators'

// The docs' response example (merchant-initiated-payments page), verbatim values.
const docsExample = {
  id: 'T12345678.465UfBENeLpkBvwmqfTC4k',
  status: 'AUTHORIZED',
  payment_product_type: 'kravia.invoice_b2b',
  amount: 29900,
  merchant_reference: 'inv-2026-001',
  metadata: {
    'kravia:invoice_number': 'INV-2026-0001',
    'kravia:invoice_url': 'https://checkout.dintero.com/transaction-attachments/x',
  },
  events: [
    {
      event: 'AUTHORIZE',
      created_at: '2026-01-15T10:30:00Z',
      metadata: {
        'kravia:invoice_date': '2026-01-15',
        'kravia:invoice_due_date': '2026-02-14',
        'kravia:invoice_number': 'INV-2026-0001',
      },
    },
    {
      event: 'INITIATE_CAPTURE',
      created_at: '2026-01-15T10:30:00Z',
      metadata: {
        'kravia:invoice_number': 'INV-2026-0001',
        'kravia:invoice_id': '98765',
        'kravia:payment_details:bank_account:bban': '15063092174',
        'kravia:payment_details:bank_account:iban': 'NO0215063092174',
        'kravia:payment_details:bank_account:swift': 'DNBANOKKXXX',
        'kravia:payment_details:kid': '300000019497814',
      },
    },
  ],
}

describe('responses and Kravia details', () => {
  it("reads the docs' example, keeping unknown fields", () => {
    const tx = parseTransaction({ ...docsExample, future_field: { x: 1 } })!
    expect(tx.future_field).toEqual({ x: 1 })
    expect(extractKraviaDetails(tx)).toEqual({
      invoice_number: 'INV-2026-0001',
      invoice_url: 'https://checkout.dintero.com/transaction-attachments/x',
      invoice_date: '2026-01-15',
      due_date: '2026-02-14',
      invoice_id: '98765',
      kid: '300000019497814',
      bban: '15063092174',
      iban: 'NO0215063092174',
      swift: 'DNBANOKKXXX',
    })
  })

  it('tolerates missing details, odd metadata values and malformed events', () => {
    const tx = parseTransaction({
      id: 'T12345678.a',
      status: 'AUTHORIZED',
      amount: 1,
      metadata: { 'kravia:invoice_number': 12345, flag: true },
      events: [{ event: 'AUTHORIZE' }, 'garbage', { no_event_name: 1 }],
    })!
    expect(tx.metadata).toEqual({ 'kravia:invoice_number': 12345 })
    expect(tx.events).toHaveLength(1)
    expect(extractKraviaDetails(tx)).toEqual({ invoice_number: '12345' })
    expect(extractKraviaDetails({ id: 'x', status: 'AUTHORIZED', amount: 0 } as Transaction)).toEqual({})
    expect(parseTransaction({ status: 'AUTHORIZED' })).toBeUndefined()
  })
})

describe('error classes from HTTP answers', () => {
  const body = JSON.stringify({ error: { code: 'X', message: 'nope', errors: [{ field: 'a' }] } })
  const opts = { toggleSent: false, now: 0, what: 'Test' }
  it('pay: 5xx ambiguous, 429 rate_limited, 400 rejected, 401/403 auth, other 4xx rejected', () => {
    expect(httpFailure({ status: 502, body: '<html>' }, 'pay', opts).kind).toBe('ambiguous')
    expect(httpFailure({ status: 429, body, retryAfter: '3' }, 'pay', opts).info).toMatchObject({
      kind: 'rate_limited',
      retryAfterMs: 3000,
    })
    expect(httpFailure({ status: 400, body }, 'pay', opts).info).toMatchObject({
      kind: 'rejected',
      code: 'X',
      errors: [{ field: 'a' }],
    })
    expect(httpFailure({ status: 400, body }, 'pay', { ...opts, toggleSent: true }).info.checkByLookup).toBe(
      true,
    )
    expect(httpFailure({ status: 403, body }, 'pay', opts).kind).toBe('auth')
    expect(httpFailure({ status: 422, body }, 'pay', opts).kind).toBe('rejected')
  })
  it('reads: 429/5xx retryable, 4xx rejected', () => {
    expect(httpFailure({ status: 503, body }, 'other', opts).kind).toBe('retryable')
    expect(httpFailure({ status: 429, body }, 'other', opts).kind).toBe('retryable')
    expect(httpFailure({ status: 404, body }, 'other', opts).kind).toBe('rejected')
  })
  it('Retry-After in seconds or as an HTTP date', () => {
    expect(parseRetryAfter('2', 0)).toBe(2000)
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:10 GMT', Date.parse('2026-10-21T07:28:00Z'))).toBe(10_000)
    expect(parseRetryAfter('soon', 0)).toBeUndefined()
  })
})

describe('sandbox pieces', () => {
  it('KIDs carry a valid MOD10 check digit', () => {
    for (const base of ['3000000001', '30000001949781', '1234567']) {
      expect(isValidKidMod10(base + mod10CheckDigit(base))).toBe(true)
      const wrong = String((Number(mod10CheckDigit(base)) + 1) % 10)
      expect(isValidKidMod10(base + wrong)).toBe(false)
    }
  })
  it('the token bucket allows a burst of N, then answers the whole seconds to wait', () => {
    const b = new TokenBucket(2, 0)
    expect([b.take(0), b.take(0), b.take(0)]).toEqual([0, 0, 1])
    expect(b.take(500)).toBe(0)
    const slow = new TokenBucket(0.25, 0)
    expect(slow.take(0)).toBe(0) // a limit below 1/s still has a burst of one
    expect(slow.take(0)).toBe(4)
  })
})
