import { forwardRef, useMemo } from 'react'
import type { ReviewRowView } from '../../../../shared/contract'
import { DataGrid, type DataGridHandle, type GridCell, type GridColumn } from '../../components/DataGrid'
import type { MessageKey } from '../../i18n/catalog'
import { useI18n } from '../../i18n/I18nProvider'
import { cellIssues, cellSeverity } from './cell-issues'
import { CellEditor } from './CellEditor'

const statusLabel: Record<ReviewRowView['status'], MessageKey> = {
  ok: 'review.statusOk',
  warning: 'review.statusWarning',
  error: 'review.statusError',
  duplicate: 'review.statusDuplicate',
}
const statusTag: Record<ReviewRowView['status'], string> = {
  ok: 'tag-ok',
  warning: 'tag-warning',
  error: 'tag-error',
  duplicate: 'tag-warning',
}

/** Two fixed columns (status, row number) come before the fields. */
export const FIXED_COLUMNS = 2

const widthOf = (field: string): number =>
  ({ description: 240, email: 220, business_name: 200, address_line: 200, merchant_reference: 140 })[field] ??
  130

interface Props {
  fields: string[]
  labels: Record<string, string>
  total: number
  getRow: (i: number) => ReviewRowView | undefined
  onRangeChange: (start: number, end: number) => void
  active: GridCell | null
  onActiveChange: (c: GridCell) => void
  onCellActivate: (c: GridCell) => void
  editing: GridCell | null
  onCommit: (value: string) => void
  onCancel: () => void
}

export const ReviewGrid = forwardRef<DataGridHandle, Props>(function ReviewGrid(p, ref) {
  const { t, lang } = useI18n()
  const columns = useMemo<GridColumn<ReviewRowView>[]>(() => {
    const fixed: GridColumn<ReviewRowView>[] = [
      {
        id: '_status',
        header: t('review.colStatus'),
        width: 130,
        cell: (r) => <span className={`tag ${statusTag[r.status]}`}>{t(statusLabel[r.status])}</span>,
      },
      {
        id: '_line',
        header: t('review.colLine'),
        width: 64,
        cell: (r) => <span className="num muted">{r.line}</span>,
      },
    ]
    const fieldCols = p.fields.map<GridColumn<ReviewRowView>>((field, fi) => ({
      id: field,
      header: <span title={field}>{p.labels[field] ?? field}</span>,
      width: widthOf(field),
      cell: (r, index) => {
        if (p.editing && p.editing.row === index && p.editing.col === fi + FIXED_COLUMNS) {
          return (
            <CellEditor
              initial={r.cells[field] ?? ''}
              label={t('review.editLabel', { field: p.labels[field] ?? field, line: r.line })}
              onCommit={p.onCommit}
              onCancel={p.onCancel}
            />
          )
        }
        return r.cells[field] ?? ''
      },
      cellClass: (r) => {
        const s = cellSeverity(r, field)
        return s ? `cell-${s}` : undefined
      },
      cellTitle: (r) => {
        const issues = cellIssues(r, field)
        return issues.length
          ? issues.map((i) => (lang === 'nb' ? i.message_nb : i.message)).join('\n')
          : undefined
      },
    }))
    return [...fixed, ...fieldCols]
  }, [p.fields, p.labels, p.editing, p.onCommit, p.onCancel, t, lang])

  return (
    <DataGrid<ReviewRowView>
      ref={ref}
      label={t('review.gridLabel')}
      testId="review-grid"
      rowCount={p.total}
      columns={columns}
      getRow={p.getRow}
      onRangeChange={p.onRangeChange}
      active={p.active}
      onActiveChange={p.onActiveChange}
      onCellActivate={p.onCellActivate}
      loadingText={t('review.loadingRows')}
      rowClass={(r) => (r?.first ? 'grid-row-first' : undefined)}
    />
  )
})
