/**
 * Real-browser harness: the BUILT renderer (out/renderer; `npm run test:e2e` builds it) in Debian's
 * Chromium, talking to the REAL main-process services over a WebSocket bridge generated from the
 * contract (same `buildApi` as the preload). Only the OS edges are fakes you control.
 *
 *   const h = await startHarness({ dialogs: { openFile: ['/tmp/x/invoices.csv'] } })
 *   const browser = await launchChromium()
 *   const app = await h.open(browser, { colorScheme: 'dark', locale: 'nb-NO' })
 *   await app.page.getByTestId('start-screen').waitFor()
 *   app.assertClean()                       // no console errors, page errors, CSP violations, 4xx/5xx
 *   await app.screenshot('start-dark')      // → test-output/e2e/start-dark.png
 *   afterAll: await browser.close(); await h.close()
 *
 * startHarness(options):
 *   dataDir?   data folder (default: fresh temp dir, deleted by close()); real SQLite + log file in it
 *   dialogs?   DialogScript {openFile, saveFile, confirm: answers in order} or your own Dialogs
 *   secrets?   SecretStore (default: in-memory, secure)
 *   clock?     () => Date (default: real time)
 *   locale?, theme?   what the fake SystemInfo reports (open() also sets them from its options)
 * Harness fields:
 *   url, dataDir, db, services (handlers + dispose), dispatch(channel, input) to call main directly,
 *   dialogs (FakeDialogs: .calls), opener (RecordingOpener: .opened/.refused), notifier (.sent),
 *   secrets, system (FakeSystemInfo: .setTheme/.setLocale), emitted (every event sent),
 *   emit(name, payload) to push an event as main would (e.g. 'app:menu'), open(browser, options),
 *   close() (closes pages opened through it, the server, services and the DB).
 * Page helpers (tests have no DOM types): callApi(page, 'app:ping', {message}) calls window.api in the
 * page; recordEvents(page, 'app:menu') then recordedEvents(page, 'app:menu', n) collect pushes;
 * pageColorScheme(page). Emulation: open(browser, { colorScheme, locale, viewport }), or
 * app.page.emulateMedia({ colorScheme }) mid-test (then also harness.system.setTheme).
 * Results must be plain JSON data: Electron's structured clone and the bridge's JSON differ for
 * Date/Map/Set/undefined-in-arrays, so the harness answers such results with `non_plain_result`.
 */
import type { Clock } from '../../../src/main/engine/clock'
import { readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import type { EventName, EventPayload } from '../../../src/shared/contract'
import type { Db } from '../../../src/main/db/open'
import { openAppDb } from '../../../src/main/db/store'
import { createDispatcher, type Dispatch, type EventSink } from '../../../src/main/ipc/dispatch'
import { createFileLogger } from '../../../src/main/log'
import type { Dialogs, SecretStore, Theme } from '../../../src/main/platform'
import {
  type DialogScript,
  FakeDialogs,
  FakeSystemInfo,
  MemorySecretStore,
  RecordingNotifier,
  RecordingOpener,
} from '../../support/platform-fakes'
import { type AppServices, createAppServices } from '../../../src/main/services'
import { type OpenedPage, openPage, type PageOptions } from './browser'
import { startHost } from './host'

export { callApi, pageColorScheme, recordEvents, recordedEvents } from './page-api'
export {
  launchChromium,
  type OpenedPage,
  type PageOptions,
  type PageProblems,
  SCREENSHOT_DIR,
} from './browser'

export interface HarnessOptions {
  dataDir?: string
  dialogs?: DialogScript | Dialogs
  secrets?: SecretStore
  clock?: () => Date
  /** The timers of main's background work (background refresh); real time by default. */
  timers?: Clock
  locale?: string
  theme?: Theme
}

export interface Harness {
  url: string
  dataDir: string
  db: Db
  services: AppServices
  dispatch: Dispatch
  dialogs: Dialogs & Partial<Pick<FakeDialogs, 'calls'>>
  opener: RecordingOpener
  notifier: RecordingNotifier
  secrets: SecretStore
  system: FakeSystemInfo
  emitted: { name: EventName; payload: unknown }[]
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void
  open(browser: Browser, options?: PageOptions): Promise<OpenedPage>
  close(): Promise<void>
}

const isDialogs = (d: DialogScript | Dialogs): d is Dialogs => typeof (d as Dialogs).openFile === 'function'

const version = (
  JSON.parse(readFileSync(join(import.meta.dirname, '../../../package.json'), 'utf8')) as { version: string }
).version

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const ownDir = options.dataDir === undefined
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'kravia-e2e-')))
  const db = openAppDb(dataDir)
  const log = createFileLogger(dataDir)
  const dialogs =
    options.dialogs && isDialogs(options.dialogs) ? options.dialogs : new FakeDialogs(options.dialogs)
  const system = new FakeSystemInfo(options.locale ?? 'nb-NO', options.theme ?? 'light')
  const opener = new RecordingOpener()
  const notifier = new RecordingNotifier()
  const secrets = options.secrets ?? new MemorySecretStore()
  const emitted: Harness['emitted'] = []

  // The host exists only after the services, so events go through this late-bound sink.
  let broadcast: (channel: string, payload: unknown) => void = () => {}
  const events: EventSink = {
    emit(name, payload) {
      emitted.push({ name, payload })
      broadcast(name, payload)
    },
  }
  const services = createAppServices({
    dataDir,
    db,
    log,
    events,
    dialogs,
    secrets,
    opener,
    notifier,
    system,
    clock: options.clock ?? (() => new Date()),
    timers: options.timers,
    version,
  })
  const dispatch = createDispatcher(services.handlers, log)
  const host = await startHost(dispatch)
  broadcast = host.broadcast
  const pages: OpenedPage[] = []

  return {
    url: host.url,
    dataDir,
    db,
    services,
    dispatch,
    dialogs,
    opener,
    notifier,
    secrets,
    system,
    emitted,
    emit: (name, payload) => events.emit(name, payload),
    async open(browser, pageOptions = {}) {
      if (pageOptions.colorScheme) system.setTheme(pageOptions.colorScheme)
      if (pageOptions.locale) system.setLocale(pageOptions.locale)
      const opened = await openPage(browser, host.url, pageOptions)
      pages.push(opened)
      return opened
    },
    async close() {
      await Promise.allSettled(pages.map((p) => p.context.close()))
      await host.close()
      await services.dispose()
      db.close()
      if (ownDir) await rm(dataDir, { recursive: true, force: true })
    },
  }
}
