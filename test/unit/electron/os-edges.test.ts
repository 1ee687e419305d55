import { EventEmitter } from 'node:events'
import type { BaseWindow } from 'electron'
import { describe, expect, it } from 'vitest'
import { confirmBoxOptions, type DialogLike, electronDialogs } from '../../../src/main/electron/dialogs'
import { electronNotifier } from '../../../src/main/electron/notifications'
import { electronOpener } from '../../../src/main/electron/shell'
import { electronSystemInfo, type NativeThemeLike } from '../../../src/main/electron/system'
import { FakeDialogs, RecordingNotifier, RecordingOpener } from '../../support/platform-fakes'

describe('dialogs', () => {
  it('makes destructive confirmations default to Cancel', () => {
    const box = confirmBoxOptions({
      message: 'Void 3 invoices?',
      confirmLabel: 'Void',
      cancelLabel: 'Cancel',
      danger: true,
    })
    expect(box.buttons).toEqual(['Cancel', 'Void'])
    expect(box.defaultId).toBe(0)
    expect(box.cancelId).toBe(0)
    expect(confirmBoxOptions({ message: 'm', confirmLabel: 'OK', cancelLabel: 'Cancel' }).defaultId).toBe(1)
  })

  it('maps Electron dialog results to a path, or null when cancelled, modal to the window', async () => {
    const seen: unknown[] = []
    const win = {} as BaseWindow
    const answers = [
      { canceled: false, filePaths: ['/home/kari/faktura.xlsx'] },
      { canceled: true, filePaths: [] },
    ]
    const dialog = {
      showOpenDialog: async (...args: unknown[]) => {
        seen.push(args[0])
        return answers.shift()
      },
      showSaveDialog: async () => ({ canceled: false, filePath: '/tmp/out.csv' }),
      showMessageBox: async () => ({ response: 1, checkboxChecked: false }),
    } as unknown as DialogLike
    const dialogs = electronDialogs(dialog, () => win)
    expect(await dialogs.openFile({ title: 'Open' })).toBe('/home/kari/faktura.xlsx')
    expect(await dialogs.openFile({})).toBeNull()
    expect(seen[0]).toBe(win)
    expect(await dialogs.saveFile({})).toBe('/tmp/out.csv')
    expect(await dialogs.confirm({ message: 'm', confirmLabel: 'Yes', cancelLabel: 'No' })).toBe(true)
  })

  it('fake dialogs answer in the order the test scripted and record every call', async () => {
    const dialogs = new FakeDialogs({ openFile: ['/a.csv'], confirm: [true] })
    expect(await dialogs.openFile({})).toBe('/a.csv')
    expect(await dialogs.openFile({})).toBeNull()
    expect(await dialogs.confirm({ message: 'm', confirmLabel: 'y', cancelLabel: 'n' })).toBe(true)
    // Unscripted confirmations are refusals, so a test never voids or submits by accident.
    expect(await dialogs.confirm({ message: 'm', confirmLabel: 'y', cancelLabel: 'n' })).toBe(false)
    expect(dialogs.calls.map((c) => c.kind)).toEqual(['openFile', 'openFile', 'confirm', 'confirm'])
  })
})

describe('shell, notifications, system', () => {
  it('opens links in the browser only through the safe predicate, logging them without the query', async () => {
    const opened: string[] = []
    const logged: string[] = []
    const log = {
      info: (m: string, d?: unknown) => void logged.push(`${m} ${JSON.stringify(d)}`),
      warn: (m: string, d?: unknown) => void logged.push(`${m} ${JSON.stringify(d)}`),
      error: () => {},
    }
    const opener = electronOpener({ openExternal: async (u: string) => void opened.push(u) }, log)
    expect(await opener.open('https://docs.dintero.com/?client_secret=x')).toBe(true)
    expect(await opener.open('file:///etc/passwd')).toBe(false)
    expect(await opener.open('http://127.0.0.1:4000/__sandbox/invoices/a', { sandboxPort: 4000 })).toBe(true)
    expect(opened).toEqual([
      'https://docs.dintero.com/?client_secret=x',
      'http://127.0.0.1:4000/__sandbox/invoices/a',
    ])
    expect(logged.join('\n')).not.toContain('client_secret')
    expect(logged[1]).toMatch(/^refused to open a link/)

    // The OS failing to open a link is logged and answered with false, never an unhandled rejection.
    const failing = electronOpener({ openExternal: () => Promise.reject(new Error('no browser')) }, log)
    expect(await failing.open('https://docs.dintero.com/')).toBe(false)
    expect(logged.at(-1)).toMatch(/could not open a link .*no browser/)

    const recorder = new RecordingOpener()
    await recorder.open('javascript:alert(1)')
    await recorder.open('https://checkout.dintero.com/x')
    expect(recorder.opened).toEqual(['https://checkout.dintero.com/x'])
    expect(recorder.refused).toEqual(['javascript:alert(1)'])
  })

  it('shows notifications where supported and stays silent otherwise', () => {
    const shown: unknown[] = []
    let supported = true
    const notifier = electronNotifier({
      isSupported: () => supported,
      create: (o) => ({ show: () => void shown.push(o) }),
    })
    notifier.notify({ title: 'Run finished', body: '120 sent' })
    supported = false
    notifier.notify({ title: 'x', body: 'y' })
    expect(shown).toEqual([{ title: 'Run finished', body: '120 sent', silent: false }])
    const recorder = new RecordingNotifier()
    recorder.notify({ title: 't', body: 'b' })
    expect(recorder.sent).toEqual([{ title: 't', body: 'b' }])
  })

  it('a click on a notification brings the window forward, then does what the notification asks', () => {
    const listeners: (() => void)[] = []
    const order: string[] = []
    const notifier = electronNotifier(
      {
        isSupported: () => true,
        create: () => ({ show: () => order.push('shown'), on: (_e, l) => listeners.push(l) }),
      },
      () => order.push('focus'),
    )
    notifier.notify({ title: 'Payments', body: '12 paid', onClick: () => order.push('history') })
    expect(order).toEqual(['shown'])
    for (const l of listeners) l()
    expect(order).toEqual(['shown', 'focus', 'history'])
  })

  it('follows the OS theme and stops following after unsubscribe', () => {
    const theme = Object.assign(new EventEmitter(), { shouldUseDarkColors: false })
    const system = electronSystemInfo(() => 'nb-NO', theme as unknown as NativeThemeLike)
    const seen: string[] = []
    const off = system.onThemeChange((t) => seen.push(t))
    expect(system.theme()).toBe('light')
    theme.shouldUseDarkColors = true
    theme.emit('updated')
    off()
    theme.emit('updated')
    expect(seen).toEqual(['dark'])
    expect(system.locale()).toBe('nb-NO')
  })
})
