import { app, BrowserWindow, type Session } from 'electron'
import type { ExternalOpener, Theme } from '../platform'
import { isNavigationAllowed, isPermissionAllowed, windowOpenDecision } from './security'
import { type AppLocation, mainWindowOptions } from './window'

/**
 * Electron glue for the pure policies in security.ts: every web contents (the main window and
 * anything created later) gets the navigation, new-window and webview guards; the session gets
 * the deny-by-default permission handlers.
 */
export function installSecurityGuards(session: Session, appUrl: string, opener: ExternalOpener): void {
  session.setPermissionRequestHandler((_wc, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl, appUrl))
  })
  session.setPermissionCheckHandler((wc, permission, _origin, details) =>
    isPermissionAllowed(permission, details.requestingUrl ?? wc?.getURL(), appUrl),
  )
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (event) => {
      if (isNavigationAllowed(event.url, appUrl)) return
      event.preventDefault()
      // A link to Dintero's docs goes to the browser, if the safe predicate agrees (the opener logs
      // and never rejects; the catch is a second net).
      opener.open(event.url).catch(() => false)
    })
    contents.on('will-redirect', (event) => {
      if (!isNavigationAllowed(event.url, appUrl)) event.preventDefault()
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(({ url }) => windowOpenDecision(url, (u) => opener.open(u)))
  })
}

export function createMainWindow(location: AppLocation, theme: Theme, devTools: boolean): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(location.preloadPath, theme, devTools))
  win.once('ready-to-show', () => win.show())
  void win.loadURL(location.pageUrl)
  return win
}
