import { type ReactNode, useId } from 'react'
import type { MessageKey } from '../../i18n/catalog'
import { useI18n } from '../../i18n/I18nProvider'

/** One labelled row of a settings form; `children` gets the id its control must carry. */
export function Field({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId()
  return (
    <div className="form-row">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  )
}

/** A labelled choice among fixed values, each shown by its catalog text. */
export function SelectField<V extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string
  value: V
  options: readonly (readonly [V, MessageKey])[]
  onChange: (value: V) => void
}) {
  const { t } = useI18n()
  return (
    <Field label={label}>
      {(id) => (
        <select id={id} value={value} onChange={(e) => onChange(e.target.value as V)}>
          {options.map(([v, k]) => (
            <option key={v} value={v}>
              {t(k)}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}
