import type { PayRequest } from '../../shared/kravia'
import { type AccountEnvironment, accountEnvironment, normalizeBaseUrl } from './config'
import { type CallClass, httpFailure, transportFailure } from './errors'
import {
  createFetchTransport,
  createNodeTransport,
  type HttpResponse,
  type Transport,
  TransportError,
} from './http'
import { createdInvoice, readList, readTransaction, safeJson } from './answers'
import { tokenSchema } from './schemas'
import { type DinteroApi, DinteroError, type PayOptions, type Transaction } from './types'

export interface DinteroClientOptions {
  /** Scheme + host without `/v1`; Dintero's own by default, otherwise loopback only. */
  baseUrl?: string
  accountId: string
  clientId: string
  clientSecret: string
  /** Use this fetch instead of node:http (fetch cannot always tell "not sent" from "lost"). */
  fetch?: typeof fetch
  /** Lower-level replacement of the HTTP layer (tests). Wins over `fetch`. */
  transport?: Transport
  /** Milliseconds since the epoch; injectable so token expiry can be tested. */
  clock?: () => number
  /** Per-request timeout (default 30 s). */
  timeoutMs?: number
  systemName?: string
  systemVersion?: string
}

export interface DinteroClient extends DinteroApi {
  readonly baseUrl: string
  readonly accountId: string
  readonly environment: AccountEnvironment
  /** Closes idle keep-alive sockets. */
  close(): void
}

const PAGE = 100
const MAX_PAGES = 1000

