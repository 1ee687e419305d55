// biome-ignore-all lint/a11y/useFocusableInteractive: the ARIA grid pattern with aria-activedescendant keeps ONE tab stop (the grid); cells are reached with the arrow keys, not Tab
// biome-ignore-all lint/a11y/useSemanticElements: a <table> cannot be virtualised with absolutely positioned rows; the ARIA grid roles give the same semantics
import { useVirtualizer } from '@tanstack/react-virtual'
import {
  forwardRef,
  type KeyboardEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useId,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
} from 'react'

export interface GridColumn<R> {
  id: string
  header: ReactNode
  width: number
  cell: (row: R, rowIndex: number, active: boolean) => ReactNode
  /** Extra class on a cell, e.g. to mark an error. */
  cellClass?: (row: R, rowIndex: number) => string | undefined
  /** Stays in view when scrolling sideways (leading columns only). */
  sticky?: boolean
  /** Accessible name of a cell's problem, read with the cell. */
  cellTitle?: (row: R, rowIndex: number) => string | undefined
  /** Share of the room left over when the columns are narrower than the pane (none by default). */
  grow?: number
}

export interface GridCell {
  row: number
  col: number
}

export interface DataGridHandle {
  scrollToRow: (row: number) => void
  focus: () => void
}

interface Props<R> {
  label: string
  rowCount: number
  columns: GridColumn<R>[]
  /** Rows may arrive in pages from main: undefined draws a placeholder row until it is there. */
  getRow: (index: number) => R | undefined
  rowKey?: (index: number) => string | number
  rowHeight?: number
  /** Called with the visible range (plus overscan) so the owner can fetch those pages. */
  onRangeChange?: (start: number, end: number) => void
  active?: GridCell | null
  onActiveChange?: (cell: GridCell) => void
  /** Enter or F2 on a cell, or a double click (a single click too with `activateOnClick`). */
  onCellActivate?: (cell: GridCell) => void
  /** A single click on a row activates it (clicks on a checkbox, button or link inside do not). */
  activateOnClick?: boolean
  rowClass?: (row: R | undefined, index: number) => string | undefined
  testId?: string
  loadingText?: string
}

/**
 * A virtualised grid: only the rows in view (and a few around them) are in the DOM, so 100k lines
 * scroll smoothly. One tab stop; arrow keys, Page Up/Down, Home/End move the active cell, which is
 * announced through aria-activedescendant.
 */
