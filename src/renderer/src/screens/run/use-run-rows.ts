import { useCallback, useEffect, useRef, useState } from 'react'
import type { RunInvoiceState } from '../../../../shared/contract'
import { PAGE_SIZE, RowStore } from './row-store'

export interface RowFilter {
  state?: RunInvoiceState
  search?: string
}

/**
 * Feeds the run grid: fetches pages by position as the grid scrolls and applies the batched
 * `runs:rows` pushes. A push renders once together with its progress; page arrivals are folded
 * into one render per animation frame.
 */
export function useRunRows(batchId: string, filter: RowFilter) {
  const storeRef = useRef(new RowStore())
  const store = storeRef.current
  const [, setVersion] = useState(0)
  const frame = useRef(0)
  const range = useRef<[number, number]>([0, 60])
  const generation = useRef(0)

  const bump = useCallback(() => {
    if (frame.current) return
    frame.current = requestAnimationFrame(() => {
      frame.current = 0
      setVersion(store.version)
    })
  }, [store])

  const fetchPages = useCallback(
    (start: number, end: number) => {
      const gen = generation.current
      for (const page of store.missingPages(start, end)) {
        window.api.batches
          .rows({
            batchId,
            state: filter.state,
            search: filter.search || undefined,
            offset: page * PAGE_SIZE,
            limit: PAGE_SIZE,
          })
          .then((r) => {
            if (gen !== generation.current) return
            if (r.ok) store.setPage(page, r.value.rows, r.value.total)
            else store.pageFailed(page)
            bump()
          })
          .catch(() => store.pageFailed(page))
      }
    },
    [batchId, filter.state, filter.search, store, bump],
  )

  const onRangeChange = useCallback(
    (start: number, end: number) => {
      range.current = [start, end]
      fetchPages(start, end)
    },
    [fetchPages],
  )

  const reload = useCallback(() => {
    generation.current++
    store.invalidate()
    fetchPages(range.current[0], range.current[1])
    bump()
  }, [store, fetchPages, bump])

  // A new filter starts from the top with fresh pages.
  useEffect(() => {
    range.current = [0, 60]
    reload()
  }, [reload])

  useEffect(
    () =>
      window.api.on.runs.rows((e) => {
        if (e.batchId !== batchId) return
        store.applyChanges(e.rows)
        // Render now, not on the next frame: React then batches this with the progress update
        // carried by the same message into one render (pushes come at most ~5 a second).
        setVersion(store.version)
      }),
    [batchId, store],
  )

  useEffect(() => () => cancelAnimationFrame(frame.current), [])

  return { store, total: store.total, onRangeChange, reload }
}
