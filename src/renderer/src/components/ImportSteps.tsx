import { useNavigate } from '../app/navigation'
import { type ImportStep, importSteps } from '../app/routes'
import type { MessageKey } from '../i18n/catalog'
import { useT } from '../i18n/I18nProvider'

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
