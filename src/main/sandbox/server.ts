import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { accountEnvironment } from '../dintero/config'
import { checkFaults, NO_FAULTS, type SandboxFaults, TokenBucket } from './faults'
import { dinteroError, type Reply, type SandboxState } from './http-util'
import { releaseHold } from './hold'
import { route } from './routes'
import { finishVoid } from './routes-change'
import { openSandboxStore } from './store'

export interface SandboxOptions extends Partial<SandboxFaults> {
  /** 0 (default) = any free port. The host is always 127.0.0.1. */
  port?: number
  accountId?: string
  clientId?: string
  clientSecret?: string
  /** SQLite file for the sandbox's state; in memory without it. */
  dataFile?: string
  tokenTtlSeconds?: number
  /** How long a void answered 202 (void-accepted fault) takes to finish (default 150 ms). */
  voidDelayMs?: number
  /** Switch off the rules Dintero's docs only imply (see docs/sandbox.md). */
  lenient?: boolean
  /** Fault randomness (tests pass a seeded one). */
  random?: () => number
  /** Milliseconds since the epoch (token expiry, timestamps, invoice dates). */
  clock?: () => number
}

export interface SandboxStats {
  requests: number
  /** `"POST /v1/sessions/pay"` → `"200"` (or `"lost"`) → count. */
  byRoute: Record<string, Record<string, number>>
}

export interface Sandbox {
  /** `http://127.0.0.1:PORT`; routes under `/v1` and `/__sandbox`. */
  baseUrl: string
  port: number
  accountId: string
  clientId: string
  clientSecret: string
  setFaults(faults: Partial<SandboxFaults>): void
  faults(): SandboxFaults
  stats(): SandboxStats
  close(): Promise<void>
}

const MAX_BODY = 1024 * 1024
const HOST = '127.0.0.1'

const isLoopback = (addr: string | undefined) =>
  !!addr && (addr.startsWith('127.') || addr === '::1' || addr.startsWith('::ffff:127.'))

