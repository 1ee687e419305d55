import { type FormEvent, useState } from 'react'
import type { RunDefaults, SettingsView } from '../../../../shared/contract'
import { useApi } from '../../app/use-api'
import { Button } from '../../components/Button'
import type { MessageKey } from '../../i18n/catalog'
import { useI18n } from '../../i18n/I18nProvider'
import { Field, SelectField } from './Field'

const PRODUCTS: [RunDefaults['productType'], MessageKey][] = [
  // The default: each invoice's organisation number decides (Bedrift with one, Privat without).
  ['from_org_number', 'settings.productFromOrg'],
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
      <Field label={t('settings.daysUntilDue')}>
        {(id) => (
          <input
            id={id}
            type="number"
            min={0}
            max={365}
            value={d.daysUntilDue}
            onChange={(e) => set('daysUntilDue', Math.trunc(Number(e.target.value)))}
            data-testid="days-until-due"
          />
        )}
      </Field>
      <label className="row">
        <input
          type="checkbox"
          checked={d.businessDayDue}
          onChange={(e) => set('businessDayDue', e.target.checked)}
          data-testid="business-day-due"
        />
        {t('settings.businessDayDue')}
      </label>
      <label className="row">
        <input
          type="checkbox"
          checked={d.backgroundRefresh}
          onChange={(e) => set('backgroundRefresh', e.target.checked)}
          data-testid="background-refresh"
        />
        {t('settings.backgroundRefresh')}
      </label>
      <SelectField
        label={t('settings.productType')}
        value={d.productType}
        options={PRODUCTS}
        onChange={(v) => set('productType', v)}
      />
      <SelectField
        label={t('settings.invoiceChannel')}
        value={d.invoiceChannel}
        options={CHANNELS}
        onChange={(v) => set('invoiceChannel', v)}
      />
      <Field label={t('settings.callbackUrl')}>
        {(id) => (
          <input
            id={id}
            type="url"
            value={d.callbackUrl}
            placeholder="https://"
            onChange={(e) => set('callbackUrl', e.target.value)}
          />
        )}
      </Field>
      <Field label={t('settings.rate')}>
        {(id) => (
          <input
            id={id}
            type="number"
            min={0.1}
            max={1000}
            step="any"
            value={d.rate}
            onChange={(e) => set('rate', Number(e.target.value))}
          />
        )}
      </Field>
      <Field label={t('settings.concurrency')}>
        {(id) => (
          <input
            id={id}
            type="number"
            min={1}
            max={64}
            value={d.concurrency}
            onChange={(e) => set('concurrency', Math.trunc(Number(e.target.value)))}
          />
        )}
      </Field>
      <SelectField
        label={t('settings.toggle')}
        value={d.toggle}
        options={TOGGLES}
        onChange={(v) => set('toggle', v)}
      />
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
