import { existsSync } from 'node:fs'
import electronUpdater from 'electron-updater'
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  Notification,
  nativeTheme,
  protocol,
  safeStorage,
  session,
  shell,
} from 'electron'
import { APP_ID, PRODUCT_NAME, resolveDataDir } from './paths'
import { createDispatcher } from './ipc/dispatch'
import { createFileLogger } from './log'
import { openAppDb } from './db/store'
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, appProtocolHandler } from './electron/app-protocol'
import { createMainWindow, installSecurityGuards } from './electron/app-window'
import { electronDialogs } from './electron/dialogs'
import { registerIpc, webContentsEventSink } from './electron/ipc'
import { createLaunchFiles, fileArgument } from './electron/launch-files'
import { buildMenuTemplate } from './electron/menu'
import { chooseNativeBinding, missingBindingMessage } from './electron/native-binding'
import { electronNotifier } from './electron/notifications'
import { SafeStorageSecretStore } from './electron/secrets'
import { electronOpener } from './electron/shell'
import { electronSystemInfo } from './electron/system'
import { appLocation } from './electron/window'
import { securePrivateDir } from './private-dir'
import { createAppServices } from './services'
import { createUpdates } from './updates'

/** Electron lifecycle only: everything it wires is built and tested elsewhere. */

// Files from the OS ("Open with", a second launch) wait here until the page listens.
let forwardFile: (path: string) => void = () => {}
const launchFiles = createLaunchFiles((path) => forwardFile(path))

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
  securePrivateDir(dataDir)
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

  // The database files were just created: owner-only, like the folder.
  securePrivateDir(dataDir)

  const location = appLocation(import.meta.dirname, process.env.ELECTRON_RENDERER_URL, app.isPackaged)
  protocol.handle(APP_SCHEME, appProtocolHandler(location.rendererDir))
  let win: BrowserWindow | null = null
  const events = webContentsEventSink(() => win?.webContents ?? null)
  forwardFile = (path) => events.emit('app:openFile', { path })
  const opener = electronOpener(shell, log)
  const updates = createUpdates({
    db,
    updater: app.isPackaged ? electronUpdater.autoUpdater : null,
    log,
    now: () => new Date(),
    onReady: (version) => events.emit('app:updateReady', { version }),
  })
  const system = electronSystemInfo(() => app.getLocale(), nativeTheme)
  const services = createAppServices({
    dataDir,
    db,
    log,
    events,
    dialogs: electronDialogs(dialog, () => win),
    secrets: new SafeStorageSecretStore(safeStorage, dataDir),
    opener,
    notifier: electronNotifier(
      {
        isSupported: () => Notification.isSupported(),
        create: (o) => new Notification(o),
      },
      () => {
        if (win?.isMinimized()) win.restore()
        win?.show()
        win?.focus()
      },
    ),
    system,
    clock: () => new Date(),
    version: app.getVersion(),
    launchFiles,
    updates,
  })
  // The check itself runs at most once a day (updates.ts); the hourly tick only asks whether it is due.
  const tick = () => void updates.tick()
  const firstCheck = setTimeout(tick, 60_000)
  const hourly = setInterval(tick, 60 * 60_000)
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
  win = createMainWindow(location, system.theme(), !app.isPackaged)
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
    clearTimeout(firstCheck)
    clearInterval(hourly)
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

// Before ready: app:// gets a real, secure origin (see app-protocol.ts).
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])
// Windows shows notifications only for an app with an AppUserModelID matching its shortcut.
if (process.platform === 'win32') app.setAppUserModelId(APP_ID)
// macOS hands files ("Open with", a drop on the Dock icon) as events, also before ready.
app.on('open-file', (event, path) => {
  event.preventDefault()
  const file = fileArgument(['', path], 'darwin')
  if (file) launchFiles.add(file)
})

// A second instance would open the same journal; hand focus, and its file, to the first one.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  const first = fileArgument(process.argv)
  if (first) launchFiles.add(first)
  app.on('second-instance', (_event, argv) => {
    const file = fileArgument(argv)
    if (file) launchFiles.add(file)
    const w = BrowserWindow.getAllWindows()[0]
    if (w?.isMinimized()) w.restore()
    w?.focus()
  })
  start().catch((e: unknown) => fatal(`${PRODUCT_NAME} cannot start`, String(e)))
}
