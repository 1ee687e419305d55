import { useEffect, useState } from 'react'
import { Alert } from '../components/Alert'
import { Button } from '../components/Button'
import { useI18n } from '../i18n/I18nProvider'
import { useApi } from './use-api'

/** "A new version is ready": shown once main has downloaded one; installs only on the user's word. */
export function UpdateBanner() {
  const { t } = useI18n()
  const { api, call } = useApi()
  const [version, setVersion] = useState<string | null>(null)
  const [refused, setRefused] = useState(false)
  useEffect(() => {
    const off = window.api.on.app.updateReady(({ version: v }) => setVersion(v))
    void window.api.app.updates({}).then((r) => {
      if (r.ok && r.value.ready) setVersion(r.value.ready)
    })
    return off
  }, [])
  if (!version) return null
  const install = async () => {
    const r = await call(api.app.installUpdate({}))
    setRefused(r ? !r.installing : false)
  }
  return (
    <Alert kind="info" testId="update-ready">
      {t('updates.ready', { version })}{' '}
      <Button variant="primary" onClick={() => void install()} data-testid="update-install">
        {t('updates.install')}
      </Button>{' '}
      <Button onClick={() => setVersion(null)}>{t('updates.later')}</Button>
      {refused && <p>{t('updates.notNow')}</p>}
    </Alert>
  )
}
