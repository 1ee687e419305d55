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

/** Three fixed columns (status, row number, invoice total) come before the fields. */
export const FIXED_COLUMNS = 3

const WIDTHS: Record<string, number> = {
  merchant_reference: 110,
  payment_product_type: 110,
  days_until_due: 80,
  due_date: 100,
  invoice_channel: 90,
  first_name: 110,
  last_name: 120,
  business_name: 180,
  organization_number: 120,
  email: 210,
  phone_number: 130,
  address_line: 170,
  address_line_2: 140,
  postal_code: 80,
  postal_place: 110,
  country: 70,
  customer_reference: 120,
  line_id: 70,
  id: 90,
  description: 220,
  quantity: 80,
  unit_price: 100,
  amount: 110,
  vat: 70,
  currency: 70,
}
const widthOf = (field: string): number => WIDTHS[field] ?? 120

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
  const { t, lang, money } = useI18n()
  const columns = useMemo<GridColumn<ReviewRowView>[]>(() => {
    const fixed: GridColumn<ReviewRowView>[] = [
      {
        id: '_status',
        sticky: true,
        header: t('review.colStatus'),
        width: 124,
        cell: (r) => <span className={`tag ${statusTag[r.status]}`}>{t(statusLabel[r.status])}</span>,
      },
      {
        id: '_line',
        sticky: true,
        header: t('review.colLine'),
        width: 64,
        cell: (r) => <span className="num muted">{r.line}</span>,
      },
      {
        id: '_total',
        header: t('review.colInvoiceTotal'),
        width: 120,
        cell: (r) => (r.invoiceTotal === null ? '' : money(r.invoiceTotal)),
        cellClass: () => 'cell-num',
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
  }, [p.fields, p.labels, p.editing, p.onCommit, p.onCancel, t, lang, money])

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
