import { join } from 'node:path'
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron'
import type { Theme } from '../platform'
import { APP_PAGE_URL } from './app-protocol'

/**
 * The hardened settings of every app window, built by pure functions so a unit test pins them
 * (Electron cannot run on CI). Turning any of these off re-opens a documented attack path.
 */
export function secureWebPreferences(preloadPath: string, devTools = false): WebPreferences {
  return {
    preload: preloadPath,
    // Developer tools only for an unpackaged app (the menu item follows the same rule).
    devTools,
    contextIsolation: true,
    // The sandboxed preload is one CommonJS bundle (out/preload/index.cjs); see electron.vite.config.ts.
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    // A middle click on a link must not open anything either (setWindowOpenHandler denies too).
    disableBlinkFeatures: 'Auxclick',
    spellcheck: false,
  }
}

export const WINDOW_BACKGROUND: Record<Theme, string> = { light: '#ffffff', dark: '#1e1f22' }

export function mainWindowOptions(
  preloadPath: string,
  theme: Theme,
  devTools = false,
): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: 'Kravia Batch',
    // Shown on ready-to-show, with the OS theme's background, so there is no white flash.
    show: false,
    backgroundColor: WINDOW_BACKGROUND[theme],
    webPreferences: secureWebPreferences(preloadPath, devTools),
  }
}

export interface AppLocation {
  preloadPath: string
  /** What the window loads and the only URL navigation, IPC and permissions trust. */
  pageUrl: string
  /** The built renderer folder the app:// handler serves (also when the dev server is used). */
  rendererDir: string
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/** electron-vite's dev server: plain http on this machine only. */
export function isLoopbackDevServer(raw: string | undefined): boolean {
  if (!raw) return false
  try {
    const url = new URL(raw)
    return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname) && !url.username && !url.password
  } catch {
    return false
  }
}

/**
 * Where the built preload and page are, relative to out/main (the bundled main's directory). The
 * page is app://kravia/index.html; the dev server URL (electron-vite dev) is honoured only for an
 * unpackaged app and only on loopback http, so no environment variable can point a shipped app at
 * a page elsewhere.
 */
export function appLocation(
  mainDir: string,
  devServerUrl: string | undefined,
  packaged: boolean,
): AppLocation {
  const preloadPath = join(mainDir, '..', 'preload', 'index.cjs')
  const rendererDir = join(mainDir, '..', 'renderer')
  if (!packaged && devServerUrl && isLoopbackDevServer(devServerUrl)) {
    return { preloadPath, pageUrl: new URL(devServerUrl).href, rendererDir }
  }
  return { preloadPath, pageUrl: APP_PAGE_URL, rendererDir }
}
