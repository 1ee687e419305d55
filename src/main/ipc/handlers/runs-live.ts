import type { RunProgress } from '../../../shared/contract'
import { AppError } from '../../../shared/errors'
import { startRun, type RunHandle, type RunSummary } from '../../engine/engine'
import { getCounts } from '../../journal/reads'
import { LEASE_STALE_MS, leaseHolder } from '../../engine/lease'
import { makeProgress } from '../../engine/progress'
import { requireBatch } from './batch-view'
import type { HandlerContext } from './context'
import { uiLanguage } from './dialog-text'

/** A run that ends after this long, while the window is in the background, is notified. */
export const LONG_RUN_MS = 20_000
/** 4 updates a second: progress and rows go in one message, so the page gets at most ~4–5/s. */
export const UPDATE_INTERVAL_MS = 250

interface Live {
  handle: RunHandle
  startedAt: number
  last: RunProgress
  /** Pause or cancel asked; in-flight requests are finishing. */
  stopping: boolean
}

/**
 * The app's running batches: starts the engine with the batch's own Dintero connection, turns
 * its batched updates into `runs:rows` / `runs:progress` pushes, and notifies the user when a
 * long run ends while the window is in the background.
 */
export function createLiveRuns(ctx: HandlerContext) {
  const { db } = ctx
  const { environments } = ctx
  const live = new Map<string, Live>()
  let background = false

  const fromJournal = (batchId: string): RunProgress => {
    const b = requireBatch(db, batchId)
    let state = b.state
    let pauseReason: string | null = b.pause_reason
    // "running" in the journal but not here: either another process (the CLI) sends it, or the
    // app stopped mid-run (crash, power loss) — then it is effectively paused and can be resumed.
    if (state === 'running' && !live.has(batchId)) {
      const holder = leaseHolder(db, batchId)
      if (!holder || Date.now() - holder.heartbeatAtMs >= LEASE_STALE_MS) {
        state = 'paused'
        pauseReason = 'crash'
      }
    }
    return makeProgress(batchId, state, b.invoice_count, getCounts(db, batchId), 0, pauseReason)
  }

  const progress = (batchId: string): RunProgress => {
    const l = live.get(batchId)
    return l ? { ...l.handle.progress(), pauseReason: null } : fromJournal(batchId)
  }

  const notifyEnd = (summary: RunSummary, startedAt: number) => {
    if (!background || ctx.clock().getTime() - startedAt < LONG_RUN_MS) return
    const lang = uiLanguage(ctx)
    const failed = (summary.counts.failed ?? 0) + (summary.counts.unknown ?? 0)
    const done = summary.total - (summary.counts.pending ?? 0) - (summary.counts.cancelled ?? 0) - failed
    ctx.notifier.notify(
      lang === 'nb'
        ? {
            title: `Kjøring ${summary.batchId} er ferdig`,
            body: `${done} av ${summary.total} sendt, ${failed} feilet.`,
          }
        : {
            title: `Batch ${summary.batchId} is finished`,
            body: `${done} of ${summary.total} sent, ${failed} failed.`,
          },
    )
  }

  const begin = async (batchId: string, options: { ignoreCanary?: boolean; cancelAtOnce?: boolean } = {}) => {
    const existing = live.get(batchId)
    if (existing) return existing
    const batch = requireBatch(db, batchId)
    const { api } = await environments.forBatch(batch)
    if (live.has(batchId)) return live.get(batchId) as Live
    const handle = startRun({ db, client: api, log: ctx.log }, batchId, {
      updateIntervalMs: UPDATE_INTERVAL_MS,
      ignoreCanary: options.ignoreCanary,
      onEvent: (u) => {
        const p = { ...u.progress, pauseReason: null }
        const l = live.get(batchId)
        if (l) l.last = p
        if (u.rows.length) ctx.events.emit('runs:rows', { batchId, rows: u.rows, progress: p })
        else ctx.events.emit('runs:progress', p)
      },
    })
    if (options.cancelAtOnce) handle.cancel()
    const entry: Live = {
      handle,
      startedAt: ctx.clock().getTime(),
      last: fromJournal(batchId),
      stopping: false,
    }
    live.set(batchId, entry)
    handle.done
      .then((summary) => {
        live.delete(batchId)
        ctx.events.emit('runs:ended', fromJournal(batchId))
        notifyEnd(summary, entry.startedAt)
      })
      .catch((e: unknown) => {
        live.delete(batchId)
        ctx.log.error(`run of ${batchId} failed`, e)
        ctx.events.emit('runs:ended', fromJournal(batchId))
      })
    return entry
  }

  ctx.onDispose(async () => {
    // Closing the app pauses every run; in-flight requests finish and are journaled first.
    const runs = [...live.values()]
    for (const l of runs) l.handle.pause('signal')
    await Promise.allSettled(runs.map((l) => l.handle.done))
  })

  return {
    progress,
    isLive: (batchId: string) => live.has(batchId),
    anyLive: () => live.size > 0,
    setBackground(value: boolean) {
      background = value
    },
    async start(batchId: string): Promise<RunProgress> {
      // Continue pressed while a pause is still finishing its in-flight requests: wait for it.
      const stopping = live.get(batchId)
      if (stopping?.stopping) await stopping.handle.done.catch(() => undefined)
      const b = requireBatch(db, batchId)
      if (b.state === 'finished' || b.state === 'cancelled') return fromJournal(batchId)
      await begin(batchId, { ignoreCanary: b.pause_reason === 'canary' })
      return progress(batchId)
    },
    pause(batchId: string): RunProgress {
      const l = live.get(batchId)
      if (!l)
        throw new AppError('not_running', `Batch ${batchId} is not being sent.`, {
          message_nb: `Kjøringen ${batchId} sendes ikke nå.`,
        })
      l.stopping = true
      l.handle.pause('user')
      return { ...progress(batchId), state: 'paused', pauseReason: 'user' }
    },
    async cancel(batchId: string): Promise<RunProgress> {
      const l = live.get(batchId)
      if (l) {
        l.stopping = true
        l.handle.cancel()
        return progress(batchId)
      }
      const b = requireBatch(db, batchId)
      if (b.state !== 'paused') return fromJournal(batchId)
      // A paused batch is cancelled by the engine too: it settles unknown rows by lookup first.
      await begin(batchId, { cancelAtOnce: true })
      return progress(batchId)
    },
    unfinished: () => {
      const rows = db
        .prepare(
          `SELECT id FROM batches WHERE state IN ('running','paused') ORDER BY created_at DESC LIMIT 20`,
        )
        .all() as { id: string }[]
      return rows.map((r) => r.id).filter((id) => !live.has(id))
    },
  }
}

export type LiveRuns = ReturnType<typeof createLiveRuns>
