import type { Db } from './db/open'
import type { Logger } from './log'

/**
 * Updates of the installed app (electron-updater in main; this module has no Electron import so it
 * is tested in Node): a check at most once a day, the download in the background, then "a new
 * version is ready" — installed only when the user asks, never while a batch is being sent, and
 * never checked at all when Settings turns it off.
 */

export const CHECK_INTERVAL_MS = 24 * 60 * 60 * 1000
const KEY = { enabled: 'updates.enabled', lastCheck: 'updates.last_check' }

/** The parts of electron-updater's AppUpdater used here. */
export interface UpdaterLike {
  autoDownload: boolean
  autoInstallOnAppQuit: boolean
  checkForUpdates(): Promise<unknown>
  quitAndInstall(): void
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown
  on(event: 'error', listener: (error: Error) => void): unknown
}

export interface UpdatesState {
  /** False where the app cannot update itself (not packaged, or a deb installed by apt). */
  supported: boolean
  enabled: boolean
  /** The version downloaded and waiting for the user's word, or null. */
  ready: string | null
}

export interface UpdatesControl {
  state(): UpdatesState
  setEnabled(enabled: boolean): UpdatesState
  /** Restarts into the new version; refused (false) while a batch is being sent or nothing is ready. */
  install(): boolean
  /** Runs a check now if one is due (called on start and then every hour). */
  tick(): Promise<void>
}

export function updatesEnabled(db: Db): boolean {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY.enabled) as
    | { value: string }
    | undefined
  return row?.value !== 'false'
}

/** Whether a check is due: on, no batch being sent, and the last one a day or more ago. */
export function checkDue(o: {
  enabled: boolean
  sending: boolean
  lastCheck: string | null
  now: Date
}): boolean {
  if (!o.enabled || o.sending) return false
  if (!o.lastCheck) return true
  const last = Date.parse(o.lastCheck)
  return !Number.isFinite(last) || o.now.getTime() - last >= CHECK_INTERVAL_MS || last > o.now.getTime()
}

/** A batch is being sent when the journal says so (a run in this process or one left by a crash). */
export function sendingNow(db: Db): boolean {
  return db.prepare(`SELECT 1 FROM batches WHERE state = 'running' LIMIT 1`).get() !== undefined
}

export function createUpdates(deps: {
  db: Db
  updater: UpdaterLike | null
  log: Logger
  now: () => Date
  onReady: (version: string) => void
}): UpdatesControl {
  const { db, updater, log } = deps
  const set = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  )
  const get = (key: string) =>
    (db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)
      ?.value ?? null
  let ready: string | null = null
  if (updater) {
    // Downloaded quietly, installed only on the user's word: never silently on quit.
    updater.autoDownload = true
    updater.autoInstallOnAppQuit = false
    updater.on('update-downloaded', (info) => {
      ready = info.version
      log.info(`update ${info.version} downloaded; waiting for the user`)
      deps.onReady(info.version)
    })
    updater.on('error', (e) => log.warn('update check failed', { error: e.message }))
  }
  const state = (): UpdatesState => ({ supported: updater !== null, enabled: updatesEnabled(db), ready })
  return {
    state,
    setEnabled(enabled) {
      set.run(KEY.enabled, enabled ? 'true' : 'false')
      return state()
    },
    install() {
      if (!updater || !ready || sendingNow(db)) return false
      log.info(`installing update ${ready} at the user's request`)
      updater.quitAndInstall()
      return true
    },
    async tick() {
      if (!updater || ready) return
      const now = deps.now()
      if (
        !checkDue({
          enabled: updatesEnabled(db),
          sending: sendingNow(db),
          lastCheck: get(KEY.lastCheck),
          now,
        })
      )
        return
      set.run(KEY.lastCheck, now.toISOString())
      try {
        await updater.checkForUpdates()
      } catch (e) {
        log.warn('update check failed', { error: (e as Error).message })
      }
    },
  }
}
