import { join } from 'node:path'

/**
 * better-sqlite3 is a native addon built for ONE ABI. node_modules keeps Node's build (tests, CLI);
 * the desktop app loads an Electron-ABI copy that `npm start` builds into `.native/<electron>/`.
 * Loading the wrong one crashes with NODE_MODULE_VERSION; this choice prevents that.
 */
export const NATIVE_DIR = '.native'
export const ADDON_FILE = 'better_sqlite3.node'

export function electronAddonPath(appRoot: string, electronVersion: string): string {
  return join(appRoot, NATIVE_DIR, electronVersion, ADDON_FILE)
}

export type BindingChoice =
  /** Plain Node, or a packaged app whose node_modules were rebuilt for Electron by the packager. */
  | { kind: 'default' }
  | { kind: 'electron'; path: string }
  | { kind: 'missing'; path: string; electronVersion: string }

export interface BindingEnv {
  /** process.versions: `electron` is set only inside Electron. */
  versions: { electron?: string; node: string }
  /** The project folder (the one holding package.json and .native). */
  appRoot: string
  packaged: boolean
  exists(path: string): boolean
}

export function chooseNativeBinding(env: BindingEnv): BindingChoice {
  const electron = env.versions.electron
  if (!electron || env.packaged) return { kind: 'default' }
  const path = electronAddonPath(env.appRoot, electron)
  return env.exists(path) ? { kind: 'electron', path } : { kind: 'missing', path, electronVersion: electron }
}

/** The one dialog shown instead of a crash; the app quits after it. */
export function missingBindingMessage(choice: Extract<BindingChoice, { kind: 'missing' }>): {
  title: string
  message: string
  detail: string
} {
  return {
    title: 'Kravia Batch cannot start',
    message: `The database module for Electron ${choice.electronVersion} is missing, so Kravia Batch cannot open its data.`,
    detail:
      `Start the app with "npm start", which builds it into ${choice.path}. ` +
      'Databasemodulen mangler; start appen med «npm start».',
  }
}
