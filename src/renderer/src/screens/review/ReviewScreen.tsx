import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { ImportSummary } from '../../../../shared/contract'
import { FIELD_INFO } from '../../../../shared/canonical'
import { useNavigate } from '../../app/navigation'
import type { RouteOf } from '../../app/routes'
import { useApi } from '../../app/use-api'
import { useImportProgress } from '../../app/use-import-progress'
import { Button } from '../../components/Button'
import type { DataGridHandle, GridCell } from '../../components/DataGrid'
import { ImportSteps } from '../../components/ImportSteps'
import { IssueList } from '../../components/IssueList'
import { ProgressBar } from '../../components/ProgressBar'
import { useI18n } from '../../i18n/I18nProvider'
import { firstProblemColumn } from './cell-issues'
import { FileNotes } from './FileNotes'
import { FIXED_COLUMNS, ReviewGrid } from './ReviewGrid'
import { TotalsPanel } from './TotalsPanel'
import { useRowPages } from './use-row-pages'

/** Step 3: every line with its problems on the cells, inline fixes revalidated by main, and the totals. */
export function ReviewScreen({ route }: { route: RouteOf<'review'> }) {
  const { t, lang, num } = useI18n()
  const { api, call } = useApi()
  const navigate = useNavigate()
  const progress = useImportProgress(route.sessionId)
  const sessionId = route.sessionId
  const [summary, setSummary] = useState<ImportSummary | null>(null)
  const [problemsOnly, setProblemsOnly] = useState(false)
  const [active, setActive] = useState<GridCell | null>(null)
  const [editing, setEditing] = useState<GridCell | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const grid = useRef<DataGridHandle>(null)

  useEffect(() => {
    void call(api.import.validate({ sessionId })).then((s) => s && setSummary(s))
  }, [api, call, sessionId])

  const fetchPage = useCallback(
    (offset: number, limit: number) => call(api.import.rows({ sessionId, problemsOnly, offset, limit })),
    [api, call, sessionId, problemsOnly],
  )
  const pages = useRowPages(fetchPage, summary ? `${problemsOnly}` : 'waiting')
  const total = summary ? (pages.total ?? 0) : 0

  const labels = useMemo(
    () => Object.fromEntries(FIELD_INFO.map((f) => [f.field, lang === 'nb' ? f.label_nb : f.label_en])),
    [lang],
  )
  const fields = summary?.fields ?? []

  const jump = async (direction: 1 | -1) => {
    const from = active?.row ?? -1
    const r = await call(api.import.findProblem({ sessionId, problemsOnly, from, direction }))
    if (!r || r.index === null) {
      setNotice(t('review.noProblems'))
      return
    }
    const row = pages.getRow(r.index)
    const col = row ? firstProblemColumn(row, fields) : -1
    setActive({ row: r.index, col: col >= 0 ? col + FIXED_COLUMNS : 0 })
    grid.current?.scrollToRow(r.index)
    grid.current?.focus()
  }

  // F8 / Shift+F8 / Ctrl+. : next and previous problem, from anywhere on this screen.
  const jumpRef = useRef(jump)
  jumpRef.current = jump
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F8' || ((e.ctrlKey || e.metaKey) && e.key === '.')) {
        e.preventDefault()
        void jumpRef.current(e.shiftKey ? -1 : 1)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  const startEdit = (cell: GridCell) => {
    const field = fields[cell.col - FIXED_COLUMNS]
    if (!field || !summary) return
    if (!summary.editable.includes(field)) {
      setNotice(t('review.notEditable'))
      return
    }
    setNotice(null)
    setEditing(cell)
  }

  const cancelEdit = useCallback(() => {
    setEditing(null)
    grid.current?.focus()
  }, [])

  const commit = useCallback(
    async (value: string) => {
      const cell = editing
      setEditing(null)
      grid.current?.focus()
      if (!cell) return
      const row = pages.getRow(cell.row)
      const field = fields[cell.col - FIXED_COLUMNS]
      if (!row || !field || (row.cells[field] ?? '') === value) return
      setNotice(t('review.saving'))
      const r = await call(api.import.editCell({ sessionId, line: row.line, field, value }))
      if (!r) {
        setNotice(null)
        return
      }
      setSummary(r.summary)
      pages.invalidate(r.rows)
      setNotice(t('review.saved', { line: row.line }))
    },
    [editing, pages, fields, api, call, sessionId, t],
  )

  const activeRow = active ? pages.getRow(active.row) : undefined
  const canSend = (summary?.invoices ?? 0) > 0

  return (
    <main className="screen screen-fill review-screen" data-testid="review-screen" aria-busy={!summary}>
      <ImportSteps current="review" sessionId={sessionId} />
      <h1 tabIndex={-1}>{t('review.title')}</h1>
      {!summary && (
        <ProgressBar
          testId="validate-progress"
          value={progress?.done ?? 0}
          max={progress?.total ?? 0}
          label={t('review.validating')}
        />
      )}
      {summary && (
        <div className="review-layout">
          <div className="review-main">
            <div className="review-toolbar">
              <span data-testid="review-counts">
                {t('review.rowsSummary', {
                  rows: num(summary.rows),
                  errors: num(summary.errorRows),
                  warnings: num(summary.warningRows),
                })}
              </span>
              <label className="row">
                <input
                  type="checkbox"
                  checked={problemsOnly}
                  data-testid="problems-only"
                  onChange={(e) => {
                    setProblemsOnly(e.target.checked)
                    setActive(null)
                  }}
                />
                {t('review.problemsOnly')}
              </label>
              <Button onClick={() => void jump(-1)} shortcut="Shift+F8">
                {t('review.prevProblem')}
              </Button>
              <Button onClick={() => void jump(1)} shortcut="F8" data-testid="next-problem">
                {t('review.nextProblem')}
              </Button>
            </div>
            <p className="muted review-hint">{t('review.editHint')}</p>
            {summary.fileIssues.length > 0 && <FileNotes issues={summary.fileIssues} />}
            <ReviewGrid
              ref={grid}
              fields={fields}
              labels={labels}
              total={total}
              getRow={pages.getRow}
              onRangeChange={pages.onRangeChange}
              active={active}
              onActiveChange={(c) => {
                if (!editing) setActive(c)
              }}
              onCellActivate={startEdit}
              editing={editing}
              onCommit={(v) => void commit(v)}
              onCancel={cancelEdit}
            />
            <div className="row-issues panel" aria-live="polite" data-testid="row-issues">
              {notice && <p data-testid="review-notice">{notice}</p>}
              {activeRow ? (
                activeRow.issues.length ? (
                  <>
                    <strong>{t('review.rowIssues', { line: activeRow.line })}</strong>
                    <IssueList issues={activeRow.issues} />
                  </>
                ) : (
                  <span className="muted">{t('review.rowNoIssues', { line: activeRow.line })}</span>
                )
              ) : (
                <span className="muted">{t('review.selectRow')}</span>
              )}
            </div>
          </div>
          <TotalsPanel summary={summary} />
        </div>
      )}
      <div className="screen-actions">
        {summary && !canSend && <span className="muted">{t('review.noneToSend')}</span>}
        <Button onClick={() => navigate({ screen: 'map', sessionId })}>{t('common.back')}</Button>
        <Button
          variant="primary"
          disabled={!canSend}
          data-testid="to-plan"
          onClick={() => navigate({ screen: 'plan', sessionId })}
        >
          {t('review.toPlan')}
        </Button>
      </div>
    </main>
  )
}
