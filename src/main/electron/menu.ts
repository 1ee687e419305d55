import type { MenuItemConstructorOptions } from 'electron'
import type { EventPayload } from '../../shared/contract'

export type MenuAction = EventPayload<'app:menu'>['action']

export interface MenuDeps {
  platform: NodeJS.Platform
  appName: string
  /** Sends `app:menu` to the renderer, which owns the screens. */
  emit(action: MenuAction): void
  /** Developer tools only for an unpackaged app. */
  devTools: boolean
}

/**
 * The native menu: File › Open…, Quit; Help › About (plus the standard Edit menu, without which
 * copy/paste shortcuts do not work on macOS). Built by a pure function so a test can click it.
 */
export function buildMenuTemplate(deps: MenuDeps): MenuItemConstructorOptions[] {
  const mac = deps.platform === 'darwin'
  const about: MenuItemConstructorOptions = {
    id: 'about',
    label: `About ${deps.appName}`,
    click: () => deps.emit('about'),
  }
  const template: MenuItemConstructorOptions[] = []
  if (mac) {
    template.push({
      label: deps.appName,
      submenu: [
        { ...about, id: 'about-app' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    })
  }
  template.push({
    label: 'File',
    submenu: [
      { id: 'open-file', label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => deps.emit('open-file') },
      ...(mac ? [] : [{ type: 'separator' as const }, { id: 'quit', role: 'quit' as const, label: 'Quit' }]),
    ],
  })
  template.push({
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  })
  if (deps.devTools) {
    template.push({ label: 'View', submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }] })
  }
  template.push({ label: 'Help', role: 'help', submenu: [about] })
  return template
}
