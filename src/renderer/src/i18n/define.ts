/**
 * Per-area string tables. Norwegian bokmål is the reference: the English table must have exactly
 * the same keys, so a key missing in either language is a type error, not a blank label.
 */
export type Lang = 'nb' | 'en'

export interface AreaStrings<K extends string> {
  nb: Record<K, string>
  en: Record<K, string>
}

export function defineStrings<const K extends string>(strings: {
  nb: Record<K, string>
  en: Record<NoInfer<K>, string>
}): AreaStrings<K> {
  return strings
}

export type Vars = Record<string, string | number>

/** Replaces `{name}` placeholders; an unknown placeholder is left visible so it gets noticed. */
export function interpolate(template: string, vars?: Vars): string {
  if (!vars) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(vars, name) ? String(vars[name]) : whole,
  )
}

/** The OS locale (e.g. `nb-NO`, `nn`, `no`, `en-GB`) decides the first language; everything else is English. */
export function langFromLocale(locale: string | undefined | null): Lang {
  const base = (locale ?? '').toLowerCase().split(/[-_]/)[0]
  return base === 'nb' || base === 'nn' || base === 'no' ? 'nb' : 'en'
}
