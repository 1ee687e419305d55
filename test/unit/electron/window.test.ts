import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { appLocation, mainWindowOptions, secureWebPreferences } from '../../../src/main/electron/window'

describe('window settings', () => {
  it('isolates and sandboxes the page, with Node out of reach', () => {
    const prefs = secureWebPreferences('/app/out/preload/index.cjs')
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    })
  })

  it('uses the hardened preferences and the OS theme background, hidden until ready', () => {
    const options = mainWindowOptions('/p.cjs', 'dark')
    expect(options.webPreferences).toEqual(secureWebPreferences('/p.cjs'))
    expect(options.show).toBe(false)
    expect(options.backgroundColor).not.toBe(mainWindowOptions('/p.cjs', 'light').backgroundColor)
  })

  it('loads the built page and the CommonJS preload next to out/main', () => {
    const mainDir = join('/opt', 'app', 'out', 'main')
    const loc = appLocation(mainDir, undefined, false)
    expect(loc.preloadPath).toBe(join('/opt', 'app', 'out', 'preload', 'index.cjs'))
    expect(loc.pageFile).toBe(join('/opt', 'app', 'out', 'renderer', 'index.html'))
    expect(loc.pageUrl).toBe('file:///opt/app/out/renderer/index.html')
  })

  it('uses the dev server only for an unpackaged app', () => {
    expect(appLocation('/a/out/main', 'http://localhost:5173', false)).toMatchObject({
      pageUrl: 'http://localhost:5173/',
      pageFile: null,
    })
    // A packaged app ignores ELECTRON_RENDERER_URL: an environment variable must not choose its page.
    expect(appLocation('/a/out/main', 'http://localhost:5173', true).pageFile).toBe(
      join('/a', 'out', 'renderer', 'index.html'),
    )
  })
})
