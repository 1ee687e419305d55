import { useState } from 'react'
import { useNavigate } from '../app/navigation'
import { type ImportStep, importSteps } from '../app/routes'
import { useApi } from '../app/use-api'
import type { MessageKey } from '../i18n/catalog'
import { useT } from '../i18n/I18nProvider'
import { Button } from './Button'
import { Dialog } from './Dialog'

const labels: Record<ImportStep, MessageKey> = {
  read: 'common.stepRead',
  map: 'common.stepMap',
  review: 'common.stepReview',
  plan: 'common.stepPlan',
}

/** Where the user is in the import; earlier steps can be revisited (later ones need the earlier ones done). */
export function ImportSteps({ current, sessionId }: { current: ImportStep; sessionId: string }) {
  const t = useT()
  const navigate = useNavigate()
  const at = importSteps.indexOf(current)
  const { api, call } = useApi()
  const [confirmDiscard, setConfirmDiscard] = useState(false)
  const discard = async () => {
    setConfirmDiscard(false)
    if (await call(api.import.close({ sessionId }))) navigate({ screen: 'start' })
  }
  return (
    <div className="steps-bar">
      <Steps sessionId={sessionId} at={at} />
      <Button variant="ghost" onClick={() => setConfirmDiscard(true)} data-testid="discard-import">
        {t('common.discardImport')}
      </Button>
      <Dialog
        open={confirmDiscard}
        title={t('common.discardTitle')}
        onClose={() => setConfirmDiscard(false)}
        testId="discard-dialog"
        footer={
          <>
            <Button onClick={() => setConfirmDiscard(false)}>{t('common.cancel')}</Button>
            <Button variant="danger" onClick={() => void discard()} data-testid="discard-confirm">
              {t('common.discardImport')}
            </Button>
          </>
        }
      >
        <p>{t('common.discardBody')}</p>
      </Dialog>
    </div>
  )
}

function Steps({ sessionId, at }: { sessionId: string; at: number }) {
  const t = useT()
  const navigate = useNavigate()
  return (
    <nav aria-label={t('common.steps')} className="steps">
      <ol>
        {importSteps.map((s, i) => (
          <li key={s} className={i === at ? 'step-current' : i < at ? 'step-done' : 'step-todo'}>
            {i < at ? (
              <button type="button" className="step-link" onClick={() => navigate({ screen: s, sessionId })}>
                {i + 1}. {t(labels[s])}
              </button>
            ) : (
              <span aria-current={i === at ? 'step' : undefined}>
                {i + 1}. {t(labels[s])}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  )
}
