import { describe, expect, it } from 'vitest'
import { globalShortcut } from '../../../src/renderer/src/app/shortcuts'

const key = (
  k: string,
  mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {},
  inField = false,
) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  inField,
  ...mods,
})

describe('global shortcuts', () => {
  it('opens a file with Ctrl+O or Cmd+O', () => {
    expect(globalShortcut(key('o', { ctrlKey: true }))).toBe('open-file')
    expect(globalShortcut(key('O', { metaKey: true }))).toBe('open-file')
    expect(globalShortcut(key('o'))).toBeNull()
  })
  it('navigates with Alt+1..3', () => {
    expect(globalShortcut(key('1', { altKey: true }))).toBe('start')
    expect(globalShortcut(key('2', { altKey: true }))).toBe('history')
    expect(globalShortcut(key('3', { altKey: true }))).toBe('settings')
  })
  it('shows help on F1 anywhere, and on ? only outside text fields', () => {
    expect(globalShortcut(key('F1', {}, true))).toBe('help')
    expect(globalShortcut(key('?'))).toBe('help')
    expect(globalShortcut(key('?', {}, true))).toBeNull()
  })
})
