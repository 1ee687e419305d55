import type { MappingView } from '../../../../shared/contract'
import { Notice } from '../../components/Notice'
import { useI18n } from '../../i18n/I18nProvider'

/**
 * What the Map screen has to say about the file before its fields: the remembered mapping, how the
 * file changed since last time, and columns only the user can settle. Each takes one line until
 * opened, so the field list keeps the window's height.
 */
export function MapNotices({ view }: { view: MappingView }) {
  const { t, lang, num } = useI18n()
  const drift = view.drift
  const driftLines = drift
    ? [
        ...drift.renamed.map((r) => t('map.driftRenamed', r)),
        ...(drift.added.length > 0 ? [t('map.driftAdded', { list: drift.added.join(', ') })] : []),
        ...(drift.missing.length > 0 ? [t('map.driftMissing', { list: drift.missing.join(', ') })] : []),
      ]
    : []
  if (!view.remembered && driftLines.length === 0 && view.ambiguous.length === 0) return null
  return (
    <div className="map-notices">
      {view.remembered && (
        <p className="alert alert-info notice notice-line" role="status" data-testid="map-remembered">
          {t('map.remembered')}
        </p>
      )}
      {driftLines.length > 0 && (
        <Notice kind="warning" title={t('map.driftTitle')} count={num(driftLines.length)} testId="map-drift">
          <ul>
            {driftLines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </Notice>
      )}
      {view.ambiguous.length > 0 && (
        <Notice
          kind="warning"
          title={t('map.ambiguousTitle')}
          count={num(view.ambiguous.length)}
          testId="map-ambiguous"
        >
          <ul>
            {view.ambiguous.map((a) => (
              <li key={a.column}>{lang === 'nb' ? a.message_nb : a.message}</li>
            ))}
          </ul>
        </Notice>
      )}
    </div>
  )
}
