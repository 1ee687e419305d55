import type { NativeTheme } from 'electron'
import type { SystemInfo, Theme } from '../platform'

export type NativeThemeLike = Pick<NativeTheme, 'shouldUseDarkColors' | 'on' | 'removeListener'>

/** Locale and light/dark from the OS; theme changes are forwarded as they happen. */
export function electronSystemInfo(locale: () => string, nativeTheme: NativeThemeLike): SystemInfo {
  const theme = (): Theme => (nativeTheme.shouldUseDarkColors ? 'dark' : 'light')
  return {
    locale,
    theme,
    onThemeChange(listener) {
      const forward = () => listener(theme())
      nativeTheme.on('updated', forward)
      return () => {
        nativeTheme.removeListener('updated', forward)
      }
    },
  }
}
