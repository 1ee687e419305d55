import { existsSync } from 'node:fs'
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  Notification,
  nativeTheme,
  safeStorage,
  session,
  shell,
} from 'electron'
import { PRODUCT_NAME, resolveDataDir } from './paths'
import { createDispatcher } from './ipc/dispatch'
import { createFileLogger } from './log'
import { openAppDb } from './db/store'
import { createMainWindow, installSecurityGuards } from './electron/app-window'
import { electronDialogs } from './electron/dialogs'
import { registerIpc, webContentsEventSink } from './electron/ipc'
import { buildMenuTemplate } from './electron/menu'
import { chooseNativeBinding, missingBindingMessage } from './electron/native-binding'
import { electronNotifier } from './electron/notifications'
import { SafeStorageSecretStore } from './electron/secrets'
import { electronOpener } from './electron/shell'
import { electronSystemInfo } from './electron/system'
import { appLocation } from './electron/window'
import { createAppServices } from './services'

/** Electron lifecycle only: everything it wires is built and tested elsewhere. */

function fatal(title: string, message: string): void {
  // showErrorBox is synchronous and works before and after `ready`: one clear dialog, then quit.
  dialog.showErrorBox(title, message)
  app.exit(1)
}

async function start(): Promise<void> {
  await app.whenReady()
  const binding = chooseNativeBinding({
    versions: process.versions,
    appRoot: app.getAppPath(),
    packaged: app.isPackaged,
    exists: existsSync,
  })
  if (binding.kind === 'missing') {
    const m = missingBindingMessage(binding)
    return fatal(m.title, `${m.message}\n\n${m.detail}`)
  }

  const dataDir = resolveDataDir(undefined)
  const log = createFileLogger(dataDir)
  let db: ReturnType<typeof openAppDb>
  try {
    db = openAppDb(dataDir, { nativeBinding: binding.kind === 'electron' ? binding.path : undefined })
  } catch (e) {
    log.error('could not open the database', e)
    return fatal(
      `${PRODUCT_NAME} cannot start`,
      `The database in ${dataDir} could not be opened: ${(e as Error).message}`,
    )
  }

  const location = appLocation(import.meta.dirname, process.env.ELECTRON_RENDERER_URL, app.isPackaged)
  let win: BrowserWindow | null = null
  const events = webContentsEventSink(() => win?.webContents ?? null)
  const opener = electronOpener(shell)
  const system = electronSystemInfo(() => app.getLocale(), nativeTheme)
  const services = createAppServices({
    dataDir,
    db,
    log,
    events,
    dialogs: electronDialogs(dialog, () => win),
    secrets: new SafeStorageSecretStore(safeStorage, dataDir),
    opener,
    notifier: electronNotifier({
      isSupported: () => Notification.isSupported(),
      create: (o) => new Notification(o),
    }),
    system,
    clock: () => new Date(),
    version: app.getVersion(),
  })
  const unregister = registerIpc(ipcMain, createDispatcher(services.handlers, log), location.pageUrl, log)
  installSecurityGuards(session.defaultSession, location.pageUrl, opener)
  const menu = buildMenuTemplate({
    platform: process.platform,
    appName: PRODUCT_NAME,
    locale: system.locale(),
    emit: (action) => events.emit('app:menu', { action }),
    saveTemplate: (format) => {
      Promise.resolve(services.handlers['template:save']({ format })).catch((e: unknown) =>
        log.error('saving the template from the menu failed', e),
      )
    },
    devTools: !app.isPackaged,
  })
  Menu.setApplicationMenu(Menu.buildFromTemplate(menu))
  win = createMainWindow(location, system.theme())
  win.on('closed', () => {
    win = null
  })
  log.info(`started ${PRODUCT_NAME} ${app.getVersion()} (Electron ${process.versions.electron})`)

  // One window owning one database: closing it quits the app on every platform.
  app.on('window-all-closed', () => app.quit())
  let stopped = false
  app.on('will-quit', (event) => {
    if (stopped) return
    event.preventDefault()
    stopped = true
    unregister()
    services
      .dispose()
      .catch((e: unknown) => log.error('shutdown failed', e))
      .finally(() => {
        db.close()
        app.quit()
      })
  })
}

// A second instance would open the same journal; hand focus to the first one instead.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    const w = BrowserWindow.getAllWindows()[0]
    if (w?.isMinimized()) w.restore()
    w?.focus()
  })
  start().catch((e: unknown) => fatal(`${PRODUCT_NAME} cannot start`, String(e)))
}
