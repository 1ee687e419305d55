import { setMaxListeners } from 'node:events'
import type { RunNotice, RunProgress } from '../../shared/contract'
import { AppError } from '../../shared/errors'
import { type BatchState, INVOICED_STATES, type PauseReason } from '../../shared/states'
import { DinteroError, type NetworkFault } from '../dintero/types'
import { silentLogger } from '../log'
import { realClock } from './clock'
import { getBatch, getCounts } from '../journal/reads'
import { acquireLease, HEARTBEAT_MS, heartbeat, releaseLease } from './lease'
import { createGroupCommit } from './group-commit'
import { recoverBatch } from '../journal/recover'
import { createLedger } from '../journal/send-writes'
import { makeProgress, ProgressTracker, readRunRows } from './progress'
import { type Work, WorkQueue } from './queue'
import { loadWork } from './resume-work'
import type { RunDeps, RunHandle, RunOptions, RunSummary } from './run-types'
import { Scheduler } from './scheduler'
import { CONFIRM_SPAN_MS, lookupStep } from './lookup'
import { sendStep } from './send'
import type { Release, StepContext, StopMode } from './step-context'
import { finishRun } from './finish'
import { outageNotice, silentNotice, unreachableNotice } from './notice'

/** A run with no answer at all from Dintero for this long pauses itself (resumable). */
export const UNREACHABLE_PAUSE_MS = 120_000
/** An answer this recent means Dintero is reachable: faults then count against an invoice's tries. */
const REACHABLE_MS = 30_000

export type { RunDeps, RunHandle, RunOptions, RunSummary } from './run-types'

/**
 * Sends (or resumes) a batch. Throws at once when the batch cannot run (unknown, cancelled, or
 * sent by another process); otherwise returns a handle whose `done` settles when the run ends.
 */
