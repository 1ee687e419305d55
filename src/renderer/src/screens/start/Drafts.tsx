import type { DraftSummary, ImportStep } from '../../../../shared/contract'
import { useNavigate } from '../../app/navigation'
import { useApi, useResource } from '../../app/use-api'
import { routeForSession } from '../../app/use-open-file'
import { Button } from '../../components/Button'
import type { MessageKey } from '../../i18n/catalog'
import { formatDateTime } from '../../i18n/format'
import { useI18n } from '../../i18n/I18nProvider'

const stepLabel: Record<ImportStep, MessageKey> = {
  read: 'common.stepRead',
  map: 'common.stepMap',
  review: 'common.stepReview',
  plan: 'common.stepPlan',
}

/** Imports left unfinished when the window closed, offered again. */
export function Drafts() {
  const { t, lang } = useI18n()
  const { api, call } = useApi()
  const navigate = useNavigate()
  const drafts = useResource((a) => a.drafts.list({}), [])
  const list: DraftSummary[] = drafts.data ?? []
  if (list.length === 0) return null
  const when = (iso: string) => formatDateTime(iso, lang)
  return (
    <section className="panel" aria-labelledby="drafts-title" data-testid="drafts">
      <h2 id="drafts-title">{t('start.draftsTitle')}</h2>
      <p className="muted">{t('start.draftsIntro')}</p>
      <ul className="draft-list">
        {list.map((d) => (
          <li key={d.sessionId} className="row" data-testid="draft">
            <strong>{d.fileName}</strong>
            <span className="muted">{when(d.updatedAt)}</span>
            <span>{t('start.draftStep', { step: t(stepLabel[d.step]) })}</span>
            {d.followUpOf && (
              <span className="tag tag-info">{t('start.draftFollowUp', { batch: d.followUpOf })}</span>
            )}
            {d.stale && <span className="tag tag-warning">{t('start.draftStale')}</span>}
            <span className="spacer" />
            <Button
              variant="primary"
              disabled={d.stale}
              onClick={async () => {
                const s = await call(api.drafts.resume({ sessionId: d.sessionId }))
                if (s) navigate(routeForSession(s))
              }}
            >
              {t('start.draftResume')}
            </Button>
            <Button
              onClick={async () => {
                await call(api.drafts.discard({ sessionId: d.sessionId }))
                drafts.reload()
              }}
            >
              {t('start.draftDiscard')}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  )
}
