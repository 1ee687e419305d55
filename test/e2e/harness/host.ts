import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { build } from 'esbuild'
import { WebSocketServer, type WebSocket } from 'ws'
import type { Dispatch } from '../../../src/main/ipc/dispatch'
import { BRIDGE_PATH, BRIDGE_SOCKET_PATH, prepareAppHtml } from './html'
import { findNonPlainValue, type InvokeMessage, type ServerMessage } from './protocol'

const repoRoot = resolve(import.meta.dirname, '../../..')
export const RENDERER_OUT = join(repoRoot, 'out', 'renderer')

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
}

let bridgeBundle: Promise<string> | null = null

/** The bridge bundle, built once per test process from bridge-entry.ts (so from the contract). */
export function bridgeScript(): Promise<string> {
  bridgeBundle ??= build({
    entryPoints: [join(import.meta.dirname, 'bridge-entry.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
  }).then((r) => r.outputFiles[0].text)
  return bridgeBundle
}

export interface Host {
  url: string
  /** Sends an event to every connected page (the EventSink of the services). */
  broadcast(channel: string, payload: unknown): void
  close(): Promise<void>
}

/**
 * Serves out/renderer on 127.0.0.1 (random port) with the bridge injected, and answers bridge
 * calls through `dispatch` — the same dispatcher the Electron IPC wrapper calls.
 */
export async function startHost(dispatch: Dispatch): Promise<Host> {
  const sockets = new Set<WebSocket>()
  let origin = ''

  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, 'text/plain', 'Method not allowed')
    if (path === BRIDGE_PATH) return send(res, 200, TYPES['.js'], await bridgeScript())
    // Chromium asks for it on its own; a 404 would show up as noise in failed requests.
    if (path === '/favicon.ico') return send(res, 204, 'image/x-icon', '')
    if (path === '/' || path === '/index.html') {
      const html = await readFile(join(RENDERER_OUT, 'index.html'), 'utf8')
      return send(res, 200, TYPES['.html'], prepareAppHtml(html, origin.replace(/^http/, 'ws')))
    }
    const file = normalize(join(RENDERER_OUT, path))
    if (!file.startsWith(RENDERER_OUT + sep)) return send(res, 403, 'text/plain', 'Forbidden')
    try {
      return send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', await readFile(file))
    } catch {
      return send(res, 404, 'text/plain', 'Not found')
    }
  }

  const server: Server = createServer((req, res) => {
    serve(req, res).catch((e: unknown) => send(res, 500, 'text/plain', String(e)))
  })
  const wss = new WebSocketServer({ noServer: true })
  server.on('upgrade', (req, socket, head) => {
    // Only the page this host served may drive the services.
    if (req.url !== BRIDGE_SOCKET_PATH || req.headers.origin !== origin) return socket.destroy()
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws)
      ws.on('close', () => sockets.delete(ws))
      ws.on('message', (data) => {
        void answer(ws, String(data))
      })
    })
  })

  const answer = async (ws: WebSocket, frame: string) => {
    const msg = JSON.parse(frame) as InvokeMessage
    let result = await dispatch(msg.channel, msg.input)
    const bad = result.ok ? findNonPlainValue(result.value) : null
    if (bad) {
      result = {
        ok: false,
        error: {
          code: 'non_plain_result',
          message: `${msg.channel} returned a value that does not survive IPC as plain data at ${bad}`,
        },
      }
    }
    const reply: ServerMessage = { kind: 'result', id: msg.id, result }
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(reply))
  }

  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    url: `${origin}/`,
    broadcast(channel, payload) {
      const frame = JSON.stringify({ kind: 'event', channel, payload } satisfies ServerMessage)
      for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(frame)
    },
    async close() {
      for (const ws of sockets) ws.terminate()
      await new Promise<void>((ok) => wss.close(() => ok()))
      server.closeAllConnections()
      await new Promise<void>((ok) => server.close(() => ok()))
    },
  }
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' })
  res.end(body)
}
