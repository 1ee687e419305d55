import { useEffect, useState } from 'react'
import type { BatchSummary } from '../../../../shared/contract'
import { useNavigate } from '../../app/navigation'
import { Button } from '../../components/Button'
import { Dialog } from '../../components/Dialog'
import { useI18n } from '../../i18n/I18nProvider'

/**
 * App-wide run duties, mounted once by the shell: on start, offer to resume unfinished batches;
 * tell main whether the window is in the background, so a long run's end is notified there.
 */
export function RunWatcher() {
  const { t, num } = useI18n()
  const navigate = useNavigate()
  const [unfinished, setUnfinished] = useState<BatchSummary[]>([])

  useEffect(() => {
    window.api.runs
      .unfinished({})
      .then((r) => r.ok && setUnfinished(r.value))
      .catch(() => {})
  }, [])

  useEffect(() => {
    const report = () => {
      const background = document.visibilityState === 'hidden' || !document.hasFocus()
      window.api.runs.attention({ background }).catch(() => {})
    }
    report()
    document.addEventListener('visibilitychange', report)
    window.addEventListener('focus', report)
    window.addEventListener('blur', report)
    return () => {
      document.removeEventListener('visibilitychange', report)
      window.removeEventListener('focus', report)
      window.removeEventListener('blur', report)
    }
  }, [])

  const close = () => setUnfinished([])
  return (
    <Dialog
      open={unfinished.length > 0}
      title={t('run.resumeTitle')}
      onClose={close}
      testId="resume-dialog"
      footer={<Button onClick={close}>{t('run.later')}</Button>}
    >
      <p>{t('run.resumeBody')}</p>
      <ul className="resume-list">
        {unfinished.map((b) => {
          const open = (b.counts.pending ?? 0) + (b.counts.sending ?? 0) + (b.counts.unknown ?? 0)
          return (
            <li key={b.id}>
              {t('run.resumeOne', {
                id: b.id,
                file: b.sourceName,
                done: num(b.total - open),
                total: num(b.total),
              })}{' '}
              <Button
                variant="primary"
                data-testid={`resume-${b.id}`}
                onClick={() => {
                  close()
                  navigate({ screen: 'run', batchId: b.id })
                }}
              >
                {t('run.resumeOpen')}
              </Button>
            </li>
          )
        })}
      </ul>
    </Dialog>
  )
}
