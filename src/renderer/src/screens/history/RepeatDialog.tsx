import { useEffect, useId, useState } from 'react'
import type { BatchSummary, RepeatPreview } from '../../../../shared/contract'
import type { IpcError } from '../../../../shared/ipc'
import { useNavigate } from '../../app/navigation'
import { useApi } from '../../app/use-api'
import { Button } from '../../components/Button'
import { Dialog } from '../../components/Dialog'
import { useI18n } from '../../i18n/I18nProvider'
import './repeat-dialog.css'

const DEFAULT_PATTERN = '{ref}-{yyyy}{mm}'

/**
 * "A new run based on this": the batch's customers and lines under new references. The preview
 * follows every change (count, amount, the first new references, or why the choice cannot work);
 * "Open on Review" makes the new import, where everything can still be changed.
 */
export function RepeatDialog({ batch, onClose }: { batch: BatchSummary; onClose: () => void }) {
  const { t, money, num } = useI18n()
  const { api, call, errorText } = useApi()
  const navigate = useNavigate()
  const helpId = useId()
  const [pattern, setPattern] = useState(DEFAULT_PATTERN)
  const [start, setStart] = useState(1)
  const [includeVoided, setIncludeVoided] = useState(false)
  const [includeFailed, setIncludeFailed] = useState(false)
  const [preview, setPreview] = useState<{ value?: RepeatPreview; error?: IpcError } | null>(null)
  const [opening, setOpening] = useState(false)
  const input = { batchId: batch.id, pattern, start, includeVoided, includeFailed }

  // biome-ignore lint/correctness/useExhaustiveDependencies: `input` is made of exactly these values
  useEffect(() => {
    let current = true
    setPreview(null)
    const timer = setTimeout(async () => {
      const r = await api.import.repeatPreview(input)
      if (current) setPreview(r.ok ? { value: r.value } : { error: r.error })
    }, 150)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [batch.id, pattern, start, includeVoided, includeFailed])

  const open = async () => {
    setOpening(true)
    const session = await call(api.import.openRepeat(input))
    setOpening(false)
    if (session) navigate({ screen: 'review', sessionId: session.sessionId })
  }

  const p = preview?.value
  const usesCounter = /\{n(:\d)?\}/.test(pattern)
  return (
    <Dialog
      open
      title={t('repeat.title', { id: batch.id })}
      onClose={onClose}
      testId="repeat-dialog"
      footer={
        <>
          <Button onClick={onClose}>{t('repeat.cancel')}</Button>
          <Button variant="primary" onClick={open} disabled={!p || opening} data-testid="repeat-open">
            {t('repeat.open')}
          </Button>
        </>
      }
    >
      <p>{t('repeat.intro')}</p>
      <label className="field">
        <span>{t('repeat.pattern')}</span>
        <input
          value={pattern}
          onChange={(e) => setPattern(e.target.value)}
          aria-describedby={helpId}
          spellCheck={false}
          data-testid="repeat-pattern"
        />
      </label>
      <p id={helpId} className="muted repeat-help">
        {t('repeat.patternHelp')}
      </p>
      {usesCounter && (
        <label className="field repeat-start">
          <span>{t('repeat.start')}</span>
          <input
            type="number"
            min={0}
            value={start}
            onChange={(e) => setStart(Math.max(0, Math.trunc(Number(e.target.value) || 0)))}
            data-testid="repeat-start"
          />
        </label>
      )}
      {(p?.available.voided ?? 0) > 0 && (
        <label className="row">
          <input
            type="checkbox"
            checked={includeVoided}
            onChange={(e) => setIncludeVoided(e.target.checked)}
            data-testid="repeat-include-voided"
          />
          {t('repeat.includeVoided', { count: num(p?.available.voided ?? 0) })}
        </label>
      )}
      {(p?.available.failed ?? 0) > 0 && (
        <label className="row">
          <input
            type="checkbox"
            checked={includeFailed}
            onChange={(e) => setIncludeFailed(e.target.checked)}
            data-testid="repeat-include-failed"
          />
          {t('repeat.includeFailed', { count: num(p?.available.failed ?? 0) })}
        </label>
      )}
      <div className="repeat-preview" aria-live="polite" data-testid="repeat-preview">
        {!preview && <p className="muted">{t('repeat.checking')}</p>}
        {preview?.error && (
          <p className="repeat-error" role="alert">
            {errorText(preview.error)}
          </p>
        )}
        {p && (
          <>
            <p>
              <strong>
                {p.invoices === 1
                  ? t('repeat.previewOne', { amount: money(p.amount) })
                  : t('repeat.preview', { count: num(p.invoices), amount: money(p.amount) })}
              </strong>
            </p>
            <ul className="repeat-examples">
              {p.examples.map((e) => (
                <li key={e.from}>{t('repeat.example', { from: e.from, to: e.to })}</li>
              ))}
            </ul>
          </>
        )}
      </div>
    </Dialog>
  )
}
