import type { Db } from '../db/open'

/**
 * Group commit: journal writes requested in the same turn of the event loop are committed in one
 * transaction (each in its own savepoint, so one failing write does not undo the others). With
 * synchronous=FULL every commit is an fsync — 0.15 ms on a quiet SSD but several ms on a busy
 * disk — so one fsync for many rows is what lets a run reach hundreds of invoices a second while
 * every `sending` mark is still durable before its request leaves.
 */
export function createGroupCommit(db: Db): <T>(write: () => T) => Promise<T> {
  type Item = { write: () => unknown; resolve: (v: unknown) => void; reject: (e: unknown) => void }
  let queue: Item[] = []
  let scheduled = false
  const flush = () => {
    scheduled = false
    const items = queue
    queue = []
    const results: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = []
    try {
      // IMMEDIATE: take the write lock up front (waiting out busy_timeout), so another process
      // writing the same file (the app, a void from the CLI) cannot fail this with SQLITE_BUSY.
      db.transaction(() => {
        for (const item of items) {
          try {
            results.push({ ok: true, value: db.transaction(item.write)() })
          } catch (error) {
            results.push({ ok: false, error })
          }
        }
      }).immediate()
    } catch (error) {
      for (const item of items) item.reject(error)
      return
    }
    items.forEach((item, i) => {
      const r = results[i]
      if (r.ok) item.resolve(r.value)
      else item.reject(r.error)
    })
  }
  return <T>(write: () => T) =>
    new Promise<T>((resolve, reject) => {
      queue.push({ write, resolve: resolve as (v: unknown) => void, reject })
      if (!scheduled) {
        scheduled = true
        setImmediate(flush)
      }
    })
}
