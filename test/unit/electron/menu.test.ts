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

function setup(platform: NodeJS.Platform, devTools = false) {
  const emitted: MenuAction[] = []
  const template = buildMenuTemplate({
    platform,
    appName: 'Kravia Batch',
    emit: (a) => emitted.push(a),
    devTools,
  })
  return { emitted, template, all: items(template) }
}

describe('native menu', () => {
  it('has File › Open… (Ctrl+O) and Quit, and Help › About, on Windows and Linux', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const { template, all, emitted } = setup(platform)
      expect(template.map((m) => m.label)).toEqual(['File', 'Edit', 'Help'])
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
})
