import type { RequestName } from '../../../shared/contract'
import type { Db } from '../../db/open'
import type { Logger } from '../../log'
import type { Clock } from '../../engine/clock'
import type { UpdatesControl } from '../../updates'
import type { Dialogs, ExternalOpener, Notifier, SecretStore, SystemInfo } from '../../platform'
import type { Environments } from '../../environments/environments'
import type { SettingsStore } from '../../settings/store'
import type { EventSink, Handler } from '../dispatch'

/** Everything the main-process services need from the outside world, injected. */
export interface AppDeps {
  dataDir: string
  db: Db
  log: Logger
  events: EventSink
  dialogs: Dialogs
  secrets: SecretStore
  opener: ExternalOpener
  notifier: Notifier
  system: SystemInfo
  clock: () => Date
  /** Waits for timers that run while the app is open (background refresh); the real clock by default. */
  timers?: Clock
  /** The app's version (Electron's app.getVersion(), package.json under Node). */
  version: string
  /** Files the OS asked the desktop app to open (absent under the CLI and in tests that do not need it). */
  launchFiles?: { take(): string[] }
  /** The installed app's updater (absent unpackaged, under the CLI and in tests: the setting still works). */
  updates?: UpdatesControl
}

/**
 * What each area's handler factory receives: the deps, the settings store and environments built
 * once for all areas, and a place to register cleanup.
 */
export interface HandlerContext extends AppDeps {
  settings: SettingsStore
  environments: Environments
  /** Called by dispose(), in reverse order of registration (stop timers, abort runs, close servers). */
  onDispose(fn: () => void | Promise<void>): void
}

/** The handlers of one area, e.g. `AreaHandlers<'app'>` = { 'app:info': …, 'app:ping': … }. */
export type AreaHandlers<A extends string> = {
  [K in RequestName as K extends `${A}:${string}` ? K : never]: Handler<K>
}
