/**
 * Paging for the review grid: main keeps the rows, the grid asks only for the pages in view.
 * Pure functions, unit-tested; the hook in use-row-pages.ts holds the state.
 */
export const PAGE_SIZE = 200

/** Page numbers covering rows [start, end] (inclusive), clipped to the row count. */
export function pagesForRange(start: number, end: number, total: number, pageSize = PAGE_SIZE): number[] {
  if (total <= 0 || end < start) return []
  const first = Math.max(0, Math.floor(start / pageSize))
  const last = Math.min(Math.floor((total - 1) / pageSize), Math.floor(end / pageSize))
  const pages: number[] = []
  for (let p = first; p <= last; p++) pages.push(p)
  return pages
}

/** Which cached pages to keep: the ones in view and their neighbours; the rest can be dropped. */
export function pagesToKeep(visible: readonly number[], cached: Iterable<number>, margin = 5): number[] {
  if (visible.length === 0) return [...cached]
  const lo = Math.min(...visible) - margin
  const hi = Math.max(...visible) + margin
  return [...cached].filter((p) => p >= lo && p <= hi)
}

export function locate(index: number, pageSize = PAGE_SIZE): { page: number; offset: number } {
  return { page: Math.floor(index / pageSize), offset: index % pageSize }
}
