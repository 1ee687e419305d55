import { type FormEvent, useId, useState } from 'react'
import type { RunDefaults, SettingsView } from '../../../../shared/contract'
import { useApi } from '../../app/use-api'
import { Button } from '../../components/Button'
import type { MessageKey } from '../../i18n/catalog'
import { useI18n } from '../../i18n/I18nProvider'

const PRODUCTS: [RunDefaults['productType'], MessageKey][] = [
  ['kravia.invoice_b2b', 'settings.productB2b'],
  ['kravia.invoice_b2b_grouped', 'settings.productB2bGrouped'],
  ['kravia.invoice_b2c', 'settings.productB2c'],
]
const CHANNELS: [RunDefaults['invoiceChannel'], MessageKey][] = [
  ['kravia', 'settings.channelKravia'],
  ['merchant', 'settings.channelMerchant'],
]
const TOGGLES: [RunDefaults['toggle'], MessageKey][] = [
  ['strict-success-merchant-reference', 'settings.toggleStrictSuccess'],
  ['strict-merchant-reference', 'settings.toggleStrict'],
  ['off', 'settings.toggleOff'],
]

export function DefaultsForm({ view, onView }: { view: SettingsView; onView: (v: SettingsView) => void }) {
  const { t } = useI18n()
  const { api, call } = useApi()
  const [d, setD] = useState<RunDefaults>(view.defaults)
  const [saved, setSaved] = useState(false)
  const id = useId()
  const set = <K extends keyof RunDefaults>(key: K, value: RunDefaults[K]) => {
    setSaved(false)
    setD((x) => ({ ...x, [key]: value }))
  }

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault()
    const next = await call(api.settings.saveDefaults(d))
    if (next) {
      onView(next)
      setD(next.defaults)
      setSaved(true)
    }
  }

  return (
    <form className="settings-defaults" onSubmit={onSubmit} data-testid="defaults-form">
      <div className="form-row">
        <label htmlFor={`${id}-days`}>{t('settings.daysUntilDue')}</label>
        <input
          id={`${id}-days`}
          type="number"
          min={0}
          max={365}
          value={d.daysUntilDue}
          onChange={(e) => set('daysUntilDue', Math.trunc(Number(e.target.value)))}
          data-testid="days-until-due"
        />
      </div>
      <div className="form-row">
        <label htmlFor={`${id}-pt`}>{t('settings.productType')}</label>
        <select
          id={`${id}-pt`}
          value={d.productType}
          onChange={(e) => set('productType', e.target.value as RunDefaults['productType'])}
        >
          {PRODUCTS.map(([v, k]) => (
            <option key={v} value={v}>
              {t(k)}
            </option>
          ))}
        </select>
      </div>
      <div className="form-row">
        <label htmlFor={`${id}-ch`}>{t('settings.invoiceChannel')}</label>
        <select
          id={`${id}-ch`}
          value={d.invoiceChannel}
          onChange={(e) => set('invoiceChannel', e.target.value as RunDefaults['invoiceChannel'])}
        >
          {CHANNELS.map(([v, k]) => (
            <option key={v} value={v}>
              {t(k)}
            </option>
          ))}
        </select>
      </div>
      <div className="form-row">
        <label htmlFor={`${id}-cb`}>{t('settings.callbackUrl')}</label>
        <input
          id={`${id}-cb`}
          type="url"
          value={d.callbackUrl}
          placeholder="https://"
          onChange={(e) => set('callbackUrl', e.target.value)}
        />
      </div>
      <div className="form-row">
        <label htmlFor={`${id}-rate`}>{t('settings.rate')}</label>
        <input
          id={`${id}-rate`}
          type="number"
          min={0.1}
          max={1000}
          step="any"
          value={d.rate}
          onChange={(e) => set('rate', Number(e.target.value))}
        />
      </div>
      <div className="form-row">
        <label htmlFor={`${id}-conc`}>{t('settings.concurrency')}</label>
        <input
          id={`${id}-conc`}
          type="number"
          min={1}
          max={64}
          value={d.concurrency}
          onChange={(e) => set('concurrency', Math.trunc(Number(e.target.value)))}
        />
      </div>
      <div className="form-row">
        <label htmlFor={`${id}-tg`}>{t('settings.toggle')}</label>
        <select
          id={`${id}-tg`}
          value={d.toggle}
          onChange={(e) => set('toggle', e.target.value as RunDefaults['toggle'])}
        >
          {TOGGLES.map(([v, k]) => (
            <option key={v} value={v}>
              {t(k)}
            </option>
          ))}
        </select>
      </div>
      <div className="form-actions">
        <Button type="submit" variant="primary" data-testid="save-defaults">
          {t('settings.saveDefaults')}
        </Button>
        {saved && (
          <span role="status" className="settings-note">
            {t('settings.defaultsSaved')}
          </span>
        )}
      </div>
    </form>
  )
}
