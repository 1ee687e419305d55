import { useState } from 'react'
import type { RunProgress } from '../../../../shared/contract'
import { useApi } from '../../app/use-api'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { Dialog } from '../../components/Dialog'
import { ProgressBar } from '../../components/ProgressBar'
import { useI18n } from '../../i18n/I18nProvider'
import { batchStateLabel, etaClock, pauseReasonLabel } from './labels'

/** Progress bar with counts, rate and ETA, and the pause / continue / cancel buttons. */
export function RunControls({
  progress,
  onProgress,
}: {
  progress: RunProgress
  onProgress: (p: RunProgress) => void
}) {
  const { t, lang, num } = useI18n()
  const { api, call } = useApi()
  const [confirmCancel, setConfirmCancel] = useState(false)
  const [busy, setBusy] = useState(false)
  const { batchId, state } = progress

  const act = async (op: 'start' | 'pause' | 'resume' | 'cancel') => {
    setBusy(true)
    const p = await call(api.runs[op]({ batchId }))
    setBusy(false)
    if (p) onProgress(p)
  }
  const open = state === 'running' || state === 'paused'
  const rate = Math.round(progress.rate * 10) / 10

  return (
    <section className="run-controls" aria-label={t(batchStateLabel[state])}>
      <div className="run-status-line">
        <span className={`run-state run-state-${state}`} data-testid="run-state" data-state={state}>
          {t(batchStateLabel[state])}
        </span>
        {state === 'running' && (
          <span className="muted" data-testid="run-rate">
            {t('run.rate', { rate: num(rate) })} ·{' '}
            {progress.etaSeconds === null
              ? t('run.etaUnknown')
              : t('run.eta', { time: etaClock(progress.etaSeconds, lang) })}
          </span>
        )}
      </div>
      <ProgressBar
        value={progress.done}
        failed={progress.failed}
        max={progress.total}
        label={t('run.progressLabel', {
          done: num(progress.done),
          total: num(progress.total),
          failed: num(progress.failed),
        })}
        testId="run-progress"
      />
      {state === 'running' && progress.notice && (
        <Alert kind="info" testId="run-notice">
          {lang === 'nb' ? progress.notice.message_nb : progress.notice.message}
        </Alert>
      )}
      {state === 'paused' && (
        <Alert kind={progress.pauseReason === 'auth' ? 'error' : 'info'} testId="run-paused">
          {progress.notice
            ? lang === 'nb'
              ? progress.notice.message_nb
              : progress.notice.message
            : t(pauseReasonLabel(progress.pauseReason))}
        </Alert>
      )}
      <div className="run-buttons">
        {state === 'running' && (
          <Button onClick={() => act('pause')} disabled={busy} data-testid="run-pause">
            {t('run.pause')}
          </Button>
        )}
        {state === 'paused' && (
          <Button
            variant="primary"
            onClick={() => act(progress.pauseReason === 'new' ? 'start' : 'resume')}
            disabled={busy}
            data-testid="run-resume"
          >
            {progress.pauseReason === 'new' ? t('run.start') : t('run.resume')}
          </Button>
        )}
        {open && (
          <Button onClick={() => setConfirmCancel(true)} disabled={busy} data-testid="run-cancel">
            {t('run.cancel')}
          </Button>
        )}
      </div>
      <Dialog
        open={confirmCancel}
        title={t('run.cancelTitle')}
        onClose={() => setConfirmCancel(false)}
        testId="cancel-dialog"
        footer={
          <>
            <Button onClick={() => setConfirmCancel(false)}>{t('run.keepGoing')}</Button>
            <Button
              variant="danger"
              data-testid="cancel-confirm"
              onClick={() => {
                setConfirmCancel(false)
                void act('cancel')
              }}
            >
              {t('run.cancelConfirm')}
            </Button>
          </>
        }
      >
        <p>{t('run.cancelBody')}</p>
      </Dialog>
    </section>
  )
}
