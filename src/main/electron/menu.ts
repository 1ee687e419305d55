import type { MenuItemConstructorOptions } from 'electron'
import type { EventPayload } from '../../shared/contract'

export type MenuAction = EventPayload<'app:menu'>['action']

export interface MenuDeps {
  platform: NodeJS.Platform
  appName: string
  /** The OS locale: Norwegian (nb, nn, no) gets Norwegian labels, anything else English. */
  locale?: string
  /** Sends `app:menu` to the renderer, which owns the screens. */
  emit(action: MenuAction): void
  /** Saves the blank invoice template through the save dialog (main-side; no screen involved). */
  saveTemplate?(format: 'csv' | 'xlsx'): void
  /** Developer tools only for an unpackaged app. */
  devTools: boolean
}

const LABELS = {
  en: {
    file: 'File',
    open: 'Open…',
    templateCsv: 'Download template (CSV)…',
    templateXlsx: 'Download template (Excel)…',
    quit: 'Quit',
    edit: 'Edit',
    go: 'Go',
    start: 'Start',
    history: 'History',
    settings: 'Settings',
    help: 'Help',
    about: (name: string) => `About ${name}`,
  },
  nb: {
    file: 'Fil',
    open: 'Åpne…',
    templateCsv: 'Last ned mal (CSV)…',
    templateXlsx: 'Last ned mal (Excel)…',
    quit: 'Avslutt',
    edit: 'Rediger',
    go: 'Gå til',
    start: 'Start',
    history: 'Historikk',
    settings: 'Innstillinger',
    help: 'Hjelp',
    about: (name: string) => `Om ${name}`,
  },
}

export function menuLanguage(locale: string | undefined): 'nb' | 'en' {
  return /^(nb|nn|no)\b/i.test(locale ?? '') ? 'nb' : 'en'
}

/**
 * The native menu mirrors the main actions: File › Open…, the template downloads, Quit; Go › Start,
 * History, Settings (the same Alt+1–3 the window uses); Help › About; plus the standard Edit menu,
 * without which copy/paste shortcuts do not work on macOS. Built by a pure function so a test can
 * click it.
 */
export function buildMenuTemplate(deps: MenuDeps): MenuItemConstructorOptions[] {
  const mac = deps.platform === 'darwin'
  const l = LABELS[menuLanguage(deps.locale)]
  const about: MenuItemConstructorOptions = {
    id: 'about',
    label: l.about(deps.appName),
    click: () => deps.emit('about'),
  }
  const templates: MenuItemConstructorOptions[] = deps.saveTemplate
    ? [
        { type: 'separator' },
        { id: 'template-csv', label: l.templateCsv, click: () => deps.saveTemplate?.('csv') },
        { id: 'template-xlsx', label: l.templateXlsx, click: () => deps.saveTemplate?.('xlsx') },
      ]
    : []
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
    label: l.file,
    submenu: [
      { id: 'open-file', label: l.open, accelerator: 'CmdOrCtrl+O', click: () => deps.emit('open-file') },
      ...templates,
      ...(mac ? [] : [{ type: 'separator' as const }, { id: 'quit', role: 'quit' as const, label: l.quit }]),
    ],
  })
  template.push({
    label: l.edit,
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
  template.push({
    label: l.go,
    submenu: (['start', 'history', 'settings'] as const).map((screen, i) => ({
      id: `go-${screen}`,
      label: l[screen],
      accelerator: `Alt+${i + 1}`,
      click: () => deps.emit(screen),
    })),
  })
  if (deps.devTools) {
    template.push({ label: 'View', submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }] })
  }
  template.push({ label: l.help, role: 'help', submenu: [about] })
  return template
}
