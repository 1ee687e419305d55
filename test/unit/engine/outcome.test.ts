import { describe, expect, it } from 'vitest'
import { DinteroError, type DinteroErrorInfo, type Transaction } from '../../../src/main/dintero/types'
import { decideLookup, decidePay } from '../../../src/main/engine/outcome'

const tx = (over: Partial<Transaction> = {}): Transaction => ({
  id: 'T12345678.a',
  status: 'AUTHORIZED',
  amount: 12_500,
  merchant_reference: 'R1',
  billing_address: { organization_number: '974760673', email: 'post@firma.no' },
  events: [{ event: 'AUTHORIZE' }, { event: 'INITIATE_CAPTURE' }],
  ...over,
})
const err = (info: Omit<DinteroErrorInfo, 'message'> & { message?: string }) =>
  ({ error: new DinteroError({ message: 'Dintero said no', ...info }) }) as const

describe('pay outcome table', () => {
  it('200 AUTHORIZED → authorized; merchant channel without INITIATE_CAPTURE → awaiting_capture', () => {
    expect(decidePay({ transaction: tx() }, 'kravia')).toMatchObject({ kind: 'adopt', state: 'authorized' })
    const merchant = tx({ events: [{ event: 'AUTHORIZE' }] })
    expect(decidePay({ transaction: merchant }, 'merchant')).toMatchObject({
      kind: 'adopt',
      state: 'awaiting_capture',
    })
    expect(decidePay({ transaction: tx() }, 'merchant')).toMatchObject({ kind: 'adopt', state: 'authorized' })
  })

  it('200 FAILED/DECLINED → failed with the event error', () => {
    const failed = tx({
      status: 'FAILED',
      events: [{ event: 'AUTHORIZE', success: false, error: { code: 'X', message: 'no' } }],
    })
    const d = decidePay(err({ kind: 'rejected', status: 200, code: 'X', transaction: failed }), 'kravia')
    expect(d).toMatchObject({ kind: 'failed', reason: 'rejected', code: 'X', transactionId: 'T12345678.a' })
  })

  it('400 while a strict toggle was sent → look up; other 400/404/422 and 403 → failed', () => {
    expect(decidePay(err({ kind: 'rejected', status: 400, checkByLookup: true }), 'kravia')).toMatchObject({
      kind: 'lookup',
      cause: 'rejected_toggle',
    })
    for (const status of [400, 404, 422]) {
      expect(decidePay(err({ kind: 'rejected', status }), 'kravia')).toMatchObject({ kind: 'failed', status })
    }
    expect(decidePay(err({ kind: 'auth', status: 403 }), 'kravia')).toMatchObject({
      kind: 'failed',
      status: 403,
    })
  })

  it('401 after the client signed in again → stop the batch', () => {
    expect(decidePay(err({ kind: 'auth', status: 401 }), 'kravia')).toMatchObject({ kind: 'stop_auth' })
  })

  it('403 on the sign-in (no access to the account) stops the batch instead of failing every row', () => {
    expect(decidePay(err({ kind: 'auth', status: 403, signIn: true }), 'kravia')).toMatchObject({
      kind: 'stop_auth',
      status: 403,
    })
  })

  it('429 → retry after Retry-After, not a failure', () => {
    expect(decidePay(err({ kind: 'rate_limited', status: 429, retryAfterMs: 2000 }), 'kravia')).toMatchObject(
      {
        kind: 'retry',
        cause: 'rate_limited',
        retryAfterMs: 2000,
      },
    )
  })

  it('5xx, timeout, lost connection → unknown → look up (only a 503 with Retry-After also slows down)', () => {
    expect(decidePay(err({ kind: 'ambiguous', status: 500 }), 'kravia')).toMatchObject({
      kind: 'lookup',
      cause: 'ambiguous',
      throttle: false,
    })
    expect(decidePay(err({ kind: 'ambiguous', status: 503 }), 'kravia')).toMatchObject({
      kind: 'lookup',
      throttle: false,
    })
    expect(
      decidePay(err({ kind: 'ambiguous', status: 503, rateSignal: true, retryAfterMs: 3000 }), 'kravia'),
    ).toMatchObject({ kind: 'lookup', throttle: true, retryAfterMs: 3000 })
    expect(
      decidePay(err({ kind: 'ambiguous', network: { reason: 'timeout', host: 'h' } }), 'kravia'),
    ).toMatchObject({ kind: 'lookup', cause: 'lost' })
    expect(decidePay(err({ kind: 'ambiguous' }), 'kravia')).toMatchObject({
      kind: 'lookup',
      cause: 'ambiguous',
    })
    expect(decidePay({ error: new Error('socket hang up') }, 'kravia')).toMatchObject({ kind: 'lookup' })
  })

  it('connection refused before sending → pending, retry with backoff', () => {
    expect(decidePay(err({ kind: 'retryable', code: 'ECONNREFUSED' }), 'kravia')).toMatchObject({
      kind: 'retry',
      cause: 'not_sent',
    })
  })
})

describe('lookup rules', () => {
  const subject = {
    amount: 12_500,
    reference: 'R1',
    channel: 'kravia' as const,
    customer: { organization_number: '974760673', email: 'POST@firma.no' },
  }
  const none = new Set<string>()

  it('adopts the one authorized-or-later transaction with the same amount and customer', () => {
    const d = decideLookup([tx({ status: 'FAILED', id: 'f' }), tx()], subject, none)
    expect(d).toMatchObject({ kind: 'adopt', state: 'authorized', transaction: { id: 'T12345678.a' } })
    expect(decideLookup([tx({ status: 'CAPTURED' })], subject, none)).toMatchObject({
      kind: 'adopt',
      state: 'paid',
    })
    expect(decideLookup([tx({ status: 'AUTHORIZATION_VOIDED' })], subject, none)).toMatchObject({
      state: 'voided',
    })
  })

  it('nothing authorized → none (safe to send again)', () => {
    expect(decideLookup([], subject, none).kind).toBe('none')
    expect(decideLookup([tx({ status: 'FAILED' }), tx({ status: 'DECLINED' })], subject, none).kind).toBe(
      'none',
    )
  })

  it('never adopts a transaction another journal row owns', () => {
    const d = decideLookup([tx()], subject, new Set(['T12345678.a']))
    expect(d).toMatchObject({ kind: 'none', message: expect.stringMatching(/earlier batch/) })
  })

  it('a different amount or customer, or several → stays unknown with a message', () => {
    expect(decideLookup([tx({ amount: 1 })], subject, none)).toMatchObject({
      kind: 'conflict',
      message: expect.stringMatching(/amount/),
    })
    const other = tx({ billing_address: { organization_number: '123456785' } })
    expect(decideLookup([other], subject, none)).toMatchObject({
      kind: 'conflict',
      message: expect.stringMatching(/customer/),
    })
    expect(decideLookup([tx(), tx({ id: 'T12345678.b' })], subject, none)).toMatchObject({
      kind: 'conflict',
      message: expect.stringMatching(/2 invoices/),
    })
  })

  it('compares the customer only where both sides have it', () => {
    expect(decideLookup([tx({ billing_address: {} })], subject, none).kind).toBe('adopt')
    const noOrg = { ...subject, customer: { email: 'post@firma.no' } }
    expect(decideLookup([tx()], noOrg, none).kind).toBe('adopt')
  })
})
