import { useCallback, useEffect, useRef, useState } from 'react'
import type { ReviewRowView } from '../../../../shared/contract'
import { locate, PAGE_SIZE, pagesForRange, pagesToKeep } from './pages'

export type PageFetcher = (
  offset: number,
  limit: number,
) => Promise<{ total: number; offset: number; rows: ReviewRowView[] } | undefined>

/**
 * Rows of the review grid, fetched from main a page at a time as they scroll into view. `key`
 * names the query (filter); changing it starts over. `invalidate` refetches what is in view.
 */
export function useRowPages(fetchPage: PageFetcher, key: string) {
  const [total, setTotal] = useState<number | null>(null)
  const [version, setVersion] = useState(0)
  const pages = useRef(new Map<number, ReviewRowView[]>())
  const inFlight = useRef(new Set<number>())
  const visible = useRef<number[]>([0])
  const generation = useRef(0)
  const fetchRef = useRef(fetchPage)
  fetchRef.current = fetchPage

  const load = useCallback(async (page: number) => {
    if (inFlight.current.has(page)) return
    inFlight.current.add(page)
    const gen = generation.current
    const r = await fetchRef.current(page * PAGE_SIZE, PAGE_SIZE)
    inFlight.current.delete(page)
    if (!r || gen !== generation.current) return
    pages.current.set(page, r.rows)
    setTotal(r.total)
    setVersion((v) => v + 1)
  }, [])

  // biome-ignore lint/correctness/useExhaustiveDependencies: key names the query; a new one starts over
  useEffect(() => {
    generation.current++
    pages.current.clear()
    inFlight.current.clear()
    setTotal(null)
    void load(0)
  }, [key, load])

  const onRangeChange = useCallback(
    (start: number, end: number) => {
      if (total === null) return
      const want = pagesForRange(start, end, total)
      visible.current = want
      const keep = new Set(pagesToKeep(want, pages.current.keys()))
      for (const p of [...pages.current.keys()]) if (!keep.has(p)) pages.current.delete(p)
      for (const p of want) if (!pages.current.has(p)) void load(p)
    },
    [total, load],
  )

  // biome-ignore lint/correctness/useExhaustiveDependencies: version makes a new getRow when pages arrive, so the grid redraws
  const getRow = useCallback(
    (index: number): ReviewRowView | undefined => {
      const { page, offset } = locate(index)
      return pages.current.get(page)?.[offset]
    },
    [version],
  )

  /** Puts fresh rows (by source line) into the cache at once, then refetches what is in view. */
  const invalidate = useCallback(
    (fresh: ReviewRowView[] = []) => {
      const byLine = new Map(fresh.map((r) => [r.line, r]))
      for (const rows of pages.current.values()) {
        rows.forEach((r, i) => {
          const f = byLine.get(r.line)
          if (f) rows[i] = { ...f, index: r.index }
        })
      }
      setVersion((v) => v + 1)
      generation.current++
      const want = visible.current.length ? visible.current : [0]
      for (const p of [...pages.current.keys()]) if (!want.includes(p)) pages.current.delete(p)
      inFlight.current.clear()
      for (const p of want) void load(p)
    },
    [load],
  )

  return { total, getRow, onRangeChange, invalidate }
}
