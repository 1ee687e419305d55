import { useCallback, useEffect, useState } from 'react'
import type { ReadOverrides, ReadView } from '../../../../shared/contract'
import { useNavigate } from '../../app/navigation'
import type { RouteOf } from '../../app/routes'
import { useApi } from '../../app/use-api'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { ImportSteps } from '../../components/ImportSteps'
import { ProgressBar } from '../../components/ProgressBar'
import { useImportProgress } from '../../app/use-import-progress'
import { IssueList } from '../../components/IssueList'
import type { MessageKey } from '../../i18n/catalog'
import { formatSize } from '../../i18n/format'
import { useI18n } from '../../i18n/I18nProvider'
import { HeaderRowInput } from './HeaderRowInput'
import { ReadPreview } from './ReadPreview'

const ENCODINGS: [NonNullable<ReadOverrides['encoding']>, MessageKey][] = [
  ['utf-8', 'read.encUtf8'],
  ['utf-8-bom', 'read.encUtf8Bom'],
  ['utf-16le', 'read.encUtf16le'],
  ['utf-16be', 'read.encUtf16be'],
  ['windows-1252', 'read.encWin1252'],
]
const DELIMITERS: [NonNullable<ReadOverrides['delimiter']>, MessageKey][] = [
  [';', 'read.delimSemicolon'],
  [',', 'read.delimComma'],
  ['\t', 'read.delimTab'],
  ['|', 'read.delimPipe'],
]

/** Step 1: how the file was read (encoding, delimiter, sheet, header row), each changeable. */
export function ReadScreen({ route }: { route: RouteOf<'read'> }) {
  const { t, lang } = useI18n()
  const { api, call } = useApi()
  const navigate = useNavigate()
  const [view, setView] = useState<ReadView | null>(null)
  const [busy, setBusy] = useState(true)
  const progress = useImportProgress(route.sessionId)

  const load = useCallback(
    async (overrides?: ReadOverrides) => {
      setBusy(true)
      const v = await call(api.import.read({ sessionId: route.sessionId, overrides }))
      if (v) setView(v)
      setBusy(false)
    },
    [api, call, route.sessionId],
  )
  // biome-ignore lint/correctness/useExhaustiveDependencies: first load only; later loads come from changes
  useEffect(() => {
    // No overrides: the session keeps its own (a resumed draft), and main answers with them.
    void load()
  }, [])

  const change = (patch: ReadOverrides) => void load({ ...view?.overrides, ...patch })
  const isCsv = view?.format === 'csv'

  return (
    <main className="screen" data-testid="read-screen" aria-busy={busy}>
      <ImportSteps current="read" sessionId={route.sessionId} />
      <h1 tabIndex={-1}>
        {t('read.title')}
        {view && <span className="muted"> · {view.fileName}</span>}
      </h1>
      <p className="muted intro">{t('read.intro')}</p>
      {view && (
        <>
          <div className="panel read-settings">
            <dl className="kv">
              <dt>{t('read.format')}</dt>
              <dd data-testid="read-format">{view.format.toUpperCase()}</dd>
              <dt>{t('read.size')}</dt>
              <dd>{formatSize(view.sizeBytes, lang)}</dd>
            </dl>
            <div className="row read-controls">
              {isCsv && (
                <label className="field">
                  <span>
                    {t('read.encoding')} {view.overrides.encoding ? '' : t('read.detected')}
                  </span>
                  <select
                    data-testid="read-encoding"
                    value={view.encoding ?? ''}
                    onChange={(e) => change({ encoding: e.target.value as ReadOverrides['encoding'] })}
                  >
                    {ENCODINGS.map(([v, k]) => (
                      <option key={v} value={v}>
                        {t(k)}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              {isCsv && (
                <label className="field">
                  <span>
                    {t('read.delimiter')} {view.overrides.delimiter ? '' : t('read.detected')}
                  </span>
                  <select
                    data-testid="read-delimiter"
                    value={view.delimiter ?? ''}
                    onChange={(e) => change({ delimiter: e.target.value as ReadOverrides['delimiter'] })}
                  >
                    {DELIMITERS.map(([v, k]) => (
                      <option key={v} value={v}>
                        {t(k)}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              {view.sheets.length > 0 && (
                <label className="field">
                  <span>{t('read.sheet')}</span>
                  <select
                    data-testid="read-sheet"
                    value={view.sheet ?? ''}
                    onChange={(e) => change({ sheet: e.target.value, headerRow: undefined })}
                  >
                    {view.sheets.map((s) => (
                      <option key={s} value={s}>
                        {s}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              <HeaderRowInput
                value={view.headerRow}
                detected={!view.overrides.headerRow}
                onChange={(n) => change({ headerRow: n })}
              />
              {Object.keys(view.overrides).length > 0 && (
                <Button variant="ghost" onClick={() => void load({})} data-testid="read-reset">
                  {t('read.reset')}
                </Button>
              )}
            </div>
            {view.decimalComma && <p className="muted">{t('read.decimalComma')}</p>}
          </div>
          <h2>{t('read.preview')}</h2>
          {view.preview.length === 0 ? (
            <Alert kind="warning">{t('read.noRows')}</Alert>
          ) : (
            <ReadPreview view={view} />
          )}
          {view.issues.length > 0 && (
            <>
              <h2>{t('read.issuesTitle')}</h2>
              <IssueList issues={view.issues} />
            </>
          )}
        </>
      )}
      {busy && (
        <ProgressBar
          testId="read-progress"
          value={progress?.done ?? 0}
          max={progress?.total ?? 0}
          label={view ? t('read.rereading') : t('common.loading')}
        />
      )}
      <div className="screen-actions">
        <Button onClick={() => navigate({ screen: 'start' })}>{t('common.back')}</Button>
        <Button
          variant="primary"
          disabled={!view || busy || view.preview.length === 0}
          data-testid="to-mapping"
          onClick={() => navigate({ screen: 'map', sessionId: route.sessionId })}
        >
          {t('read.toMapping')}
        </Button>
      </div>
    </main>
  )
}
