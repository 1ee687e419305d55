import http from 'node:http'
import https from 'node:https'

/**
 * The one place that talks HTTP. Its job beyond sending is to tell two failures apart that
 * matter for money: "nothing left this machine" (connection refused, DNS, TLS handshake) and
 * "the request may have reached Dintero" (reset, hang-up or timeout after connecting). A pay
 * request lost in the second way may have created an invoice; in the first way it did not.
 */

export interface HttpRequest {
  method: 'GET' | 'POST'
  url: string
  headers: Record<string, string>
  body?: string
  timeoutMs: number
  signal?: AbortSignal
}

export interface HttpResponse {
  status: number
  header(name: string): string | undefined
  body: string
}

export class TransportError extends Error {
  /** True when the connection was open, so the server may have received the request. */
  readonly sent: boolean
  readonly timedOut: boolean
  readonly code?: string
  constructor(message: string, sent: boolean, timedOut: boolean, code?: string) {
    super(message)
    this.name = 'TransportError'
    this.sent = sent
    this.timedOut = timedOut
    this.code = code
  }
}

export type Transport = (request: HttpRequest) => Promise<HttpResponse>

const MAX_BODY = 32 * 1024 * 1024

/** A transport on node:http(s) with keep-alive, so hundreds of requests a second reuse sockets. */
export function createNodeTransport(): Transport & { close(): void } {
  // Idle sockets are dropped after 4 s, before a server's or load balancer's idle timeout can close
  // one under a new request (a reset on reuse would make a pay needlessly ambiguous).
  const agentOptions = { keepAlive: true, maxSockets: 256, timeout: 4_000 }
  const agents = {
    'http:': new http.Agent(agentOptions),
    'https:': new https.Agent(agentOptions),
  }
  const send: Transport = (request) =>
    new Promise<HttpResponse>((resolve, reject) => {
      const url = new URL(request.url)
      const isHttps = url.protocol === 'https:'
      const mod = isHttps ? https : http
      let sent = false
      let settled = false
      let timedOut = false
      let timer: NodeJS.Timeout | undefined
      let onAbort = () => {}
      const finish = (fn: () => void) => {
        if (settled) return
        settled = true
        if (timer) clearTimeout(timer)
        request.signal?.removeEventListener('abort', onAbort)
        fn()
      }
      const fail = (e: Error & { code?: string }) =>
        finish(() => {
          const code = e.code
          const what = timedOut ? `no answer within ${request.timeoutMs} ms` : e.message || code || 'error'
          reject(new TransportError(`${request.method} ${url.pathname}: ${what}`, sent, timedOut, code))
        })
      if (request.signal?.aborted) {
        fail(Object.assign(new Error('aborted before sending'), { code: 'ABORT_ERR' }))
        return
      }
      const headers: Record<string, string> = { ...request.headers }
      if (request.body !== undefined) headers['content-length'] = String(Buffer.byteLength(request.body))
      const req = mod.request(url, {
        method: request.method,
        headers,
        agent: isHttps ? agents['https:'] : agents['http:'],
      })
      onAbort = () => req.destroy(Object.assign(new Error('aborted'), { code: 'ABORT_ERR' }))
      request.signal?.addEventListener('abort', onAbort, { once: true })
      timer = setTimeout(() => {
        timedOut = true
        req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' }))
      }, request.timeoutMs)
      req.on('socket', (socket) => {
        // A reused keep-alive socket is already connected: the bytes go out at once.
        const connecting = (socket as { connecting?: boolean }).connecting
        if (!connecting) {
          sent = true
          return
        }
        socket.once(isHttps ? 'secureConnect' : 'connect', () => {
          sent = true
        })
      })
      req.on('error', fail)
      req.on('response', (res) => {
        const chunks: Buffer[] = []
        let size = 0
        res.on('data', (c: Buffer) => {
          size += c.length
          if (size > MAX_BODY) req.destroy(new Error('response too large'))
          else chunks.push(c)
        })
        res.on('error', fail)
        res.on('close', () => {
          if (!res.complete) fail(Object.assign(new Error('connection lost while reading the answer')))
        })
        res.on('end', () =>
          finish(() =>
            resolve({
              status: res.statusCode ?? 0,
              header: (name) => {
                const v = res.headers[name.toLowerCase()]
                return Array.isArray(v) ? v.join(', ') : v
              },
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          ),
        )
      })
      req.end(request.body)
    })
  return Object.assign(send, {
    close() {
      agents['http:'].destroy()
      agents['https:'].destroy()
    },
  })
}

const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'])

/**
 * A transport on an injected fetch (tests, special environments). fetch hides the socket, so
 * only errors whose cause says the connection never opened count as "not sent".
 */
export function createFetchTransport(fetchFn: typeof fetch): Transport {
  return async (request) => {
    const timeout = AbortSignal.timeout(request.timeoutMs)
    const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout
    let res: Response
    let text: string
    try {
      res = await fetchFn(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal,
      })
      text = await res.text()
    } catch (e) {
      const cause = (e as { cause?: { code?: string } }).cause
      const code = cause?.code ?? (e as { code?: string }).code
      const sent = !(code && NOT_SENT_CODES.has(code))
      const message = e instanceof Error ? e.message : String(e)
      throw new TransportError(
        `${request.method} ${new URL(request.url).pathname}: ${message}`,
        sent,
        timeout.aborted,
        code,
      )
    }
    return { status: res.status, header: (name) => res.headers.get(name) ?? undefined, body: text }
  }
}
