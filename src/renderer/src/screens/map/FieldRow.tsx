import { useEffect, useId, useState } from 'react'
import type { MappingFieldView, MatchSource } from '../../../../shared/contract'
import type { MessageKey } from '../../i18n/catalog'
import { customerType } from '../../i18n/format'
import { useI18n } from '../../i18n/I18nProvider'
import { PriceBasis } from './PriceBasis'

const sourceLabel: Record<MatchSource, MessageKey> = {
  exact: 'map.srcExact',
  synonym: 'map.srcSynonym',
  fuzzy: 'map.srcFuzzy',
  values: 'map.srcValues',
  remembered: 'map.srcRemembered',
  user: 'map.srcUser',
  constant: 'map.srcConstant',
  none: 'map.srcNone',
}

/** Fields with a fixed set of values get a list instead of free text for their fixed value. */
const CHOICES: Partial<Record<string, readonly string[]>> = {
  payment_product_type: ['b2b', 'b2c', 'b2b_grouped'],
  invoice_channel: ['kravia', 'merchant'],
  currency: ['NOK'],
}

/** The words shown for those values (the value itself is what the file would hold). */
const CHOICE_LABEL: Partial<Record<string, MessageKey>> = {
  b2b: 'settings.productB2b',
  b2c: 'settings.productB2c',
  b2b_grouped: 'settings.productB2bGrouped',
  kravia: 'settings.channelKravia',
  merchant: 'settings.channelMerchant',
}

/** What a rule that provides the field says about it. */
const RULES: Record<NonNullable<MappingFieldView['rule']>, MessageKey> = {
  org_number: 'map.ruleOrgNumber',
  customer_name: 'map.ruleCustomerName',
}

const CONSTANT = '\u0000constant'
const NONE = '\u0000none'

function confidenceTag(f: MappingFieldView): string {
  if (f.source === 'none') return 'tag'
  if (f.confidence >= 0.9) return 'tag-ok'
  if (f.confidence >= 0.6) return 'tag-info'
  return 'tag-warning'
}

/** One canonical field: its column (dropdown), or a fixed value, with the match's confidence and examples. */
export function FieldRow({
  field: f,
  headers,
  onChange,
  onFlip,
}: {
  field: MappingFieldView
  headers: string[]
  onChange: (field: string, column: string | null, constant: string | null) => Promise<void>
  onFlip: (field: string, basis: 'incl' | 'excl') => Promise<void>
}) {
  const { t, lang } = useI18n()
  const id = useId()
  const [constantMode, setConstantMode] = useState(f.constant !== null)
  const [constant, setConstant] = useState(f.constant ?? '')
  useEffect(() => {
    setConstantMode(f.constant !== null)
    setConstant(f.constant ?? '')
  }, [f.constant])
  const label = lang === 'nb' ? f.label_nb : f.label_en
  // A default from Settings in words ("Kravia sends the invoice"), not as the value the file would hold.
  const defaultLabel = (field: string, value: string) => {
    if (field === 'payment_product_type') return customerType(value, lang)
    const key = CHOICE_LABEL[value]
    return key ? t(key) : value
  }
  const value = constantMode ? CONSTANT : (f.column ?? NONE)
  // The examples cell ends in "…" when the text is wider than the column; the tooltip holds it all.
  const examples =
    f.samples.length > 0
      ? f.samples.join(' · ')
      : f.defaultValue !== null
        ? t('map.fromDefault', { value: defaultLabel(f.field, f.defaultValue) })
        : null
  return (
    <tr data-testid={`map-field-${f.field}`} data-source={f.source}>
      <th scope="row" className="map-field">
        <label htmlFor={id}>{label}</label>
        {f.required && <span className="map-required"> *</span>}
        <div className="muted map-note">{lang === 'nb' ? f.note_nb : f.note_en}</div>
      </th>
      <td>
        <select
          id={id}
          value={value}
          data-testid={`map-select-${f.field}`}
          onChange={(e) => {
            const v = e.target.value
            if (v === CONSTANT) {
              setConstantMode(true)
              return
            }
            setConstantMode(false)
            void onChange(f.field, v === NONE ? null : v, null)
          }}
        >
          <option value={NONE}>{t('map.notMapped')}</option>
          {headers.map((h) => (
            <option key={h} value={h}>
              {h}
            </option>
          ))}
          <option value={CONSTANT}>{t('map.useConstant')}</option>
        </select>
        <PriceBasis field={f} onFlip={onFlip} />
        {constantMode && (
          <form
            className="row map-constant"
            onSubmit={(e) => {
              e.preventDefault()
              void onChange(f.field, null, constant)
            }}
          >
            {CHOICES[f.field] ? (
              <select
                aria-label={t('map.constantFor', { field: label })}
                value={constant}
                data-testid={`map-constant-${f.field}`}
                onChange={(e) => {
                  setConstant(e.target.value)
                  if (e.target.value !== '') void onChange(f.field, null, e.target.value)
                }}
              >
                <option value="">—</option>
                {CHOICES[f.field]?.map((c) => (
                  <option key={c} value={c}>
                    {CHOICE_LABEL[c] ? t(CHOICE_LABEL[c]) : c}
                  </option>
                ))}
              </select>
            ) : (
              <input
                aria-label={t('map.constantFor', { field: label })}
                value={constant}
                data-testid={`map-constant-${f.field}`}
                onChange={(e) => setConstant(e.target.value)}
                onBlur={() => {
                  if (constant !== (f.constant ?? '')) void onChange(f.field, null, constant)
                }}
              />
            )}
          </form>
        )}
      </td>
      <td>
        {f.missing ? (
          <span className="tag tag-error" data-testid={`map-confidence-${f.field}`}>
            {t('map.missingRequired')}
          </span>
        ) : (
          <span className={`tag ${confidenceTag(f)}`} data-testid={`map-confidence-${f.field}`}>
            {t(sourceLabel[f.source])}
            {f.source !== 'none' && f.source !== 'constant' && ` · ${Math.round(f.confidence * 100)} %`}
          </span>
        )}
      </td>
      <td className="muted map-samples" title={examples ?? undefined} data-testid={`map-samples-${f.field}`}>
        {examples ?? (f.rule && <span data-testid={`map-rule-${f.field}`}>{t(RULES[f.rule])}</span>)}
      </td>
    </tr>
  )
}
