import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Sandbox, startSandbox } from '../../../src/main/sandbox'
import { allTransactions, pay, payBody, raw, token } from './helpers'

let sb: Sandbox
let tok: string
beforeEach(async () => {
  sb = await startSandbox()
  tok = await token(sb)
})
afterEach(() => sb.close())

const ANY = 'strict-merchant-reference'
const SUCCESS = 'strict-success-merchant-reference'

describe('sandbox: Dintero-Feature-Toggles', () => {
  it('without a toggle, a reused reference makes a second transaction (as Dintero does)', async () => {
    expect((await pay(sb, tok, payBody('dup'))).status).toBe(200)
    expect((await pay(sb, tok, payBody('dup'))).status).toBe(200)
    expect((await allTransactions(sb)).filter((t) => t.merchant_reference === 'dup')).toHaveLength(2)
  })

  it('strict-merchant-reference refuses any earlier transaction, even a FAILED one', async () => {
    sb.setFaults({ failedStatusRate: 1 })
    const failed = await pay(sb, tok, payBody('r1'), ANY)
    expect(failed.status).toBe(200)
    expect(failed.json.status).toBe('FAILED')
    sb.setFaults({ failedStatusRate: 0 })
    const again = await pay(sb, tok, payBody('r1'), ANY)
    expect(again.status).toBe(400)
    expect(again.json.error.message).toContain('session.order.merchant_reference')
    expect(again.json.error.errors[0].field).toBe('session.order.merchant_reference')
    // The stricter toggle is the only difference: the success toggle lets the retry through.
    expect((await pay(sb, tok, payBody('r1'), SUCCESS)).status).toBe(200)
  })

  it('strict-merchant-reference: requests refused with 400, 401, 429 or an injected 5xx create nothing', async () => {
    const bad = structuredClone(payBody('r2')) as { payment: { days_until_due: number } }
    bad.payment.days_until_due = 999
    expect((await pay(sb, tok, bad, ANY)).status).toBe(400)
    expect((await pay(sb, 'not-a-token', payBody('r2'), ANY)).status).toBe(401)
    sb.setFaults({ failRate: 1 })
    expect((await pay(sb, tok, payBody('r2'), ANY)).status).toBeGreaterThanOrEqual(500)
    sb.setFaults({ failRate: 0, rateLimit: 1 })
    let limited = 0
    for (let i = 0; i < 3; i++) if ((await pay(sb, tok, payBody('r2-x'), ANY)).status === 429) limited++
    expect(limited).toBeGreaterThan(0)
    sb.setFaults({ rateLimit: 0 })
    expect(await allTransactions(sb)).toHaveLength(1) // only r2-x's first (allowed) request
    expect((await pay(sb, tok, payBody('r2'), ANY)).status).toBe(200)
    expect((await pay(sb, tok, payBody('r2'), ANY)).status).toBe(400)
  })

  it('strict-success-merchant-reference refuses a reference once authorized, also after a void', async () => {
    const first = await pay(sb, tok, payBody('r3'), SUCCESS)
    expect(first.status).toBe(200)
    expect((await pay(sb, tok, payBody('r3'), SUCCESS)).status).toBe(400)
    const v = await raw(sb, 'POST', `/v1/transactions/${first.json.id}/void`, { token: tok })
    expect(v.json.status).toBe('AUTHORIZATION_VOIDED')
    expect((await pay(sb, tok, payBody('r3'), SUCCESS)).status).toBe(400)
    expect((await pay(sb, tok, payBody('r3'), ANY)).status).toBe(400)
  })
})

describe('sandbox: void', () => {
  async function created(ref: string) {
    const r = await pay(sb, tok, payBody(ref))
    return r.json.id as string
  }
  const voidIt = (id: string) => raw(sb, 'POST', `/v1/transactions/${id}/void`, { token: tok })
  const customerPays = (id: string, amount: number) =>
    raw(sb, 'POST', `/__sandbox/transactions/${id}/pay`, { body: { amount } })

  it('AUTHORIZED → AUTHORIZATION_VOIDED with a VOID event; a second void is a 400', async () => {
    const id = await created('v1')
    const r = await voidIt(id)
    expect(r.status).toBe(200)
    expect(r.json.status).toBe('AUTHORIZATION_VOIDED')
    const last = r.json.events.at(-1)
    expect(last).toMatchObject({ event: 'VOID', amount: 29900, success: true })
    const again = await voidIt(id)
    expect(again.status).toBe(400)
    expect(again.json.error.message).toContain('AUTHORIZATION_VOIDED')
  })

  it('PARTIALLY_CAPTURED keeps its status, cancels the unpaid rest, and cannot be voided or paid again', async () => {
    const id = await created('v2')
    expect((await customerPays(id, 10000)).json.status).toBe('PARTIALLY_CAPTURED')
    const r = await voidIt(id)
    expect(r.status).toBe(200)
    expect(r.json.status).toBe('PARTIALLY_CAPTURED')
    expect(r.json.events.at(-1)).toMatchObject({ event: 'VOID', amount: 19900 })
    expect((await voidIt(id)).status).toBe(400)
    expect((await customerPays(id, 100)).status).toBe(400)
  })

  it('CAPTURED and FAILED cannot be voided; an unknown id is a 404', async () => {
    const id = await created('v3')
    expect((await customerPays(id, 29900)).json.status).toBe('CAPTURED')
    expect((await voidIt(id)).status).toBe(400)
    sb.setFaults({ failedStatusRate: 1 })
    const failed = (await pay(sb, tok, payBody('v4'))).json.id
    expect((await voidIt(failed)).status).toBe(400)
    const missing = await voidIt('T12345678.nope')
    expect(missing.status).toBe(404)
    expect(missing.json.error.message).toContain('T12345678.nope')
  })

  it('void-accepted fault: 202 with the unchanged transaction and event-request-id, done a moment later', async () => {
    const id = await created('v5')
    sb.setFaults({ voidAcceptedRate: 1 })
    const r = await voidIt(id)
    expect(r.status).toBe(202)
    expect(r.json.status).toBe('AUTHORIZED')
    const requestId = r.headers.get('event-request-id')
    expect(requestId).toBeTruthy()
    await new Promise((done) => setTimeout(done, 400))
    const after = await raw(sb, 'GET', `/v1/transactions/${id}`, { token: tok })
    expect(after.json.status).toBe('AUTHORIZATION_VOIDED')
    expect(after.json.events.at(-1).correlation_request_id).toBe(requestId)
  })
})
