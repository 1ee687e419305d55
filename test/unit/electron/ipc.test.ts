import { describe, expect, it } from 'vitest'
import { requestNames } from '../../../src/shared/api'
import type { IpcResult } from '../../../src/shared/ipc'
import {
  guardedHandler,
  type IpcMainLike,
  type InvokeEventLike,
  registerIpc,
  webContentsEventSink,
} from '../../../src/main/electron/ipc'
import { silentLogger } from '../../../src/main/log'

const APP = 'file:///app/out/renderer/index.html'

function recordingDispatch() {
  const calls: { name: string; input: unknown }[] = []
  const dispatch = async (name: string, input: unknown): Promise<IpcResult<unknown>> => {
    calls.push({ name, input })
    return { ok: true, value: 'done' }
  }
  return { calls, dispatch }
}

const from = (url: string | null): InvokeEventLike => ({ senderFrame: url === null ? null : { url } })

describe('IPC registration', () => {
  it('passes calls from the app page to the dispatcher', async () => {
    const { calls, dispatch } = recordingDispatch()
    const handler = guardedHandler('app:ping', dispatch, APP, silentLogger)
    expect(await handler(from(`${APP}#/start`), { message: 'hi' })).toEqual({ ok: true, value: 'done' })
    expect(calls).toEqual([{ name: 'app:ping', input: { message: 'hi' } }])
  })

  it.each([
    ['a remote page', 'https://attacker.example/'],
    ['another local file', 'file:///tmp/evil.html'],
    ['a destroyed frame', null],
  ])('refuses calls from %s without running the handler', async (_label, url) => {
    const { calls, dispatch } = recordingDispatch()
    const result = await guardedHandler('app:ping', dispatch, APP, silentLogger)(from(url), { message: 'x' })
    expect(result).toMatchObject({ ok: false, error: { code: 'untrusted_sender' } })
    expect(calls).toEqual([])
  })

  it('registers every contract request once and can remove them again', async () => {
    const handlers = new Map<string, (e: InvokeEventLike, input: unknown) => Promise<unknown>>()
    const ipcMain: IpcMainLike = {
      handle: (channel, listener) => {
        if (handlers.has(channel)) throw new Error(`second handler for ${channel}`)
        handlers.set(channel, listener)
      },
      removeHandler: (channel) => void handlers.delete(channel),
    }
    const { calls, dispatch } = recordingDispatch()
    const unregister = registerIpc(ipcMain, dispatch, APP, silentLogger)
    expect([...handlers.keys()].sort()).toEqual([...requestNames].sort())
    await handlers.get('app:info')?.(from(APP), {})
    expect(calls).toEqual([{ name: 'app:info', input: {} }])
    unregister()
    expect(handlers.size).toBe(0)
  })

  it('sends events to the window and drops them once it is gone', () => {
    const sent: [string, unknown][] = []
    let destroyed = false
    let present = true
    const sink = webContentsEventSink(() =>
      present ? { isDestroyed: () => destroyed, send: (c, p) => void sent.push([c, p]) } : null,
    )
    sink.emit('app:menu', { action: 'about' })
    destroyed = true
    sink.emit('app:menu', { action: 'open-file' })
    present = false
    sink.emit('app:menu', { action: 'open-file' })
    expect(sent).toEqual([['app:menu', { action: 'about' }]])
  })
})
