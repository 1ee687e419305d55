import type { RunRow } from '../../../../shared/contract'

/**
 * The run grid's rows: pages fetched from main by position, plus the live changes pushed by
 * `runs:rows`, reduced by invoice id. A pushed change wins over an older page until the page is
 * fetched again, so 100k rows never need to be held or re-sent.
 */
export const PAGE_SIZE = 200

export class RowStore {
  private pages = new Map<number, RunRow[]>()
  private live = new Map<number, { row: RunRow; seq: number }>()
  /** Page → the push sequence number when it was asked for. */
  private requested = new Map<number, number>()
  private seq = 0
  total = 0
  /** Bumped on every change; React re-renders when it moves. */
  version = 0

  rowAt(index: number): RunRow | undefined {
    const page = this.pages.get(Math.floor(index / PAGE_SIZE))
    const row = page?.[index % PAGE_SIZE]
    if (!row) return undefined
    return this.live.get(row.id)?.row ?? row
  }

  /** Pages covering [start, end] not yet asked for; marks them asked. */
  missingPages(start: number, end: number): number[] {
    const out: number[] = []
    for (let p = Math.floor(start / PAGE_SIZE); p <= Math.floor(end / PAGE_SIZE); p++) {
      if (!this.requested.has(p) && p * PAGE_SIZE < Math.max(this.total, 1)) {
        this.requested.set(p, this.seq)
        out.push(p)
      }
    }
    return out
  }

  setPage(page: number, rows: RunRow[], total: number): void {
    // Main commits before it pushes, so the page already holds every push received before it was
    // asked for; later pushes may be newer than the page and stay on top.
    const askedAt = this.requested.get(page) ?? this.seq
    for (const r of rows) {
      const pushed = this.live.get(r.id)
      if (pushed && pushed.seq <= askedAt) this.live.delete(r.id)
    }
    this.pages.set(page, rows)
    this.total = total
    this.version++
  }

  pageFailed(page: number): void {
    this.requested.delete(page)
  }

  /** Applies a batch of pushed row changes (the last one per id wins). */
  applyChanges(rows: readonly RunRow[]): void {
    if (rows.length === 0) return
    const seq = ++this.seq
    for (const r of rows) this.live.set(r.id, { row: r, seq })
    this.version++
  }

  /** Forgets loaded pages so the visible ones are fetched again (filter change, refresh). */
  invalidate(): void {
    this.pages.clear()
    this.requested.clear()
    this.live.clear()
    this.version++
  }

  /** Loaded rows matching a predicate (for selections made from what is on screen). */
  loadedRows(): RunRow[] {
    const out: RunRow[] = []
    for (const page of this.pages.values()) for (const r of page) out.push(this.live.get(r.id)?.row ?? r)
    return out
  }
}
