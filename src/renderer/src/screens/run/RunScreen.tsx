import { useCallback, useEffect, useRef, useState } from 'react'
import { INVOICE_STATES } from '../../../../shared/states'
import type { RunInvoiceState, RunRow } from '../../../../shared/contract'
import { useNavigate } from '../../app/navigation'
import { EnvBadge } from '../../app/TopBar'
import type { RouteOf } from '../../app/routes'
import { errorText, useApi, useResource } from '../../app/use-api'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { useI18n } from '../../i18n/I18nProvider'
import { type AskAction, BulkActions } from './BulkActions'
import { stateLabel } from './labels'
import { RefreshPayments } from '../history/RefreshPayments'
import { RowDrawer } from './RowDrawer'
import { RunControls } from './RunControls'
import { RunGrid } from './RunGrid'
import { batchHeading } from './run-title'
import { useRunProgress } from './use-run-progress'
import { useRunRows } from './use-run-rows'
import './run.css'

const JUST_CONFIRMED_MS = 2 * 60_000

export function RunScreen({ route }: { route: RouteOf<'run'> }) {
  const { batchId } = route
  const { t, num, lang } = useI18n()
  const { api, call } = useApi()
  const navigate = useNavigate()
  const summary = useResource((a) => a.batches.get({ batchId }), [batchId])
  const { progress, setProgress, error } = useRunProgress(batchId)
  const [stateFilter, setStateFilter] = useState<RunInvoiceState | ''>('')
  const [searchText, setSearchText] = useState('')
  const [search, setSearch] = useState('')
  const [selected, setSelected] = useState<Set<number>>(() => new Set())
  const [drawer, setDrawer] = useState<RunRow | null>(null)
  const rows = useRunRows(batchId, { state: stateFilter || undefined, search })

  useEffect(() => {
    const id = setTimeout(() => setSearch(searchText.trim()), 250)
    return () => clearTimeout(id)
  }, [searchText])

  // Plan's "Send" was the user's confirmation: a batch confirmed moments ago starts by itself. An
  // older never-started batch (opened from History later) waits for its own Send.
  const autoStarted = useRef(false)
  const askRef = useRef<AskAction | null>(null)
  useEffect(() => {
    const created = summary.data ? Date.parse(summary.data.createdAt) : Number.NaN
    if (autoStarted.current || progress?.state !== 'paused' || progress.pauseReason !== 'new') return
    if (!(Date.now() - created < JUST_CONFIRMED_MS)) return
    autoStarted.current = true
    void call(api.runs.start({ batchId })).then((p) => p && setProgress(p))
  }, [summary.data, progress, api, call, batchId, setProgress])

  // A finished run (or a refresh elsewhere) can move many rows at once: re-read what is visible.
  useEffect(
    () =>
      window.api.on.runs.ended((p) => {
        if (p.batchId !== batchId) return
        rows.reload()
        summary.reload()
      }),
    [batchId, rows.reload, summary.reload],
  )

  const toggle = useCallback((row: RunRow) => {
    setSelected((s) => {
      const next = new Set(s)
      if (next.has(row.id)) next.delete(row.id)
      else next.add(row.id)
      return next
    })
  }, [])

  const afterAction = () => {
    setSelected(new Set())
    rows.reload()
    summary.reload()
    void call(api.runs.progress({ batchId }), { quiet: true }).then((p) => p && setProgress(p))
  }

  const fixAndRetry = async () => {
    const session = await call(api.import.openFailed({ batchId }))
    if (session) navigate({ screen: 'review', sessionId: session.sessionId })
  }

  const counts = progress?.counts ?? {}
  const failedCount = summary.data?.resendable ?? 0
  // None was refused or left unknown: what can be fixed are invoices left out before sending.
  const sentAndFailed = (counts.failed ?? 0) + (counts.unknown ?? 0) > 0
  const canCapture = (counts.awaiting_capture ?? 0) > 0
  const runOpen = !progress || progress.state === 'running' || progress.state === 'paused'
  const shownError = error ?? summary.error ?? null
  const live = drawer ? rows.store.loadedRows().find((r) => r.id === drawer.id) : undefined

  return (
    <main className="screen run-screen" data-testid="run-screen">
      <header className="run-head">
        <h1 tabIndex={-1} data-testid="run-title">
          {summary.data ? batchHeading(summary.data, lang, t) : t('run.title', { id: batchId })}
        </h1>
        {summary.data && (
          <p className="muted run-source">
            <EnvBadge env={summary.data.environment} /> {summary.data.account} ·{' '}
            <span data-testid="run-batch-id">{t('run.title', { id: batchId })}</span>
          </p>
        )}
      </header>
      {shownError && <Alert kind="error">{errorText(shownError, lang)}</Alert>}
      {!progress && !error && <p className="muted">{t('run.loading')}</p>}
      {progress && <RunControls progress={progress} onProgress={setProgress} />}
      <div className="run-toolbar">
        <label>
          {t('run.filterState')}{' '}
          <select
            value={stateFilter}
            onChange={(e) => setStateFilter(e.target.value as RunInvoiceState | '')}
            data-testid="state-filter"
          >
            <option value="">{t('run.filterAll', { n: num(progress?.total ?? 0) })}</option>
            {INVOICE_STATES.filter((s) => counts[s]).map((s) => (
              <option key={s} value={s}>
                {t(stateLabel(s))} ({num(counts[s] ?? 0)})
              </option>
            ))}
          </select>
        </label>
        <input
          type="search"
          value={searchText}
          placeholder={t('run.search')}
          aria-label={t('run.search')}
          onChange={(e) => setSearchText(e.target.value)}
          data-testid="run-search"
        />
        {selected.size > 0 && (
          <span className="run-selected" role="status">
            {t('run.selected', { n: num(selected.size) })}{' '}
            <Button variant="ghost" onClick={() => setSelected(new Set())}>
              {t('run.clearSelection')}
            </Button>
          </span>
        )}
        <span className="run-toolbar-end">
          {summary.data && progress?.state !== 'running' && (
            <RefreshPayments batchId={batchId} refreshedAt={summary.data.refreshedAt} onDone={afterAction} />
          )}
          {failedCount > 0 && progress?.state !== 'running' && (
            <Button variant={runOpen ? 'secondary' : 'primary'} onClick={fixAndRetry} data-testid="fix-retry">
              {t(sentAndFailed ? 'run.fixRetry' : 'run.fixLeftOut', { n: num(failedCount) })}
            </Button>
          )}
          <BulkActions
            batchId={batchId}
            selectedIds={[...selected]}
            canCapture={canCapture}
            runOpen={runOpen}
            onDone={afterAction}
            askRef={askRef}
          />
        </span>
      </div>
      <div className={`run-body${drawer ? ' with-drawer' : ''}`}>
        <RunGrid
          store={rows.store}
          total={rows.total}
          selected={selected}
          onToggle={toggle}
          onOpen={setDrawer}
          onRangeChange={rows.onRangeChange}
        />
        {drawer && (
          <RowDrawer
            batchId={batchId}
            invoiceId={drawer.id}
            version={`${live?.state ?? drawer.state}`}
            onClose={() => setDrawer(null)}
            onAction={(kind) => askRef.current?.(kind, { ids: [drawer.id] })}
          />
        )}
      </div>
    </main>
  )
}
