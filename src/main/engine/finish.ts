import type { BatchState, PauseReason } from '../../shared/states'
import type { Db } from '../db/open'
import type { RunSummary } from './run-types'
import { getCounts } from '../journal/reads'
import type { ProgressTracker } from './progress'
import type { StopMode } from './step-context'

export interface FinishFacts {
  batchId: string
  /** Why the loop ended; null = it ran out of work. */
  stop: StopMode | null
  canaryHeld: boolean
  unresolved: number
  /** Rows left sendable after transient errors. */
  transient: number
  total: number
  tracker: ProgressTracker
  now: number
}

/**
 * The batch's state once a run's loop has drained: finished when no row is open, cancelled
 * (never-sent rows too), or paused with the reason a resume should know. A process that lost its
 * lease writes nothing: the batch belongs to the new holder.
 */
export function finishRun(db: Db, f: FinishFacts): RunSummary {
  const { batchId, stop, tracker } = f
  const t = new Date(f.now).toISOString()
  let state: BatchState
  let reason: PauseReason | null = null
  if (stop === 'cancel') {
    const cancelled = db
      .prepare(
        `UPDATE invoices SET state = 'cancelled', updated_at = ?, completed_at = ? WHERE batch_id = ? AND state = 'pending' RETURNING id`,
      )
      .all(t, t, batchId) as { id: number }[]
    for (const r of cancelled) tracker.move(r.id, 'pending', 'cancelled')
    state = 'cancelled'
  } else if (stop === 'pause' || stop === 'signal') {
    state = 'paused'
    reason = stop === 'pause' ? 'user' : 'signal'
  } else if (stop === 'auth') {
    state = 'paused'
    reason = 'auth'
  } else if (stop === 'unreachable') {
    state = 'paused'
    reason = 'unreachable'
  } else if (stop === 'error' || stop === 'lease_lost') {
    state = 'paused'
    reason = 'crash'
  } else {
    const counts = getCounts(db, batchId)
    const open = (counts.pending ?? 0) + (counts.sending ?? 0) + (counts.unknown ?? 0)
    if (open === 0) state = 'finished'
    else {
      state = 'paused'
      reason =
        f.unresolved > 0
          ? 'unresolved'
          : f.canaryHeld
            ? 'canary'
            : f.transient > 0
              ? 'transient'
              : 'unresolved'
    }
  }
  if (stop !== 'lease_lost') {
    db.prepare(
      `UPDATE batches SET state = ?, pause_reason = ?, updated_at = ?, finished_at = CASE WHEN ? = 'finished' THEN ? ELSE finished_at END,
         canary_passed = CASE WHEN ? THEN 1 ELSE canary_passed END WHERE id = ?`,
    ).run(state, reason, t, state, t, f.canaryHeld ? 1 : 0, batchId)
  }
  const counts = getCounts(db, batchId)
  let exitCode: RunSummary['exitCode'] = 3
  if (state === 'finished') exitCode = (counts.failed ?? 0) > 0 ? 1 : 0
  else if (reason === 'auth') exitCode = 2
  return { batchId, state, pauseReason: reason, total: f.total, counts, exitCode, unresolved: f.unresolved }
}