function DataGridInner<R>(props: Props<R>, ref: React.Ref<DataGridHandle>) {
  const { label, rowCount, columns, getRow, rowHeight = 32, onRangeChange, active, onActiveChange } = props
  const scrollRef = useRef<HTMLDivElement>(null)
  const gridId = useId()
  const cellId = useCallback((r: number, c: number) => `${gridId}-r${r}c${c}`, [gridId])
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    getItemKey: props.rowKey,
  })
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items[items.length - 1]?.index ?? -1

  useEffect(() => {
    if (last >= first) onRangeChange?.(first, last)
  }, [first, last, onRangeChange])

  // Keep the active cell in view sideways too (vertical scrolling is the virtualizer's job).
  useEffect(() => {
    if (!active) return
    const id = requestAnimationFrame(() => {
      document
        .getElementById(cellId(active.row, active.col))
        ?.scrollIntoView({ block: 'nearest', inline: 'nearest' })
    })
    return () => cancelAnimationFrame(id)
  }, [active, cellId])

  useImperativeHandle(ref, () => ({
    scrollToRow: (row) => virtualizer.scrollToIndex(row, { align: 'center' }),
    focus: () => scrollRef.current?.focus(),
  }))

  const paneWidth = usePaneWidth(scrollRef)
  const widths = fillPane(columns, paneWidth)
  const totalWidth = widths.reduce((s, w) => s + w, 0)
  const stickyLeft: (number | undefined)[] = []
  let left = 0
  columns.forEach((c, ci) => {
    stickyLeft.push(c.sticky ? left : undefined)
    left += widths[ci]
  })
  const colStyle = (ci: number) =>
    stickyLeft[ci] === undefined ? { width: widths[ci] } : { width: widths[ci], left: stickyLeft[ci] }
  const stickyClass = (ci: number) => (stickyLeft[ci] === undefined ? '' : ' grid-sticky')

  const move = (row: number, col: number) => {
    const r = Math.max(0, Math.min(rowCount - 1, row))
    const c = Math.max(0, Math.min(columns.length - 1, col))
    onActiveChange?.({ row: r, col: c })
    virtualizer.scrollToIndex(r)
  }

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (rowCount === 0) return
    const cur = active ?? { row: 0, col: 0 }
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 320) / rowHeight) - 1)
    if (e.target !== scrollRef.current) return
    let handled = true
    switch (e.key) {
      case 'ArrowDown':
        move(cur.row + 1, cur.col)
        break
      case 'ArrowUp':
        move(cur.row - 1, cur.col)
        break
      case 'ArrowRight':
        move(cur.row, cur.col + 1)
        break
      case 'ArrowLeft':
        move(cur.row, cur.col - 1)
        break
      case 'PageDown':
        move(cur.row + page, cur.col)
        break
      case 'PageUp':
        move(cur.row - page, cur.col)
        break
      case 'Home':
        move(e.ctrlKey ? 0 : cur.row, 0)
        break
      case 'End':
        move(e.ctrlKey ? rowCount - 1 : cur.row, columns.length - 1)
        break
      case 'Enter':
      case 'F2':
        props.onCellActivate?.(cur)
        break
      default:
        handled = false
    }
    if (handled) e.preventDefault()
  }

  return (
    <div
      ref={scrollRef}
      className="grid-scroll"
      role="grid"
      aria-label={label}
      aria-rowcount={rowCount + 1}
      aria-colcount={columns.length}
      aria-activedescendant={active ? cellId(active.row, active.col) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid={props.testId}
    >
      <div className="grid-header" role="row" aria-rowindex={1} style={{ width: totalWidth }}>
        {columns.map((c, ci) => (
          <div
            key={c.id}
            className={`grid-hcell${stickyClass(ci)}`}
            role="columnheader"
            aria-colindex={ci + 1}
            style={colStyle(ci)}
          >
            {c.header}
          </div>
        ))}
      </div>
      <div className="grid-body" style={{ height: virtualizer.getTotalSize(), width: totalWidth }}>
        {items.map((item) => {
          const row = getRow(item.index)
          const isActiveRow = active?.row === item.index
          return (
            <div
              key={item.key}
              role="row"
              aria-rowindex={item.index + 2}
              data-row={item.index}
              className={`grid-row${isActiveRow ? ' grid-row-active' : ''}${item.index % 2 ? ' grid-row-odd' : ''} ${props.rowClass?.(row, item.index) ?? ''}`}
              style={{ height: rowHeight, transform: `translateY(${item.start}px)` }}
            >
              {row === undefined ? (
                <div className="grid-cell grid-placeholder" role="gridcell" style={{ width: totalWidth }}>
                  {props.loadingText ?? '…'}
                </div>
              ) : (
                columns.map((c, ci) => {
                  const isActive = isActiveRow && active?.col === ci
                  return (
                    // biome-ignore lint/a11y/useKeyWithClickEvents: the grid itself handles Enter for the active cell
                    <div
                      key={c.id}
                      id={cellId(item.index, ci)}
                      role="gridcell"
                      aria-colindex={ci + 1}
                      aria-selected={isActive}
                      title={c.cellTitle?.(row, item.index)}
                      className={`grid-cell${stickyClass(ci)}${isActive ? ' grid-cell-active' : ''} ${c.cellClass?.(row, item.index) ?? ''}`}
                      style={colStyle(ci)}
                      onMouseDown={() => onActiveChange?.({ row: item.index, col: ci })}
                      onClick={(e) => {
                        if (!props.activateOnClick) return
                        if ((e.target as HTMLElement).closest('input, button, a, select, label')) return
                        props.onCellActivate?.({ row: item.index, col: ci })
                      }}
                      onDoubleClick={() => {
                        if (!props.activateOnClick) props.onCellActivate?.({ row: item.index, col: ci })
                      }}
                    >
                      {c.cell(row, item.index, isActive)}
                    </div>
                  )
                })
              )}
            </div>
          )
        })}
      </div>
    </div>
  )
}

/** The grid's inner width (without its scrollbar), followed as the window or a side panel changes it. */
function usePaneWidth(ref: React.RefObject<HTMLDivElement | null>): number {
  const [width, setWidth] = useState(0)
  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    const measure = () => setWidth(el.clientWidth)
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(el)
    return () => observer.disconnect()
  }, [ref])
  return width
}

/** Column widths, with the pane's spare room shared among the columns that `grow`; whole pixels. */
export function fillPane(columns: readonly { width: number; grow?: number }[], pane: number): number[] {
  const widths = columns.map((c) => c.width)
  const growth = columns.reduce((s, c) => s + (c.grow ?? 0), 0)
  const spare = pane - widths.reduce((s, w) => s + w, 0)
  if (growth <= 0 || spare <= 0) return widths
  let given = 0
  const last = columns.map((c) => (c.grow ?? 0) > 0).lastIndexOf(true)
  return columns.map((c, i) => {
    if (!c.grow) return widths[i]
    const extra = i === last ? spare - given : Math.floor((spare * c.grow) / growth)
    given += extra
    return widths[i] + extra
  })
}

export const DataGrid = forwardRef(DataGridInner) as <R>(
  props: Props<R> & { ref?: React.Ref<DataGridHandle> },
) => ReturnType<typeof DataGridInner>
