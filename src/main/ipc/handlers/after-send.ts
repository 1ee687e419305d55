import type { ActionOutcome } from '../../../shared/contract'
import { AppError } from '../../../shared/errors'
import { captureInvoices } from '../../after-send/capture'
import { refreshBatch } from '../../after-send/refresh'
import type { ActionSummary } from '../../after-send/common'
import { voidInvoices } from '../../after-send/void'
import { readRunRows } from '../../engine/progress'
import { requireBatch } from './batch-view'
import type { HandlerContext } from './context'

/** Refresh progress goes to the page at most this often. */
export const PROGRESS_INTERVAL_MS = 200

/**
 * Void, capture and refresh for the app: the engine's functions with the batch's own Dintero
 * connection, and the changed rows pushed to the page as one `runs:rows` message.
 */
export function batchAfterSend(ctx: HandlerContext) {
  const { db } = ctx
  const { environments } = ctx
  const connect = (batchId: string) => environments.forBatch(requireBatch(db, batchId))

  const push = (batchId: string, ids: readonly number[]) => {
    if (ids.length === 0) return
    // One message for the whole action, however many rows: the grid reduces them by id.
    ctx.events.emit('runs:rows', { batchId, rows: readRunRows(db, ids) })
  }

  const outcome = (s: ActionSummary): ActionOutcome => {
    if (s.authFailed) {
      throw new AppError('auth', 'Dintero refused the credentials; nothing more was sent.', {
        message_nb: 'Dintero avviste nøklene; ingenting mer ble sendt.',
      })
    }
    return { done: s.done + s.pending, failed: s.failed, errors: s.errors.slice(0, 50) }
  }

  return {
    async void(batchId: string, ids: readonly number[]): Promise<ActionOutcome> {
      const { api } = await connect(batchId)
      const s = await voidInvoices(db, api, batchId, { ids })
      push(batchId, ids)
      ctx.log.info(`void in ${batchId}`, {
        count: s.count,
        done: s.done,
        pending: s.pending,
        failed: s.failed,
      })
      return outcome(s)
    },
    async capture(batchId: string, ids: readonly number[]): Promise<ActionOutcome> {
      const { api } = await connect(batchId)
      const s = await captureInvoices(db, api, batchId, { ids })
      push(batchId, ids)
      ctx.log.info(`capture in ${batchId}`, { count: s.count, done: s.done, failed: s.failed })
      return outcome(s)
    },
    async refresh(batchId: string) {
      const { api } = await connect(batchId)
      // A few updates a second at most, and always the last one.
      let lastAt = 0
      const s = await refreshBatch(db, api, batchId, {
        onProgress: (p) => {
          const at = ctx.clock().getTime()
          if (p.checked < p.total && at - lastAt < PROGRESS_INTERVAL_MS) return
          lastAt = at
          ctx.events.emit('batches:refreshProgress', { batchId, ...p })
        },
      })
      if (s.authFailed) {
        throw new AppError('auth', 'Dintero refused the credentials, so payments could not be read.', {
          message_nb: 'Dintero avviste nøklene, så betalingene kunne ikke leses.',
        })
      }
      ctx.log.info(`refresh of ${batchId}`, { checked: s.checked, changed: s.changed, failed: s.failed })
      return s
    },
  }
}
