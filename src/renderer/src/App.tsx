import { useCallback, useEffect, useState } from 'react'
import type { AppInfo } from '../../shared/contract'
import type { IpcError } from '../../shared/ipc'
import { AppInfoProvider } from './app/app-info'
import { Shell } from './app/Shell'
import { NavProvider } from './app/navigation'
import type { Route } from './app/routes'
import { ToastProvider } from './components/Toast'
import { I18nProvider } from './i18n/I18nProvider'

export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null)
  const [infoError, setInfoError] = useState<IpcError | null>(null)
  const [route, setRoute] = useState<Route>({ screen: 'start' })

  const refresh = useCallback(async () => {
    const r = await window.api.app.info({})
    if (r.ok) {
      setInfo(r.value)
      setInfoError(null)
    } else setInfoError(r.error)
  }, [])
  useEffect(() => {
    void refresh()
    // The badge must follow any change of environment or account, wherever it was made.
    return window.api.on.settings.changed(() => void refresh())
  }, [refresh])

  const navigate = useCallback((next: Route) => {
    setRoute(next)
    // Screen changes move focus to the new screen's heading, so keyboard and screen-reader users land there.
    requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus())
  }, [])

  return (
    <I18nProvider osLocale={info?.locale ?? null}>
      <ToastProvider>
        <AppInfoProvider value={{ info, refresh }}>
          <NavProvider value={{ route, navigate }}>
            <Shell infoError={infoError} />
          </NavProvider>
        </AppInfoProvider>
      </ToastProvider>
    </I18nProvider>
  )
}
