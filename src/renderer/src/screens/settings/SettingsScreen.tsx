import { useEffect, useState } from 'react'
import type { EnvironmentKind, SettingsView } from '../../../../shared/contract'
import { useAppInfo } from '../../app/app-info'
import type { RouteOf } from '../../app/routes'
import { errorText, useApi, useResource } from '../../app/use-api'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import type { MessageKey } from '../../i18n/catalog'
import { secretStoreName } from './secret-store-name'
import { useI18n } from '../../i18n/I18nProvider'
import { CredentialsForm } from './CredentialsForm'
import { DefaultsForm } from './DefaultsForm'
import { SecretsProblem } from './SecretsProblem'
import { UpdatesSection } from './UpdatesSection'
import './settings.css'

const ENVS: { env: EnvironmentKind; label: MessageKey }[] = [
  { env: 'sandbox', label: 'settings.envSandbox' },
  { env: 'test', label: 'settings.envTest' },
  { env: 'production', label: 'settings.envProduction' },
]

function ConnectionTest({ env }: { env: EnvironmentKind }) {
  const { t, lang } = useI18n()
  const { api, call } = useApi()
  const [busy, setBusy] = useState(false)
  // Both languages are kept, so switching language also switches the shown answer.
  const [result, setResult] = useState<{ ok: boolean; message: string; message_nb: string } | null>(null)
  const run = async () => {
    setBusy(true)
    setResult(null)
    const r = await call(api.settings.testConnection({ environment: env }))
    setBusy(false)
    if (r) setResult(r)
  }
  return (
    <div className="settings-test">
      <Button onClick={run} disabled={busy} data-testid={`test-connection-${env}`}>
        {busy ? t('settings.testing') : t('settings.testConnection')}
      </Button>
      {result && (
        <span
          role="status"
          className={result.ok ? 'settings-ok' : 'settings-fail'}
          data-testid={`connection-result-${env}`}
        >
          {lang === 'nb' ? result.message_nb : result.message}
        </span>
      )}
    </div>
  )
}

export function SettingsScreen(_: { route: RouteOf<'settings'> }) {
  const { t, lang, setLang } = useI18n()
  const { api, call } = useApi()
  const { refresh } = useAppInfo()
  const loaded = useResource((a) => a.settings.get({}), [])
  const [view, setView] = useState<SettingsView | null>(null)
  useEffect(() => {
    if (loaded.data) setView(loaded.data)
  }, [loaded.data])
  useEffect(() => window.api.on.settings.changed((v) => setView(v)), [])

  const choose = async (env: EnvironmentKind) => {
    const next = await call(api.settings.setEnvironment({ environment: env }))
    if (next) {
      setView(next)
      void refresh()
    }
  }
  const chooseLang = async (next: 'nb' | 'en') => {
    setLang(next)
    const v = await call(api.settings.setLanguage({ language: next }))
    if (v) setView(v)
  }

  return (
    <main className="screen settings-screen" data-testid="settings-screen">
      <h1 tabIndex={-1}>{t('settings.title')}</h1>
      {loaded.error && <Alert kind="error">{errorText(loaded.error, lang)}</Alert>}
      {view && (
        <>
          <section aria-labelledby="settings-env" className="settings-section">
            <h2 id="settings-env">{t('settings.envHeading')}</h2>
            <p className="muted">{t('settings.envIntro')}</p>
            <Alert kind={view.secureStore.secure ? 'info' : 'warning'} testId="secure-store">
              {t(view.secureStore.secure ? 'settings.secureStore' : 'settings.insecureStore', {
                backend: t(secretStoreName(view.secureStore.backend)),
              })}
            </Alert>
            <SecretsProblem view={view} onView={setView} />
            <fieldset className="settings-envs">
              <legend className="visually-hidden">{t('settings.envHeading')}</legend>
              {ENVS.map(({ env, label }) => {
                const active = view.environment === env
                const ready = env === 'sandbox' || view.environments[env].credentialsStored
                return (
                  <div key={env} className={`settings-env env-card-${env}${active ? ' is-active' : ''}`}>
                    <label className="settings-env-choice">
                      <input
                        type="radio"
                        name="environment"
                        value={env}
                        checked={active}
                        disabled={!ready}
                        onChange={() => void choose(env)}
                        data-testid={`env-${env}`}
                      />
                      <span>{t(label)}</span>
                      {active && <span className="settings-active">{t('settings.envActive')}</span>}
                    </label>
                    {env !== 'sandbox' && <CredentialsForm env={env} view={view} onView={setView} />}
                    {ready && <ConnectionTest env={env} />}
                  </div>
                )
              })}
            </fieldset>
          </section>
          <section aria-labelledby="settings-defaults" className="settings-section">
            <h2 id="settings-defaults">{t('settings.defaultsHeading')}</h2>
            <DefaultsForm view={view} onView={setView} />
          </section>
          <section aria-labelledby="settings-lang" className="settings-section">
            <h2 id="settings-lang">{t('settings.languageHeading')}</h2>
            <p className="muted">{t('settings.languageHint')}</p>
            <div className="settings-langs" role="radiogroup" aria-labelledby="settings-lang">
              {(['nb', 'en'] as const).map((l) => (
                <label key={l}>
                  <input
                    type="radio"
                    name="language"
                    checked={lang === l}
                    onChange={() => void chooseLang(l)}
                    data-testid={`lang-${l}`}
                  />
                  {t(l === 'nb' ? 'common.langNb' : 'common.langEn')}
                </label>
              ))}
            </div>
          </section>
          <UpdatesSection />
        </>
      )}
    </main>
  )
}
