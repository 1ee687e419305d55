import { useEffect, useState } from 'react'
import { useT } from '../../i18n/I18nProvider'

/**
 * The header row number. Applied on Enter or when leaving the field, not per keystroke: typing
 * "12" must not re-read the file with header row 1 first.
 */
export function HeaderRowInput({
  value,
  detected,
  onChange,
}: {
  value: number
  detected: boolean
  onChange: (row: number) => void
}) {
  const t = useT()
  const [text, setText] = useState(String(value))
  useEffect(() => setText(String(value)), [value])
  const apply = () => {
    const n = Number.parseInt(text, 10)
    if (Number.isInteger(n) && n >= 1 && n <= 1000 && n !== value) onChange(n)
    else setText(String(value))
  }
  return (
    <label className="field">
      <span>
        {t('read.headerRow')} {detected ? t('read.detected') : ''}
      </span>
      <input
        type="number"
        min={1}
        max={1000}
        data-testid="read-header-row"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault()
            apply()
          }
        }}
      />
    </label>
  )
}
