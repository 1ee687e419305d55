import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  chooseNativeBinding,
  electronAddonPath,
  missingBindingMessage,
} from '../../../src/main/electron/native-binding'

const root = join('/home', 'kari', 'kravia-batch')
const built = electronAddonPath(root, '45.5.0')

describe('choosing the better-sqlite3 binding', () => {
  it("uses node_modules' own build under plain Node (tests, CLI)", () => {
    const choice = chooseNativeBinding({
      versions: { node: '20.20.2' },
      appRoot: root,
      packaged: false,
      exists: () => true,
    })
    expect(choice).toEqual({ kind: 'default' })
  })

  it('uses the Electron-ABI copy in .native/<electron version>/ inside Electron', () => {
    const choice = chooseNativeBinding({
      versions: { node: '22.20.0', electron: '45.5.0' },
      appRoot: root,
      packaged: false,
      exists: (p) => p === built,
    })
    expect(choice).toEqual({ kind: 'electron', path: join(root, '.native', '45.5.0', 'better_sqlite3.node') })
  })

  it('reports the copy as missing (never falls back to the Node build, which would crash)', () => {
    const choice = chooseNativeBinding({
      versions: { node: '22.20.0', electron: '46.0.0' },
      appRoot: root,
      packaged: false,
      exists: (p) => p === built,
    })
    expect(choice).toEqual({
      kind: 'missing',
      path: electronAddonPath(root, '46.0.0'),
      electronVersion: '46.0.0',
    })
    if (choice.kind !== 'missing') throw new Error('unreachable')
    const m = missingBindingMessage(choice)
    expect(m.message).toContain('Electron 46.0.0')
    expect(m.detail).toContain('npm start')
  })

  it('uses the default binding in a packaged app, whose packager rebuilt node_modules for Electron', () => {
    const choice = chooseNativeBinding({
      versions: { node: '22.20.0', electron: '45.5.0' },
      appRoot: '/opt/Kravia Batch/resources/app.asar',
      packaged: true,
      exists: () => false,
    })
    expect(choice).toEqual({ kind: 'default' })
  })
})
