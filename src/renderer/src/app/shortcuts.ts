/** App-wide keys, as a pure function of the key event so it can be unit-tested. */
export type GlobalAction = 'open-file' | 'help' | 'start' | 'history' | 'settings'

export interface KeyLike {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  shiftKey: boolean
  /** True when typing in a field: plain keys like `?` then belong to the field. */
  inField?: boolean
}

export function globalShortcut(e: KeyLike & { target?: unknown }): GlobalAction | null {
  const inField = e.inField ?? isField(e.target)
  const mod = e.ctrlKey || e.metaKey
  if (mod && !e.altKey && e.key.toLowerCase() === 'o') return 'open-file'
  if (e.key === 'F1') return 'help'
  if (e.key === '?' && !inField && !mod) return 'help'
  if (e.altKey && !mod) {
    if (e.key === '1') return 'start'
    if (e.key === '2') return 'history'
    if (e.key === '3') return 'settings'
  }
  return null
}

function isField(target: unknown): boolean {
  const t = target as { tagName?: string; isContentEditable?: boolean } | null | undefined
  if (!t?.tagName) return false
  return (
    t.tagName === 'INPUT' ||
    t.tagName === 'TEXTAREA' ||
    t.tagName === 'SELECT' ||
    t.isContentEditable === true
  )
}
