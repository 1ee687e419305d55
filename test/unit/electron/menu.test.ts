import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { buildMenuTemplate, type MenuAction } from '../../../src/main/electron/menu'

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((m) => [m, ...(Array.isArray(m.submenu) ? items(m.submenu) : [])])
}

function click(item: MenuItemConstructorOptions | undefined): void {
  const fn = item?.click as unknown as (() => void) | undefined
  if (!fn) throw new Error('menu item has no click handler')
  fn()
}

function setup(platform: NodeJS.Platform, devTools = false, locale = 'en-US') {
  const emitted: MenuAction[] = []
  const saved: string[] = []
  const template = buildMenuTemplate({
    platform,
    appName: 'Kravia Batch',
    locale,
    emit: (a) => emitted.push(a),
    saveTemplate: (f) => saved.push(f),
    devTools,
  })
  return { emitted, saved, template, all: items(template) }
}

describe('native menu', () => {
  it('has File › Open… (Ctrl+O) and Quit, and Help › About, on Windows and Linux', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const { template, all, emitted } = setup(platform)
      expect(template.map((m) => m.label)).toEqual(['File', 'Edit', 'Go', 'Help'])
      const open = all.find((i) => i.id === 'open-file')
      expect(open).toMatchObject({ label: 'Open…', accelerator: 'CmdOrCtrl+O' })
      expect(all.find((i) => i.id === 'quit')).toMatchObject({ role: 'quit' })
      click(open)
      click(all.find((i) => i.id === 'about'))
      expect(emitted).toEqual(['open-file', 'about'])
    }
  })

  it('follows macOS conventions: app menu with About and Quit first', () => {
    const { template, all, emitted } = setup('darwin')
    expect(template[0].label).toBe('Kravia Batch')
    const appMenu = items(template.slice(0, 1))
    expect(appMenu.some((i) => i.role === 'quit')).toBe(true)
    click(appMenu.find((i) => i.id === 'about-app'))
    expect(emitted).toEqual(['about'])
    expect(all.find((i) => i.id === 'quit')).toBeUndefined()
  })

  it('offers developer tools only when asked (unpackaged app)', () => {
    expect(setup('linux').all.some((i) => i.role === 'toggleDevTools')).toBe(false)
    expect(setup('linux', true).all.some((i) => i.role === 'toggleDevTools')).toBe(true)
  })

  it('mirrors the main actions: the template downloads and Go › Start, History, Settings with Alt+1–3', () => {
    const { all, emitted, saved } = setup('linux')
    click(all.find((i) => i.id === 'template-csv'))
    click(all.find((i) => i.id === 'template-xlsx'))
    expect(saved).toEqual(['csv', 'xlsx'])
    for (const [id, key] of [
      ['go-start', 'Alt+1'],
      ['go-history', 'Alt+2'],
      ['go-settings', 'Alt+3'],
    ]) {
      const item = all.find((i) => i.id === id)
      expect(item?.accelerator).toBe(key)
      click(item)
    }
    expect(emitted).toEqual(['start', 'history', 'settings'])
  })

  it('speaks Norwegian when the OS does', () => {
    const { template, all } = setup('win32', false, 'nb-NO')
    expect(template.map((m) => m.label)).toEqual(['Fil', 'Rediger', 'Gå til', 'Hjelp'])
    expect(all.find((i) => i.id === 'open-file')?.label).toBe('Åpne…')
    expect(all.find((i) => i.id === 'about')?.label).toBe('Om Kravia Batch')
    expect(setup('linux', false, 'nn').template[0].label).toBe('Fil')
    expect(setup('linux', false, 'sv-SE').template[0].label).toBe('File')
  })
})
