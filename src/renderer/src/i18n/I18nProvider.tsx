import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react'
import { type TFunction, translate } from './catalog'
import { type Lang, langFromLocale } from './define'
import { formatMoney, formatNumber } from './format'

const STORAGE_KEY = 'kravia-batch.language'

interface I18nValue {
  lang: Lang
  /** Explicit choice; remembered across restarts. */
  setLang: (lang: Lang) => void
  t: TFunction
  money: (ore: number) => string
  num: (n: number) => string
}

const I18nContext = createContext<I18nValue | null>(null)

function rememberedLang(): Lang | null {
  try {
    const v = window.localStorage.getItem(STORAGE_KEY)
    return v === 'nb' || v === 'en' ? v : null
  } catch {
    return null
  }
}

function remember(lang: Lang) {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang)
  } catch {
    // Storage can be unavailable (private profile); the settings store in main still has it.
  }
}

/**
 * Language follows the OS locale (from app:info) until the user picks one. The choice is kept in
 * main's settings (so it survives a new profile) and mirrored in localStorage for the first paint.
 */
export function I18nProvider({ osLocale, children }: { osLocale: string | null; children: ReactNode }) {
  const [chosen, setChosen] = useState<Lang | null>(rememberedLang)
  const lang: Lang = chosen ?? langFromLocale(osLocale ?? navigator.language)
  useEffect(() => {
    document.documentElement.lang = lang === 'nb' ? 'nb' : 'en'
  }, [lang])
  useEffect(() => {
    const apply = (l: Lang | null) => {
      if (l) {
        setChosen(l)
        remember(l)
      }
    }
    void window.api.settings
      .get({})
      .then((r) => r.ok && apply(r.value.language))
      .catch(() => undefined)
    return window.api.on.settings.changed((v) => apply(v.language))
  }, [])
  const setLang = useCallback((next: Lang) => {
    setChosen(next)
    remember(next)
    void window.api.settings.setLanguage({ language: next }).catch(() => undefined)
  }, [])
  const value = useMemo<I18nValue>(
    () => ({
      lang,
      setLang,
      t: (key, vars) => translate(lang, key, vars),
      money: (ore) => formatMoney(ore, lang),
      num: (n) => formatNumber(n, lang),
    }),
    [lang, setLang],
  )
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export function useI18n(): I18nValue {
  const v = useContext(I18nContext)
  if (!v) throw new Error('useI18n outside I18nProvider')
  return v
}

export function useT(): TFunction {
  return useI18n().t
}
