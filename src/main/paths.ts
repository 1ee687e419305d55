import { homedir } from 'node:os'
import { join, win32 } from 'node:path'

export const PRODUCT_NAME = 'Kravia Batch'
/** The installers' application id (electron-builder.yml), also Windows' AppUserModelID for notifications. */
export const APP_ID = 'no.kravia.batch'

/**
 * The per-user folder the desktop app uses (Electron's `userData` for the product name),
 * computed without Electron so the CLI shares it.
 */
export function defaultDataDir(
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  home: string = homedir(),
): string {
  if (platform === 'win32') {
    const appData = env.APPDATA ?? win32.join(home, 'AppData', 'Roaming')
    return win32.join(appData, PRODUCT_NAME)
  }
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME)
  const config = env.XDG_CONFIG_HOME || join(home, '.config')
  return join(config, PRODUCT_NAME)
}

/** Flag first, then KRAVIA_BATCH_DATA_DIR, then the per-user default. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return flag
  if (env.KRAVIA_BATCH_DATA_DIR) return env.KRAVIA_BATCH_DATA_DIR
  return defaultDataDir(process.platform, env)
}
