import type { Reply, Req, SandboxState } from './http-util'
import { invoicePage } from './invoice-page'
import { checkBearer, issueToken } from './routes-auth'
import { capture, customerPays, voidTransaction } from './routes-change'
import { listTransactions } from './routes-list'
import { getTransaction, pay, publish } from './routes-pay'

/** Which handler answers a request: Dintero's `/v1` routes (signed in) and the sandbox's controls. */

export interface Routed {
  route: string
  /** A `/v1` route: faults apply. */
  v1: boolean
  handle(req: Req): Reply
}

export function route(state: SandboxState, method: string, path: string): Routed | undefined {
  const p = path.split('/')
  // p[0] is '' because paths start with '/'.
  if (p[1] === 'v1') {
    const authed = (name: string, fn: (req: Req) => Reply): Routed => ({
      route: name,
      v1: true,
      handle: (req) => checkBearer(state, req) ?? fn(req),
    })
    if (method === 'POST' && p.length === 6 && p[2] === 'accounts' && p[4] === 'auth' && p[5] === 'token') {
      return {
        route: 'POST /v1/accounts/{aid}/auth/token',
        v1: true,
        handle: (req) => issueToken(state, req, p[3]),
      }
    }
    if (method === 'POST' && path === '/v1/sessions/pay')
      return authed('POST /v1/sessions/pay', (req) => pay(state, req))
    if (p[2] === 'transactions') {
      if (method === 'GET' && p.length === 3)
        return authed('GET /v1/transactions', (req) => listTransactions(state, req))
      const id = decode(p[3])
      if (method === 'GET' && p.length === 4)
        return authed('GET /v1/transactions/{id}', () => getTransaction(state, id))
      if (method === 'POST' && p.length === 5 && p[4] === 'void') {
        return authed('POST /v1/transactions/{id}/void', () => voidTransaction(state, id))
      }
      if (method === 'POST' && p.length === 5 && p[4] === 'capture') {
        return authed('POST /v1/transactions/{id}/capture', (req) => capture(state, id, req.body))
      }
    }
    return undefined
  }
  if (p[1] === '__sandbox') {
    const control = (name: string, fn: (req: Req) => Reply): Routed => ({
      route: name,
      v1: false,
      handle: fn,
    })
    if (method === 'GET' && path === '/__sandbox/transactions') {
      return control('GET /__sandbox/transactions', () => ({
        status: 200,
        body: publish(state, `[${state.store.all().join(',')}]`),
      }))
    }
    const id = decode(p[3])
    if (method === 'POST' && p.length === 5 && p[2] === 'transactions' && p[4] === 'pay') {
      return control('POST /__sandbox/transactions/{id}/pay', (req) => customerPays(state, id, req.body))
    }
    if (method === 'GET' && p.length === 4 && p[2] === 'invoices') {
      return control('GET /__sandbox/invoices/{id}', () => invoicePage(state, id))
    }
  }
  return undefined
}

/** A malformed %-escape is just an id that does not exist, not a server error. */
function decode(segment: string | undefined): string {
  try {
    return decodeURIComponent(segment ?? '')
  } catch {
    return segment ?? ''
  }
}
