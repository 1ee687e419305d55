import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron'
import type { Theme } from '../platform'

/**
 * The hardened settings of every app window, built by pure functions so a unit test pins them
 * (Electron cannot run on CI). Turning any of these off re-opens a documented attack path.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
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
    spellcheck: false,
  }
}

export const WINDOW_BACKGROUND: Record<Theme, string> = { light: '#ffffff', dark: '#1e1f22' }

export function mainWindowOptions(preloadPath: string, theme: Theme): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: 'Kravia Batch',
    // Shown on ready-to-show, with the OS theme's background, so there is no white flash.
    show: false,
    backgroundColor: WINDOW_BACKGROUND[theme],
    webPreferences: secureWebPreferences(preloadPath),
  }
}

export interface AppLocation {
  preloadPath: string
  /** What the window loads and the only URL navigation, IPC and permissions trust. */
  pageUrl: string
  /** The built page on disk, when not served by the electron-vite dev server. */
  pageFile: string | null
}

/**
 * Where the built preload and page are, relative to out/main (the bundled main's directory).
 * The dev server URL (electron-vite dev) is honoured only for an unpackaged app.
 */
export function appLocation(
  mainDir: string,
  devServerUrl: string | undefined,
  packaged: boolean,
): AppLocation {
  const preloadPath = join(mainDir, '..', 'preload', 'index.cjs')
  if (devServerUrl && !packaged) return { preloadPath, pageUrl: new URL(devServerUrl).href, pageFile: null }
  const pageFile = join(mainDir, '..', 'renderer', 'index.html')
  return { preloadPath, pageUrl: pathToFileURL(pageFile).href, pageFile }
}
