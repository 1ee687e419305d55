import type { Db } from '../db/open'
import { DinteroError } from '../dintero/types'
import type { AttemptKind } from '../journal/types'

/**
 * Journals one HTTP try of an after-sending action: inserted (outcome null) before the request
 * leaves, completed when it returns, so a crash mid-request still shows that it was made.
 */

function prepare(db: Db) {
  return {
    begin: db.prepare(`INSERT INTO attempts (invoice_id, batch_id, kind, started_at, transaction_id)
      VALUES (?, ?, ?, ?, ?)`),
    finish:
      db.prepare(`UPDATE attempts SET duration_ms = ?, http_status = ?, error_kind = ?, dintero_code = ?,
      dintero_message = ?, outcome = ? WHERE id = ?`),
  }
}
const cache = new WeakMap<Db, ReturnType<typeof prepare>>()
function stmts(db: Db) {
  let s = cache.get(db)
  if (!s) {
    s = prepare(db)
    cache.set(db, s)
  }
  return s
}

export interface AttemptHandle {
  id: number
  started: number
}

export function beginAttempt(
  db: Db,
  invoice: { id: number; batch_id: string },
  kind: AttemptKind,
  transactionId: string | null,
  now: Date = new Date(),
): AttemptHandle {
  const info = stmts(db).begin.run(invoice.id, invoice.batch_id, kind, now.toISOString(), transactionId)
  return { id: Number(info.lastInsertRowid), started: performance.now() }
}

export function finishAttempt(
  db: Db,
  handle: AttemptHandle,
  result: { httpStatus?: number; outcome: string } | { error: unknown },
): void {
  const ms = Math.round(performance.now() - handle.started)
  if ('error' in result) {
    const e = result.error
    const info = e instanceof DinteroError ? e.info : undefined
    stmts(db).finish.run(
      ms,
      info?.status ?? null,
      info?.kind ?? 'internal',
      info?.code ?? null,
      info ? info.message : e instanceof Error ? e.message : String(e),
      'error',
      handle.id,
    )
    return
  }
  stmts(db).finish.run(ms, result.httpStatus ?? null, null, null, null, result.outcome, handle.id)
}
