import { type Lang, interpolate, type Vars } from './define'
import { areas } from './strings'

type Areas = typeof areas
type AreaName = keyof Areas & string

/** Every valid message key, `area.key`; `t()` with anything else does not compile. */
export type MessageKey = {
  [A in AreaName]: `${A}.${keyof Areas[A]['nb'] & string}`
}[AreaName]

const catalogs = new Map<Lang, Map<string, string>>()

function catalog(lang: Lang): Map<string, string> {
  let c = catalogs.get(lang)
  if (!c) {
    c = new Map()
    for (const [area, table] of Object.entries(areas) as [string, Record<Lang, Record<string, string>>][]) {
      for (const [key, text] of Object.entries(table[lang])) c.set(`${area}.${key}`, text)
    }
    catalogs.set(lang, c)
  }
  return c
}

export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const text = catalog(lang).get(key)
  return text === undefined ? key : interpolate(text, vars)
}

export type TFunction = (key: MessageKey, vars?: Vars) => string
