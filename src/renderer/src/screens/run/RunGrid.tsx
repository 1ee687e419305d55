import { type KeyboardEvent, useMemo, useState } from 'react'
import type { RunRow } from '../../../../shared/contract'
import { DataGrid, type GridCell, type GridColumn } from '../../components/DataGrid'
import { useI18n } from '../../i18n/I18nProvider'
import { reasonText, stateLabel } from './labels'
import type { RowStore } from './row-store'
import { useContentWidths } from './use-content-widths'

interface Props {
  store: RowStore
  total: number
  selected: ReadonlySet<number>
  onToggle: (row: RunRow) => void
  onOpen: (row: RunRow) => void
  onRangeChange: (start: number, end: number) => void
}

/** Text that ends in "…" when the column is too narrow, with the whole text as its tooltip. */
function text(value: string) {
  return (
    <span className="cell-text" title={value || undefined}>
      {value}
    </span>
  )
}

/** The live per-row status grid. Space selects the active row; a click or Enter opens its details. */
export function RunGrid({ store, total, selected, onToggle, onOpen, onRangeChange }: Props) {
  const { t, money, lang } = useI18n()
  const [active, setActive] = useState<GridCell | null>(null)

  const {
    ref: refW,
    customer: customerW,
    amount: amountW,
    state: stateW,
    invoice: invoiceW,
  } = useContentWidths(store)

  const columns = useMemo<GridColumn<RunRow>[]>(
    () => [
      {
        id: 'sel',
        header: <span className="visually-hidden">{t('run.colSelect')}</span>,
        width: 44,
        cell: (r) => (
          <input
            type="checkbox"
            tabIndex={-1}
            checked={selected.has(r.id)}
            aria-label={t('run.selectRow', { ref: r.reference })}
            onChange={() => onToggle(r)}
            data-testid={`select-${r.reference}`}
          />
        ),
      },
      { id: 'ref', header: t('run.colRef'), width: refW, cell: (r) => text(r.reference) },
      {
        id: 'customer',
        header: t('run.colCustomer'),
        width: customerW,
        grow: 1,
        cell: (r) => text(r.customer),
      },
      {
        id: 'amount',
        header: t('run.colAmount'),
        width: amountW,
        cell: (r) => <span className="num">{money(r.amount)}</span>,
      },
      {
        id: 'state',
        header: t('run.colState'),
        width: stateW,
        cell: (r) => (
          <span className={`state-chip state-${r.state}`} data-state={r.state}>
            {t(stateLabel(r.state))}
          </span>
        ),
      },
      {
        id: 'invoice',
        header: t('run.colInvoice'),
        width: invoiceW,
        cell: (r) => text(r.invoiceNumber ?? ''),
      },
      {
        id: 'msg',
        header: t('run.colError'),
        width: 240,
        grow: 3,
        cell: (r) =>
          text(r.supersededBy ? t('run.superseded', { id: r.supersededBy }) : reasonText(r.error, t, lang)),
      },
    ],
    [t, lang, money, selected, onToggle, refW, customerW, amountW, stateW, invoiceW],
  )

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== ' ' || !active) return
    const row = store.rowAt(active.row)
    if (row) {
      e.preventDefault()
      onToggle(row)
    }
  }

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: forwards Space from the grid (the focusable element inside) to selection
    <div className="run-grid" onKeyDown={onKeyDown}>
      <DataGrid<RunRow>
        label={t('run.gridLabel')}
        rowCount={total}
        columns={columns}
        getRow={(i) => store.rowAt(i)}
        onRangeChange={onRangeChange}
        active={active}
        onActiveChange={setActive}
        activateOnClick
        onCellActivate={(cell) => {
          const row = store.rowAt(cell.row)
          if (row) onOpen(row)
        }}
        rowClass={(r) => (r && selected.has(r.id) ? 'grid-row-selected' : undefined)}
        testId="run-grid"
        loadingText={t('run.loading')}
      />
    </div>
  )
}
