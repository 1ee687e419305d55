import type { FeatureToggle } from '../../shared/kravia'
import { type DinteroApi, DinteroError } from '../dintero/types'
import type { Logger } from '../log'
import { backoffDelay } from './backoff'
import type { Clock } from './clock'
import type { Ledger } from '../journal/send-writes'
import type { ProgressTracker } from './progress'
import type { Work, WorkQueue } from './queue'
import type { Scheduler, SchedulerOutcome } from './scheduler'
import type { BatchSettings } from '../journal/types'

/** What a send or lookup step needs from the running engine, and the retry rules they share. */

export type StopMode = 'pause' | 'signal' | 'cancel' | 'auth' | 'lease_lost' | 'error' | 'unreachable'
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
  /** A row left sendable (`pending`) after its tries ran out on transient errors. */
  gaveUp(id: number): void
  /**
   * What a request heard back: nothing (`error` carries a network fault: DNS, refused, TLS,
   * timeout) or some answer. Drives the "cannot reach Dintero" notice and the pause after two
   * minutes of silence.
   */
  heard(error?: unknown): void
  /** Dintero answered something lately: a fault then counts against the invoice's tries. */
  reachable(): boolean
  /** Span over which an empty lookup must be repeated before it is believed (see `lookupStep`). */
  confirmSpanMs: number
}

/** Transient tries an invoice gets in one run (older batches did not store it). */
export const DEFAULT_TRANSIENT_TRIES = 8

export function triesAllowed(settings: BatchSettings): number {
  return Math.max(1, settings.transientTries ?? DEFAULT_TRANSIENT_TRIES)
}

/** A fault of this invoice's request: counts against its tries unless Dintero cannot be reached at all. */
export function countFault(ctx: StepContext, w: Work): void {
  w.faults++
  if (ctx.reachable()) w.tries++
}

export function errorFacts(e: unknown): { status?: number; code?: string; message: string; kind?: string } {
  if (e instanceof DinteroError)
    return { status: e.info.status, code: e.info.code, message: e.info.message, kind: e.kind }
  return { message: e instanceof Error ? e.message : String(e), kind: 'internal' }
}

/**
 * Requeues a row after a transient failure, or gives up once its tries are spent. A `pending` row
 * that gives up stays `pending` (reason `transient`): the last lookup, or a refusal before
 * sending, proved nothing exists, so it is sendable and `resume` sends it. `failed` is kept for
 * what Dintero or the data refused.
 */
export async function requeueOrGiveUp(ctx: StepContext, w: Work, message: string): Promise<void> {
  const now = ctx.clock.now()
  const spent = w.tries >= triesAllowed(ctx.settings)
  if (spent || ctx.stopMode() === 'cancel') {
    if (w.state === 'pending' && ctx.stopMode() !== 'cancel') {
      await ctx.commit(() =>
        ctx.ledger.move(
          w.id,
          'pending',
          'pending',
          { fail_reason: 'transient', error_message: message },
          now,
        ),
      )
      ctx.tracker.move(w.id, 'pending', 'pending')
      ctx.gaveUp(w.id)
    } else if (w.state === 'unknown') {
      ctx.unresolved(w.id)
    }
    return
  }
  ctx.queue.push(w, now)
}

/** Exponential backoff with jitter for this invoice's `faults`-th fault (capped by the settings). */
export function backoff(ctx: StepContext, faults: number): number {
  return backoffDelay(faults, ctx.settings.backoffBaseMs, ctx.settings.backoffMaxMs, ctx.random)
}
