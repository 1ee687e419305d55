import { useEffect, useState } from 'react'
import type { MappingRefusal, MappingView } from '../../../../shared/contract'
import { useNavigate } from '../../app/navigation'
import type { RouteOf } from '../../app/routes'
import { useApi } from '../../app/use-api'
import { useImportProgress } from '../../app/use-import-progress'
import { Button } from '../../components/Button'
import { ImportSteps } from '../../components/ImportSteps'
import { ProgressBar } from '../../components/ProgressBar'
import { useI18n } from '../../i18n/I18nProvider'
import { FieldRow } from './FieldRow'
import { MapNotices } from './MapNotices'
import { RefusalAlert } from './RefusalAlert'
import './map.css'

/** Step 2: every canonical field with its column (or a fixed value), how sure the match is, and changes since last time. */
export function MapScreen({ route }: { route: RouteOf<'map'> }) {
  const { t, lang, num } = useI18n()
  const { api, call } = useApi()
  const navigate = useNavigate()
  const progress = useImportProgress(route.sessionId)
  const [view, setView] = useState<MappingView | null>(null)
  const [failed, setFailed] = useState(false)
  const [refusal, setRefusal] = useState<MappingRefusal | null>(null)

  useEffect(() => {
    let live = true
    void call(api.import.mapping({ sessionId: route.sessionId })).then((v) => {
      if (!live) return
      if (v) setView(v)
      else setFailed(true)
    })
    return () => {
      live = false
    }
  }, [api, call, route.sessionId])

  const set = async (field: string, column: string | null, constant: string | null) => {
    const v = await call(api.import.setMapping({ sessionId: route.sessionId, field, column, constant }))
    if (v) {
      setView(v)
      setRefusal(v.refusal ?? null)
    }
  }
  const flip = async (field: string, basis: 'incl' | 'excl') => {
    const v = await call(api.import.setPriceBasis({ sessionId: route.sessionId, field, basis }))
    if (v) setView(v)
  }
  // Continue waits until every required field has a column, a fixed value or a rule.
  const missing = view ? view.fields.filter((f) => f.missing) : []

  return (
    <main className="screen map-screen" data-testid="map-screen" aria-busy={!view}>
      <ImportSteps current="map" sessionId={route.sessionId} />
      <h1 tabIndex={-1}>{t('map.title')}</h1>
      <p className="muted intro">
        {t('map.intro')}
        {view && <span data-testid="map-rowcount"> {t('map.rows', { rows: num(view.rowCount) })}.</span>}
      </p>
      {!view && !failed && (
        <ProgressBar
          testId="read-progress"
          value={progress?.done ?? 0}
          max={progress?.total ?? 0}
          label={
            progress && progress.total > 0
              ? t('map.readingPct', { pct: Math.floor((progress.done / progress.total) * 100) })
              : t('map.reading')
          }
        />
      )}
      {view && (
        <>
          <MapNotices view={view} />
          {refusal && (
            <RefusalAlert refusal={refusal} onUseFullName={(c) => void set('full_name', c, null)} />
          )}
          <div className="table-scroll map-table">
            <table className="simple" data-testid="mapping-table">
              <thead>
                <tr>
                  <th>{t('map.field')}</th>
                  <th>{t('map.column')}</th>
                  <th>{t('map.confidence')}</th>
                  <th>{t('map.samples')}</th>
                </tr>
              </thead>
              <tbody>
                {view.fields.map((f) => (
                  <FieldRow key={f.field} field={f} headers={view.headers} onChange={set} onFlip={flip} />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <div className="screen-actions map-actions">
        <div className="map-foot">
          {missing.length > 0 && (
            <p className="map-missing" id="map-missing" data-testid="map-missing">
              {t('map.missingFields', {
                list: missing.map((f) => (lang === 'nb' ? f.label_nb : f.label_en)).join(', '),
              })}
            </p>
          )}
          {view && (
            <p className="muted">
              {t('map.requiredNote')}
              {view.unused.length > 0 && ` · ${t('map.unused', { list: view.unused.join(', ') })}`}
            </p>
          )}
        </div>
        <Button onClick={() => navigate({ screen: 'read', sessionId: route.sessionId })}>
          {t('common.back')}
        </Button>
        <Button
          variant="primary"
          disabled={!view || missing.length > 0}
          aria-describedby={missing.length > 0 ? 'map-missing' : undefined}
          data-testid="to-review"
          onClick={() => navigate({ screen: 'review', sessionId: route.sessionId })}
        >
          {t('map.toReview')}
        </Button>
      </div>
    </main>
  )
}