export function startRun(deps: RunDeps, batchId: string, options: RunOptions = {}): RunHandle {
  const { db, client } = deps
  const clock = deps.clock ?? realClock
  const log = deps.log ?? silentLogger
  const batch = getBatch(db, batchId)
  if (!batch) throw new AppError('no_batch', `Batch "${batchId}" does not exist.`)
  if (batch.state === 'cancelled') {
    throw new AppError('batch_cancelled', `Batch ${batchId} was cancelled; it cannot be sent again.`, {
      message_nb: `Kjøringen ${batchId} ble avbrutt og kan ikke sendes igjen.`,
    })
  }
  const lease = acquireLease(db, batchId, { ...deps.lease, now: Date.now() })
  const ledger = createLedger(db, lease, batch.env, batch.account)
  const startedAt = clock.now()
  try {
    recoverBatch(db, batchId, startedAt, true)
    db.prepare(`UPDATE batches SET state = 'running', pause_reason = NULL, updated_at = ? WHERE id = ?`).run(
      new Date(startedAt).toISOString(),
      batchId,
    )
  } catch (e) {
    // A full disk, a read-only file: give the batch back rather than hold it for 15 s.
    releaseLease(db, lease)
    throw e
  }

  const settings = batch.settings
  const tracker = new ProgressTracker(getCounts(db, batchId), () => clock.now())
  const queue = new WorkQueue()
  loadWork(db, batchId, queue, startedAt)
  const scheduler = new Scheduler({ rate: settings.rate, concurrency: settings.concurrency, clock })
  const sentCount = (
    db
      .prepare('SELECT COUNT(*) AS n FROM invoices WHERE batch_id = ? AND first_sent_at IS NOT NULL')
      .get(batchId) as { n: number }
  ).n
  const canaryOn = settings.canary !== null && !batch.canary_passed && !options.ignoreCanary
  let canaryLeft = canaryOn ? Math.max(0, (settings.canary ?? 0) - sentCount) : Number.POSITIVE_INFINITY
  let canaryHeld = false

  let stop: StopMode | null = null
  const stopCtl = new AbortController()
  // Every request in flight (up to the concurrency, e.g. 16) listens on this one signal; that is
  // by design, not a leak, and each listener is removed when its request ends.
  setMaxListeners(256, stopCtl.signal)
  const unresolved = new Set<number>()
  const transientLeft = new Set<number>()
  // When Dintero last answered anything (null: not yet in this run), and the network fault that
  // keeps it from answering now, if any.
  let lastAnswerAt: number | null = null
  let silence: { fault: NetworkFault; since: number } | null = null
  const nothingCreated = () =>
    (tracker.counts.unknown ?? 0) === 0 && !INVOICED_STATES.some((st) => (tracker.counts[st] ?? 0) > 0)
  const checkSilence = () => {
    const limit = options.silenceLimitMs ?? UNREACHABLE_PAUSE_MS
    if (silence && clock.now() - (lastAnswerAt ?? startedAt) >= limit && stop === null) {
      log.error('No answer from Dintero for 2 minutes; pausing the batch', { batchId, ...silence.fault })
      requestStop('unreachable')
    }
  }
  const heard = (e?: unknown) => {
    const fault = e instanceof DinteroError ? e.info.network : undefined
    if (fault && fault.reason !== 'lost') {
      if (!silence || silence.fault.reason !== fault.reason) {
        silence = { fault, since: clock.now() }
        log.warn(unreachableNotice(fault, nothingCreated()).message, {
          batchId,
          code: e instanceof DinteroError ? e.info.code : undefined,
        })
      }
      checkSilence()
      return
    }
    lastAnswerAt = clock.now()
    if (silence) {
      log.info('Dintero answers again', { batchId, host: silence.fault.host })
      silence = null
    }
  }
  let wakeFn: (() => void) | null = null
  const wake = () => {
    const f = wakeFn
    wakeFn = null
    f?.()
  }
  const requestStop = (mode: StopMode) => {
    // The first reason wins, except that credentials refused or a lost lease override a pause.
    if (stop === null || mode === 'auth' || mode === 'lease_lost' || mode === 'error') stop = mode
    if (mode !== 'cancel') stopCtl.abort()
    scheduler.wakeAll()
    wake()
  }
  const ctx: StepContext = {
    client,
    clock,
    log,
    random: deps.random ?? Math.random,
    ledger,
    commit: createGroupCommit(db),
    scheduler,
    tracker,
    queue,
    settings,
    toggle: settings.toggle,
    stopMode: () => stop,
    requestStop,
    unresolved: (id) => unresolved.add(id),
    gaveUp: (id) => transientLeft.add(id),
    confirmSpanMs: options.confirmSpanMs ?? CONFIRM_SPAN_MS,
    heard,
    reachable: () => lastAnswerAt !== null && clock.now() - lastAnswerAt < REACHABLE_MS,
  }

  const accept = (w: Work): boolean => {
    if (stop === 'cancel') return w.state === 'unknown'
    if (w.state === 'pending' && !w.sentBefore && canaryLeft <= 0) {
      canaryHeld = true
      return false
    }
    return true
  }

  const currentState = (): BatchState => 'running'
  let endReason: PauseReason | null = null
  const total = batch.invoice_count
  const notice = (state: BatchState): RunNotice | null => {
    if (state !== 'running') return null
    if (silence) return unreachableNotice(silence.fault, nothingCreated())
    const outage = scheduler.outage()
    if (!outage) return null
    const waiting =
      (tracker.counts.pending ?? 0) + (tracker.counts.unknown ?? 0) + (tracker.counts.sending ?? 0)
    return outageNotice(outage.retryInMs, waiting)
  }
  const progress = (state: BatchState = currentState()): RunProgress =>
    makeProgress(
      batchId,
      state,
      total,
      tracker.counts,
      scheduler.observedRate(),
      endReason,
      tracker.settleRate(),
      notice(state) ??
        (state === 'paused' && endReason === 'unreachable' ? silentNotice(silence?.fault ?? null) : null),
    )
  let shownNotice = ''
  const emit = (state?: BatchState) => {
    if (!options.onEvent) {
      tracker.takeChanged()
      return
    }
    try {
      options.onEvent({ progress: progress(state), rows: readRunRows(db, tracker.takeChanged()) })
    } catch (e) {
      log.warn('run listener failed', e)
    }
  }
  const updates = setInterval(() => {
    checkSilence()
    // A new notice (or a new count-down in it) is news even when no row moved.
    const n = notice('running')
    const key = n ? n.message : ''
    if (tracker.dirty || key !== shownNotice) {
      shownNotice = key
      emit()
    }
  }, options.updateIntervalMs ?? 200)
  updates.unref()
  const beats = setInterval(() => {
    try {
      if (!heartbeat(db, lease, Date.now())) requestStop('lease_lost')
    } catch (e) {
      // The file is busy (another writer held it past busy_timeout): a thrown timer callback
      // would kill the process. The next beat tries again; the journal writes are fenced anyway.
      log.warn('lease heartbeat failed', e)
    }
  }, options.heartbeatMs ?? HEARTBEAT_MS)
  beats.unref()

  let inFlight = 0
  let failure: unknown = null
  const waitWake = async (ms?: number) => {
    const woken = new Promise<void>((resolve) => {
      wakeFn = resolve
    })
    if (ms === undefined) return woken
    const timer = new AbortController()
    await Promise.race([woken, clock.sleep(ms, timer.signal)])
    timer.abort()
  }

  async function loop(): Promise<void> {
    for (;;) {
      if (stop !== null && stop !== 'cancel') break
      const now = clock.now()
      queue.promote(now)
      const w = queue.take(accept)
      if (!w) {
        if (inFlight === 0 && !queue.all().some(accept)) break
        await waitWake(queue.nextDelay(now))
        continue
      }
      if (!(await scheduler.acquire(stopCtl.signal))) {
        queue.push(w, clock.now())
        break
      }
      // A stop may have come while this waited for its turn (cancel right after start).
      if (stop !== null && (stop !== 'cancel' || !accept(w))) {
        scheduler.release('none')
        queue.push(w, clock.now())
        continue
      }
      if (w.state === 'pending' && !w.sentBefore) {
        canaryLeft--
        w.sentBefore = true
      }
      inFlight++
      const step = w.state === 'pending' ? sendStep : lookupStep
      let release: Release = 'none'
      step(ctx, w)
        .then((r) => {
          release = r
        })
        .catch((e: unknown) => {
          failure ??= e
          log.error('run step failed', e)
          requestStop('error')
        })
        .finally(() => {
          scheduler.release(release)
          inFlight--
          wake()
        })
    }
    while (inFlight > 0) await waitWake()
  }

  const done = (async (): Promise<RunSummary> => {
    try {
      await loop()
    } finally {
      clearInterval(updates)
      clearInterval(beats)
    }
    // Another process may have taken the batch over while this one was stalled (a laptop lid, a
    // debugger): then the batch is theirs, and a conflict on a row is explained by it.
    if (stop !== 'lease_lost' && !heartbeat(db, lease, Date.now())) {
      stop = 'lease_lost'
      failure = null
    }
    const summary = finishRun(db, {
      batchId,
      stop,
      canaryHeld,
      unresolved: unresolved.size,
      transient: transientLeft.size,
      total,
      tracker,
      now: clock.now(),
    })
    endReason = summary.pauseReason
    emit(summary.state)
    if (stop !== 'lease_lost') releaseLease(db, lease)
    if (failure) throw failure
    return summary
  })()

  return {
    batchId,
    pause: (reason = 'user') => requestStop(reason === 'user' ? 'pause' : 'signal'),
    cancel: () => requestStop('cancel'),
    progress: () => progress(),
    done,
  }
}
