import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { type IpcRendererLike, ipcTransport } from '../../../src/preload/transport'
import { buildApi } from '../../../src/shared/api'

function fakeIpcRenderer() {
  const emitter = new EventEmitter()
  const invoked: [string, unknown][] = []
  const ipc = {
    invoke: async (channel: string, input: unknown) => {
      invoked.push([channel, input])
      return { ok: true, value: { echo: 'x', at: 'now' } }
    },
    on: (channel: string, l: (...a: unknown[]) => void) => emitter.on(channel, l),
    removeListener: (channel: string, l: (...a: unknown[]) => void) => emitter.removeListener(channel, l),
  } as unknown as IpcRendererLike
  return { ipc, emitter, invoked }
}

describe('preload bridge over ipcRenderer', () => {
  it('invokes the contract channel with the input as given', async () => {
    const { ipc, invoked } = fakeIpcRenderer()
    const api = buildApi(ipcTransport(ipc))
    expect(await api.app.ping({ message: 'hei' })).toEqual({ ok: true, value: { echo: 'x', at: 'now' } })
    expect(invoked).toEqual([['app:ping', { message: 'hei' }]])
  })

  it('hands listeners only the payload, never the Electron event, and unsubscribes', () => {
    const { ipc, emitter } = fakeIpcRenderer()
    const api = buildApi(ipcTransport(ipc))
    const seen: unknown[][] = []
    const off = api.on.app.menu((...args: unknown[]) => void seen.push(args))
    const event = { sender: { send() {} } }
    emitter.emit('app:menu', event, { action: 'about' })
    off()
    emitter.emit('app:menu', event, { action: 'open-file' })
    expect(seen).toEqual([[{ action: 'about' }]])
    expect(emitter.listenerCount('app:menu')).toBe(0)
  })

  it('exposes only contract operations: no generic send, invoke or on', () => {
    const api = buildApi(ipcTransport(fakeIpcRenderer().ipc)) as unknown as Record<string, unknown>
    for (const key of ['send', 'invoke', 'ipcRenderer', 'sendSync']) expect(api[key]).toBeUndefined()
  })
})
