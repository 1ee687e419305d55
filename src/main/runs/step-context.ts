import type { FeatureToggle } from '../../shared/kravia'
import { type DinteroApi, DinteroError } from '../dintero/types'
import type { Logger } from '../log'
import { backoffDelay } from './backoff'
import type { Clock } from './clock'
import type { Ledger } from './ledger'
import type { ProgressTracker } from './progress'
import type { Work, WorkQueue } from './queue'
import type { Scheduler, SchedulerOutcome } from './scheduler'
import type { BatchSettings } from './types'

/** What a send or lookup step needs from the running engine, and the retry rules they share. */

export type StopMode = 'pause' | 'signal' | 'cancel' | 'auth' | 'lease_lost' | 'error'
/** How a request ended for the scheduler's books. */
export type Release = SchedulerOutcome

/** What a step needs from the running engine. */
export interface StepContext {
  client: DinteroApi
  clock: Clock
  log: Logger
  random: () => number
  ledger: Ledger
  /** Runs a journal write in the next group commit; resolves once it is durable. */
  commit: <T>(write: () => T) => Promise<T>
  scheduler: Scheduler
  tracker: ProgressTracker
  queue: WorkQueue
  settings: BatchSettings
  toggle: FeatureToggle | null
  stopMode(): StopMode | null
  requestStop(mode: StopMode): void
  /** A row this run cannot settle (left unknown, or blocked by another batch's unresolved row). */
  unresolved(id: number): void
}

export function errorFacts(e: unknown): { status?: number; code?: string; message: string; kind?: string } {
  if (e instanceof DinteroError)
    return { status: e.info.status, code: e.info.code, message: e.info.message, kind: e.kind }
  return { message: e instanceof Error ? e.message : String(e), kind: 'internal' }
}

/** Requeues a row after a transient failure, or gives up once its time budget is spent. */
export async function requeueOrGiveUp(ctx: StepContext, w: Work, message: string): Promise<void> {
  const now = ctx.clock.now()
  const spent = w.transientSince !== null && now - w.transientSince > ctx.settings.transientBudgetMs
  if (spent || ctx.stopMode() === 'cancel') {
    if (w.state === 'pending' && ctx.stopMode() !== 'cancel') {
      // The last lookup (or a refusal before sending) proved nothing exists: safe to call it failed.
      await ctx.commit(() =>
        ctx.ledger.move(w.id, 'pending', 'failed', { fail_reason: 'transient', error_message: message }, now),
      )
      ctx.tracker.move(w.id, 'pending', 'failed')
    } else if (w.state === 'unknown') {
      ctx.unresolved(w.id)
    }
    return
  }
  ctx.queue.push(w, now)
}

export function backoff(ctx: StepContext, tries: number): number {
  return backoffDelay(tries, ctx.settings.backoffBaseMs, ctx.settings.backoffMaxMs, ctx.random)
}