export function createDinteroClient(options: DinteroClientOptions): DinteroClient {
  const environment = accountEnvironment(options.accountId)
  const baseUrl = normalizeBaseUrl(options.baseUrl)
  const host = new URL(baseUrl).host
  const accountId = options.accountId
  const clock = options.clock ?? Date.now
  const timeoutMs = options.timeoutMs ?? 30_000
  const nodeTransport = options.transport || options.fetch ? undefined : createNodeTransport()
  const transport: Transport =
    options.transport ?? (options.fetch ? createFetchTransport(options.fetch) : nodeTransport!)
  const systemHeaders: Record<string, string> = {
    'dintero-system-name': (options.systemName ?? 'kravia-batch').slice(0, 120),
    'dintero-system-version': (options.systemVersion ?? '0').slice(0, 120),
  }
  // Kept in this closure only: never on the returned object, never in an error or a log line.
  const basic = `Basic ${Buffer.from(`${options.clientId}:${options.clientSecret}`).toString('base64')}`

  let token: { value: string; refreshAt: number } | undefined
  let pendingToken: Promise<string> | undefined

  async function fetchToken(call: CallClass, signal?: AbortSignal): Promise<string> {
    const started = clock()
    let res: HttpResponse
    try {
      res = await transport({
        method: 'POST',
        url: `${baseUrl}/v1/accounts/${accountId}/auth/token`,
        headers: { authorization: basic, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({
          grant_type: 'client_credentials',
          audience: `https://api.dintero.com/v1/accounts/${accountId}`,
        }),
        timeoutMs,
        signal,
      })
    } catch (e) {
      // Whatever happened to the token request, the real request was not sent.
      if (e instanceof TransportError) {
        const err = transportFailure(new TransportError(e.message, false, false, e.code), call, host)
        const reason = e.timedOut ? 'timeout' : err.info.network?.reason
        throw new DinteroError({ ...err.info, signIn: true, network: { reason: reason ?? 'lost', host } })
      }
      throw e
    }
    if (res.status !== 200) {
      const err = httpFailure(
        { status: res.status, body: res.body, retryAfter: res.header('retry-after') },
        call,
        {
          toggleSent: false,
          now: clock(),
          what: 'Signing in to Dintero',
        },
      )
      // A refused token request never reached the pay endpoint: nothing is ambiguous about it.
      const kind = res.status === 400 ? 'auth' : err.kind === 'ambiguous' ? 'retryable' : err.kind
      throw new DinteroError({ ...err.info, kind, signIn: true })
    }
    const parsed = tokenSchema.safeParse(safeJson(res.body))
    if (!parsed.success) {
      throw new DinteroError({
        kind: 'retryable',
        status: 200,
        message: 'Signing in to Dintero: unreadable answer',
        signIn: true,
      })
    }
    const ttl = parsed.data.expires_in * 1000
    // Refresh ahead of expiry (10 %, at most 5 min) so a request never leaves with a dying token.
    token = { value: parsed.data.access_token, refreshAt: started + ttl - Math.min(300_000, ttl * 0.1) }
    return token.value
  }

  function getToken(call: CallClass): Promise<string> {
    if (token && clock() < token.refreshAt) return Promise.resolve(token.value)
    // One token request at a time, however many invoices are in flight.
    pendingToken ??= fetchToken(call).finally(() => {
      pendingToken = undefined
    })
    return pendingToken
  }

  interface Call {
    method: 'GET' | 'POST'
    path: string
    body?: string
    call: CallClass
    toggle?: string | null
    signal?: AbortSignal
  }

  async function request(c: Call): Promise<HttpResponse> {
    for (let attempt = 0; ; attempt++) {
      const access = await getToken(c.call)
      const headers: Record<string, string> = {
        ...systemHeaders,
        authorization: `Bearer ${access}`,
        accept: 'application/json',
      }
      if (c.body !== undefined) headers['content-type'] = 'application/json'
      if (c.toggle) headers['dintero-feature-toggles'] = c.toggle
      let res: HttpResponse
      try {
        res = await transport({
          method: c.method,
          url: `${baseUrl}${c.path}`,
          headers,
          body: c.body,
          timeoutMs,
          signal: c.signal,
        })
      } catch (e) {
        if (e instanceof TransportError) throw transportFailure(e, c.call, host)
        throw e
      }
      // A 401 means the token was refused before anything was done: sign in again once.
      if (res.status === 401 && attempt === 0) {
        if (token?.value === access) token = undefined
        continue
      }
      return res
    }
  }

  const fail = (res: HttpResponse, c: CallClass, what: string, toggleSent = false) =>
    httpFailure({ status: res.status, body: res.body, retryAfter: res.header('retry-after') }, c, {
      toggleSent,
      now: clock(),
      what,
    })

  const txPath = (id: string) => `/v1/transactions/${encodeURIComponent(id)}`

  async function change(id: string, op: 'void' | 'capture', body: string | undefined, signal?: AbortSignal) {
    const what = `${op === 'void' ? 'Voiding' : 'Capturing'} ${id}`
    const res = await request({ method: 'POST', path: `${txPath(id)}/${op}`, body, call: 'other', signal })
    if (res.status !== 200 && res.status !== 202) throw fail(res, 'other', what)
    return { accepted: res.status === 202, transaction: readTransaction(res, 'other', what) }
  }

  return {
    baseUrl,
    accountId,
    environment,
    close: () => nodeTransport?.close(),

    async pay(body: PayRequest, payOptions: PayOptions): Promise<Transaction> {
      const what = `Creating invoice ${body.session.order.merchant_reference}`
      const res = await request({
        method: 'POST',
        path: '/v1/sessions/pay',
        body: JSON.stringify(body),
        call: 'pay',
        toggle: payOptions.toggle,
        signal: payOptions.signal,
      })
      if (res.status < 200 || res.status >= 300) throw fail(res, 'pay', what, payOptions.toggle !== null)
      return createdInvoice(readTransaction(res, 'pay', what), res.status, what)
    },

    async getTransaction(id, signal) {
      const what = `Reading ${id}`
      const res = await request({ method: 'GET', path: txPath(id), call: 'other', signal })
      if (res.status !== 200) throw fail(res, 'other', what)
      return readTransaction(res, 'other', what)
    },

    async getTransactions(ids, signal) {
      const found = new Map<string, Transaction>()
      const wanted = [...new Set(ids)]
      for (let i = 0; i < wanted.length; i += PAGE) {
        const chunk = wanted.slice(i, i + PAGE)
        const what = `Reading ${chunk.length} transactions`
        const q = new URLSearchParams()
        for (const id of chunk) q.append('id', id)
        q.set('limit', String(PAGE))
        const res = await request({ method: 'GET', path: `/v1/transactions?${q}`, call: 'other', signal })
        if (res.status !== 200) throw fail(res, 'other', what)
        const asked = new Set(chunk)
        for (const tx of readList(res, what)) if (asked.has(tx.id)) found.set(tx.id, tx)
      }
      return found
    },

    async listByMerchantReference(reference, signal) {
      const what = `Looking up reference ${reference}`
      const all: Transaction[] = []
      let after: string | undefined
      for (let page = 0; page < MAX_PAGES; page++) {
        const q = new URLSearchParams({ merchant_reference: reference, limit: String(PAGE) })
        if (after) q.set('starting_after', after)
        const res = await request({ method: 'GET', path: `/v1/transactions?${q}`, call: 'other', signal })
        if (res.status !== 200) throw fail(res, 'other', what)
        const list = readList(res, what)
        all.push(...list)
        if (list.length < PAGE) return all
        after = all[all.length - 1].id
      }
      return all
    },

    void: (id, signal) => change(id, 'void', undefined, signal),

    capture: (id, amount, signal) => change(id, 'capture', JSON.stringify({ amount }), signal),

    async checkConnection(signal) {
      token = undefined
      await fetchToken('other', signal)
    },
  }
}
