import { useState } from 'react'
import type { SettingsView } from '../../../../shared/contract'
import { useApi } from '../../app/use-api'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { useI18n } from '../../i18n/I18nProvider'

/** The saved credentials cannot be read (a damaged file): say so, and offer to set it aside. */
export function SecretsProblem({ view, onView }: { view: SettingsView; onView: (v: SettingsView) => void }) {
  const { t, lang } = useI18n()
  const { api, call } = useApi()
  const [done, setDone] = useState(false)
  if (done && !view.secretsProblem) return <Alert kind="info">{t('secrets.resetDone')}</Alert>
  if (!view.secretsProblem) return null
  const reset = async () => {
    const next = await call(api.settings.resetSecrets({}))
    if (next) {
      setDone(true)
      onView(next)
    }
  }
  return (
    <Alert kind="error" testId="secrets-problem">
      {lang === 'nb' ? view.secretsProblem.message_nb : view.secretsProblem.message}{' '}
      <Button onClick={() => void reset()} data-testid="secrets-reset">
        {t('secrets.reset')}
      </Button>
    </Alert>
  )
}
