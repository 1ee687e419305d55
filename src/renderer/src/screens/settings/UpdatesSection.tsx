import { useEffect, useState } from 'react'
import { useApi } from '../../app/use-api'
import { useI18n } from '../../i18n/I18nProvider'

type State = { supported: boolean; enabled: boolean; ready: string | null }

/** Settings › Updates: the daily check of the installed app, on or off. */
export function UpdatesSection() {
  const { t } = useI18n()
  const { api, call } = useApi()
  const [state, setState] = useState<State | null>(null)
  useEffect(() => {
    void call(api.app.updates({}), { quiet: true }).then((s) => s && setState(s))
  }, [api, call])
  if (!state) return null
  const toggle = async (enabled: boolean) => {
    const next = await call(api.app.updates({ enabled }))
    if (next) setState(next)
  }
  return (
    <section aria-labelledby="settings-updates" className="settings-section">
      <h2 id="settings-updates">{t('updates.heading')}</h2>
      <label>
        <input
          type="checkbox"
          checked={state.enabled}
          onChange={(e) => void toggle(e.target.checked)}
          data-testid="updates-enabled"
        />{' '}
        {t('updates.check')}
      </label>
      <p className="muted">{t(state.supported ? 'updates.hint' : 'updates.unsupported')}</p>
    </section>
  )
}
