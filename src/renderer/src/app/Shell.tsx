import { useEffect, useState } from 'react'
import type { IpcError } from '../../../shared/ipc'
import { Alert } from '../components/Alert'
import { Button } from '../components/Button'
import { Dialog } from '../components/Dialog'
import { useI18n } from '../i18n/I18nProvider'
import { RunWatcher } from '../screens/run/RunWatcher'
import { useAppInfo } from './app-info'
import { useNavigate, useRoute } from './navigation'
import { globalShortcut } from './shortcuts'
import { ShortcutsDialog } from './ShortcutsDialog'
import { screens } from './screens'
import { TopBar } from './TopBar'
import { UpdateBanner } from './UpdateBanner'
import { errorText } from './use-api'
import { useLaunchFiles } from './use-launch-files'
import { useOpenFile } from './use-open-file'

/** The window: top bar, the current screen, and the app-wide dialogs, menu and shortcuts. */
export function Shell({ infoError }: { infoError: IpcError | null }) {
  const { t, lang } = useI18n()
  const route = useRoute()
  const navigate = useNavigate()
  const { info } = useAppInfo()
  const openFile = useOpenFile()
  useLaunchFiles()
  const [showShortcuts, setShowShortcuts] = useState(false)
  const [showAbout, setShowAbout] = useState(false)

  useEffect(() => {
    return window.api.on.app.menu(({ action }) => {
      if (action === 'open-file') void openFile()
      else if (action === 'about') setShowAbout(true)
      else navigate({ screen: action })
    })
  }, [navigate, openFile])

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = globalShortcut(e)
      if (!action) return
      // A modal confirmation (void, cancel, discard …) owns the keyboard until it is answered:
      // Alt+2 or Ctrl+O must not navigate away behind it.
      if (document.querySelector('dialog[open]')) return
      e.preventDefault()
      if (action === 'open-file') void openFile()
      else if (action === 'help') setShowShortcuts(true)
      else navigate({ screen: action })
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [navigate, openFile])

  const Screen = screens[route.screen] as React.ComponentType<{ route: typeof route }> | undefined
  return (
    <div className="app">
      <TopBar onShowShortcuts={() => setShowShortcuts(true)} />
      {infoError && <Alert kind="error">{errorText(infoError, lang)}</Alert>}
      <UpdateBanner />
      {Screen ? (
        <Screen key={JSON.stringify(route)} route={route} />
      ) : (
        <main className="screen">
          <h1 tabIndex={-1}>{route.screen}</h1>
          <p>{t('common.screenMissing')}</p>
        </main>
      )}
      <RunWatcher />
      <ShortcutsDialog open={showShortcuts} onClose={() => setShowShortcuts(false)} />
      <Dialog
        open={showAbout}
        title={t('common.appName')}
        onClose={() => setShowAbout(false)}
        testId="about-dialog"
        footer={<Button onClick={() => setShowAbout(false)}>{t('common.close')}</Button>}
      >
        <p>
          {info?.name ?? t('common.appName')} {info?.version}
        </p>
        <p className="muted">{info?.dataDir}</p>
      </Dialog>
    </div>
  )
}
