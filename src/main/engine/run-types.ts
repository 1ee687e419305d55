import type { RunProgress } from '../../shared/contract'
import type { BatchState, PauseReason } from '../../shared/states'
import type { Db } from '../db/open'
import type { DinteroApi } from '../dintero/types'
import type { Counts } from '../journal/types'
import type { Logger } from '../log'
import type { Clock } from './clock'
import type { LeaseOptions } from './lease'
import type { RunUpdate } from './progress'

/** What a run needs, how it reports, and what it ends with. */

export interface RunDeps {
  db: Db
  client: DinteroApi
  clock?: Clock
  log?: Logger
  random?: () => number
  /** Lease identity and liveness checks (tests). */
  lease?: Omit<LeaseOptions, 'now'>
}

export interface RunOptions {
  /** Batched updates: at most one per `updateIntervalMs` (default 200 ms), each with every changed row. */
  onEvent?: (update: RunUpdate) => void
  updateIntervalMs?: number
  /** Skip the canary (the user confirmed after a canary stop). */
  ignoreCanary?: boolean
  heartbeatMs?: number
  /** Span over which "nothing found" must be seen again for a row that may exist unseen (default 10 s). */
  confirmSpanMs?: number
  /** No answer at all from Dintero for this long pauses the run (default 2 min). */
  silenceLimitMs?: number
}

export interface RunSummary {
  batchId: string
  state: BatchState
  pauseReason: PauseReason | null
  total: number
  counts: Counts
  /** The CLI exit code this outcome maps to: 0 all invoiced, 1 some failed, 2 credentials refused, 3 stopped. */
  exitCode: 0 | 1 | 2 | 3
  /** Rows this run could not settle (unknown left, blocked). */
  unresolved: number
}

export interface RunHandle {
  batchId: string
  /** Stops sending; in-flight requests finish and are journaled; the batch becomes paused. */
  pause(reason?: 'user' | 'signal'): void
  /** Stops sending, settles unknown rows by lookup, marks the rest cancelled. */
  cancel(): void
  progress(): RunProgress
  done: Promise<RunSummary>
}
