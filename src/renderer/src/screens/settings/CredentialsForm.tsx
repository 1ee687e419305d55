import { type FormEvent, useRef, useState } from 'react'
import type { SettingsView } from '../../../../shared/contract'
import { useApi } from '../../app/use-api'
import { Button } from '../../components/Button'
import { useI18n } from '../../i18n/I18nProvider'
import { Field } from './Field'

interface Props {
  env: 'test' | 'production'
  view: SettingsView
  onView: (view: SettingsView) => void
}

/**
 * Account id, client id and secret for one real environment. The secret lives only in the
 * uncontrolled input until it is sent; the form is reset right after, so no React state, DOM
 * value or later message holds it.
 */
export function CredentialsForm({ env, view, onView }: Props) {
  const { t } = useI18n()
  const { api, call } = useApi()
  const formRef = useRef<HTMLFormElement>(null)
  const [busy, setBusy] = useState(false)
  const [note, setNote] = useState<string | null>(null)
  const current = view.environments[env]
  const blocked = env === 'production' && !view.secureStore.secure

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const form = e.currentTarget
    const data = new FormData(form)
    const field = (name: string) => String(data.get(name) ?? '')
    setBusy(true)
    setNote(null)
    const next = await call(
      api.settings.saveCredentials({
        environment: env,
        accountId: field('accountId'),
        clientId: field('clientId'),
        clientSecret: field('clientSecret'),
      }),
    )
    // Whatever the outcome, the typed secret leaves the page now.
    const secret = form.elements.namedItem('clientSecret') as HTMLInputElement | null
    if (secret) secret.value = ''
    const clientId = form.elements.namedItem('clientId') as HTMLInputElement | null
    if (clientId) clientId.value = ''
    setBusy(false)
    if (next) {
      onView(next)
      setNote(t('settings.credentialsSaved'))
    }
  }

  const onClear = async () => {
    const next = await call(api.settings.clearCredentials({ environment: env }))
    if (next) {
      onView(next)
      setNote(t('settings.credentialsCleared'))
      formRef.current?.reset()
    }
  }

  return (
    <form
      ref={formRef}
      className="settings-credentials"
      onSubmit={onSubmit}
      data-testid={`credentials-${env}`}
    >
      <p
        className={`settings-stored ${current.credentialsStored ? 'is-yes' : 'is-no'}`}
        data-testid={`stored-${env}`}
      >
        {current.credentialsStored ? t('settings.stored') : t('settings.notStored')}
      </p>
      <Field label={t('settings.accountId')}>
        {(id) => (
          <input
            id={id}
            name="accountId"
            defaultValue={current.accountId ?? ''}
            placeholder={env === 'test' ? 'T12345678' : 'P12345678'}
            autoComplete="off"
            spellCheck={false}
            disabled={blocked}
            required
          />
        )}
      </Field>
      <Field label={t('settings.clientId')}>
        {(id) => (
          <input id={id} name="clientId" autoComplete="off" spellCheck={false} disabled={blocked} required />
        )}
      </Field>
      <Field label={t('settings.clientSecret')}>
        {(id) => (
          <input
            id={id}
            name="clientSecret"
            type="password"
            autoComplete="new-password"
            disabled={blocked}
            required
            data-testid={`secret-${env}`}
          />
        )}
      </Field>
      {current.credentialsStored && <p className="muted">{t('settings.storedHint')}</p>}
      <div className="form-actions">
        <Button
          type="submit"
          variant="primary"
          disabled={busy || blocked}
          data-testid={`save-credentials-${env}`}
        >
          {t('settings.saveCredentials')}
        </Button>
        {current.credentialsStored && (
          <Button variant="danger" onClick={onClear} data-testid={`clear-credentials-${env}`}>
            {t('settings.clearCredentials')}
          </Button>
        )}
      </div>
      {note && (
        <p role="status" className="settings-note">
          {note}
        </p>
      )}
    </form>
  )
}
