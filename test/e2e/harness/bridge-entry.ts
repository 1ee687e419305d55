// Browser entry of the test bridge, bundled by esbuild into /__bridge.js. It builds `window.api`
// with the SAME buildApi (and contract) as the Electron preload, over a same-origin WebSocket.
import '../../../src/preload/jitless'
import { buildApi, type Transport } from '../../../src/shared/api'
import type { IpcResult } from '../../../src/shared/ipc'
import type { InvokeMessage, ServerMessage } from './protocol'

// Minimal DOM types: this file is type-checked with the Node project, which has no DOM lib.
interface SocketLike {
  readyState: number
  send(data: string): void
  addEventListener(type: 'open' | 'close', listener: () => void): void
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void
}
interface BrowserGlobals {
  WebSocket: new (url: string) => SocketLike
  location: { host: string }
  api?: unknown
  filePaths?: unknown
  /** Set by a test: the disk path Electron's webUtils would report for a dropped file of this name. */
  __dropPaths?: Record<string, string>
}

const g = globalThis as unknown as BrowserGlobals
const socket = new g.WebSocket(`ws://${g.location.host}/__bridge`)
const pending = new Map<number, (result: IpcResult<unknown>) => void>()
const listeners = new Map<string, Set<(payload: unknown) => void>>()
const queue: string[] = []
let nextId = 1
let closed = false

socket.addEventListener('open', () => {
  for (const frame of queue.splice(0)) socket.send(frame)
})
socket.addEventListener('close', () => {
  closed = true
  for (const resolve of pending.values()) {
    resolve({ ok: false, error: { code: 'bridge_closed', message: 'The test bridge closed.' } })
  }
  pending.clear()
})
socket.addEventListener('message', (event) => {
  const msg = JSON.parse(String(event.data)) as ServerMessage
  if (msg.kind === 'result') {
    pending.get(msg.id)?.(msg.result)
    pending.delete(msg.id)
  } else {
    for (const l of listeners.get(msg.channel) ?? []) l(msg.payload)
  }
})

const transport: Transport = {
  invoke(channel, input) {
    if (closed) {
      return Promise.resolve({
        ok: false,
        error: { code: 'bridge_closed', message: 'The test bridge closed.' },
      })
    }
    const message: InvokeMessage = { id: nextId++, channel, input }
    const frame = JSON.stringify(message)
    return new Promise((resolve) => {
      pending.set(message.id, resolve)
      if (socket.readyState === 1) socket.send(frame)
      else queue.push(frame)
    })
  },
  subscribe(channel, listener) {
    const set = listeners.get(channel) ?? new Set()
    listeners.set(channel, set)
    set.add(listener)
    return () => {
      set.delete(listener)
    }
  },
}

// Frozen like contextBridge's copy, so the app cannot rely on mutating it.
g.api = Object.freeze(buildApi(transport))
// Stands in for the preload's webUtils.getPathForFile: '' for a file that is not on disk, as Electron does.
g.filePaths = Object.freeze({
  getPathForFile: (file: { name: string }) => g.__dropPaths?.[file.name] ?? '',
})
