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
      disableBlinkFeatures: 'Auxclick',
    })
  })

  it('uses the hardened preferences and the OS theme background, hidden until ready', () => {
    const options = mainWindowOptions('/p.cjs', 'dark')
    expect(options.webPreferences).toEqual(secureWebPreferences('/p.cjs'))
    expect(options.show).toBe(false)
    expect(options.backgroundColor).not.toBe(mainWindowOptions('/p.cjs', 'light').backgroundColor)
  })

  it('offers developer tools only when asked (an unpackaged app)', () => {
    expect(secureWebPreferences('/p.cjs').devTools).toBe(false)
    expect(mainWindowOptions('/p.cjs', 'light', true).webPreferences?.devTools).toBe(true)
  })

  it('loads app://kravia/index.html, served from the built renderer next to out/main', () => {
    const mainDir = join('/opt', 'app', 'out', 'main')
    const loc = appLocation(mainDir, undefined, true)
    expect(loc.preloadPath).toBe(join('/opt', 'app', 'out', 'preload', 'index.cjs'))
    expect(loc.rendererDir).toBe(join('/opt', 'app', 'out', 'renderer'))
    expect(loc.pageUrl).toBe('app://kravia/index.html')
  })

  it('uses the dev server only for an unpackaged app, and only on loopback http', () => {
    expect(appLocation('/a/out/main', 'http://localhost:5173', false).pageUrl).toBe('http://localhost:5173/')
    expect(appLocation('/a/out/main', 'http://127.0.0.1:5173/', false).pageUrl).toBe('http://127.0.0.1:5173/')
    // A packaged app ignores ELECTRON_RENDERER_URL: an environment variable must not choose its page.
    expect(appLocation('/a/out/main', 'http://localhost:5173', true).pageUrl).toBe('app://kravia/index.html')
    for (const elsewhere of [
      'https://localhost:5173/',
      'http://evil.example:5173/',
      'http://localhost.evil.example/',
      'http://user:pw@localhost:5173/',
      'file:///tmp/evil.html',
      'not a url',
    ]) {
      expect(appLocation('/a/out/main', elsewhere, false).pageUrl).toBe('app://kravia/index.html')
    }
  })
})