/**
 * Starts the Dintero sandbox on 127.0.0.1. The same server backs the app's "Sandbox"
 * environment, `cli sim`, and every integration test.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const accountId = options.accountId ?? 'T12345678'
  accountEnvironment(accountId)
  const faults: SandboxFaults = { ...NO_FAULTS }
  for (const k of Object.keys(NO_FAULTS) as (keyof SandboxFaults)[]) {
    if (options[k] !== undefined) faults[k] = options[k] as number
  }
  const bad = checkFaults(faults)
  if (bad) throw new Error(`Sandbox: ${bad}`)
  const clock = options.clock ?? Date.now
  const state: SandboxState = {
    accountId,
    clientId: options.clientId ?? 'sandbox',
    clientSecret: options.clientSecret ?? 'sandbox',
    tokenTtlSeconds: options.tokenTtlSeconds ?? 14400,
    voidDelayMs: options.voidDelayMs ?? 150,
    lenient: options.lenient ?? false,
    clock,
    random: options.random ?? Math.random,
    faults,
    store: openSandboxStore(options.dataFile),
    tokens: new Map(),
    pendingVoids: new Map(),
    pendingHolds: new Map(),
    listHiddenUntil: new Map(),
    baseUrl: '',
    closed: false,
  }
  const bucket = new TokenBucket(faults.rateLimit, clock())
  const counts: Record<string, Record<string, number>> = {}
  let total = 0
  const count = (name: string, status: string) => {
    total++
    counts[name] ??= {}
    const byStatus = counts[name]
    byStatus[status] = (byStatus[status] ?? 0) + 1
  }

  const allowedHosts = new Set<string>()

  async function serve(req: http.IncomingMessage, res: http.ServerResponse, body: string) {
    const url = new URL(req.url ?? '/', 'http://sandbox')
    const method = req.method ?? 'GET'
    // Refuse other Host names: a web page that rebinds its DNS to 127.0.0.1 must not reach the
    // controls or mint tokens.
    if (!allowedHosts.has(req.headers.host ?? '') || !isLoopback(req.socket.remoteAddress)) {
      return send(res, dinteroError(403, 'FORBIDDEN', 'The sandbox only answers on 127.0.0.1'), 'forbidden')
    }
    const r = route(state, method, url.pathname)
    if (!r) return send(res, dinteroError(404, 'NOT_FOUND', `No route ${method} ${url.pathname}`), 'unknown')
    if (r.v1) {
      const wait = bucket.take(clock())
      if (wait > 0) {
        const reply = dinteroError(429, 'TOO_MANY_REQUESTS', `Rate limit of ${faults.rateLimit}/s exceeded`)
        reply.headers = { 'retry-after': String(wait) }
        return send(res, reply, r.route)
      }
      if (faults.latencyMs > 0) await sleep(faults.latencyMs)
      if (state.closed) return void res.destroy()
      if (faults.failRate > 0 && state.random() < faults.failRate) {
        const status = [500, 502, 503][Math.floor(state.random() * 3)] ?? 500
        return send(
          res,
          dinteroError(status, 'SERVER_ERROR', `Injected failure ${status} (fail-rate)`),
          r.route,
        )
      }
    }
    const reply = r.handle({
      method,
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body,
    })
    if (
      r.v1 &&
      method === 'POST' &&
      faults.lostResponseRate > 0 &&
      state.random() < faults.lostResponseRate
    ) {
      // The work is committed; the answer never arrives (a reset after the request was received).
      count(r.route, 'lost')
      req.socket.resetAndDestroy()
      return
    }
    send(res, reply, r.route)
  }

  function send(res: http.ServerResponse, reply: Reply, name: string) {
    count(name, String(reply.status))
    res.writeHead(reply.status, {
      'content-type': reply.contentType ?? 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(reply.body),
      'cache-control': 'no-store',
      ...reply.headers,
    })
    res.end(reply.body)
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size <= MAX_BODY) chunks.push(c)
    })
    req.on('end', () => {
      if (size > MAX_BODY)
        return send(res, dinteroError(413, 'TOO_LARGE', 'Request body over 1 MB'), 'too-large')
      serve(req, res, Buffer.concat(chunks).toString('utf8')).catch((e: unknown) => {
        if (!res.headersSent) {
          send(
            res,
            dinteroError(500, 'SANDBOX_ERROR', `Sandbox error: ${e instanceof Error ? e.message : e}`),
            'error',
          )
        }
      })
    })
  })
  // Longer than any client's idle keep-alive, so a reused socket is rarely closed under a request.
  server.keepAliveTimeout = 65_000
  server.headersTimeout = 66_000

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, HOST, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const port = (server.address() as AddressInfo).port
  state.baseUrl = `http://${HOST}:${port}`
  allowedHosts.add(`${HOST}:${port}`).add(`localhost:${port}`)

  let closing: Promise<void> | undefined
  return {
    baseUrl: state.baseUrl,
    port,
    accountId,
    clientId: state.clientId,
    clientSecret: state.clientSecret,
    setFaults(partial) {
      const problem = checkFaults(partial)
      if (problem) throw new Error(`Sandbox: ${problem}`)
      Object.assign(faults, partial)
      if (partial.rateLimit !== undefined) bucket.setRate(partial.rateLimit, clock())
    },
    faults: () => ({ ...faults }),
    stats: () => ({ requests: total, byRoute: structuredClone(counts) }),
    close() {
      closing ??= new Promise<void>((resolve) => {
        state.closed = true
        for (const id of [...state.pendingVoids.keys()]) finishVoid(state, id)
        for (const id of [...state.pendingHolds.keys()]) releaseHold(state, id)
        server.close(() => {
          state.store.close()
          resolve()
        })
        server.closeAllConnections()
      })
      return closing
    },
  }
}
