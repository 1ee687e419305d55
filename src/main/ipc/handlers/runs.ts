import type { ActionOutcome, Selection } from '../../../shared/contract'
import { previewCapture } from '../../after-send/capture'
import { getBatch } from '../../journal/reads'
import { previewVoid } from '../../after-send/void'
import { batchAfterSend } from './after-send'
import { createBackgroundRefresh } from './background-refresh'
import { requireBatch, toSummary } from './batch-view'
import type { AreaHandlers, HandlerContext } from './context'
import { confirmProductionAction, sendScope } from './production-confirm'
import { createLiveRuns } from './runs-live'

/** Start, pause, resume and cancel runs; void and capture after sending. */
export function runsHandlers(ctx: HandlerContext): AreaHandlers<'runs'> {
  const { db } = ctx
  const runs = createLiveRuns(ctx)
  const after = batchAfterSend(ctx)
  const backgroundRefresh = createBackgroundRefresh(ctx, { isSendingHere: runs.anyLive })
  // Production: the native dialog in main has the last word, not the page (production-confirm.ts).
  const send = async (batchId: string) => {
    if (!runs.isLive(batchId)) {
      await confirmProductionAction(ctx, requireBatch(db, batchId), 'send', sendScope(db, batchId))
    }
    // Sending comes first: a background refresh under way stops when a batch starts.
    backgroundRefresh.yieldToSend()
    return runs.start(batchId)
  }
  // Void and capture: a preview of the selection, then the action, confirmed natively in production.
  const action = (
    kind: 'void' | 'capture',
    preview: typeof previewVoid,
    act: (batchId: string, ids: number[]) => Promise<ActionOutcome>,
  ) => ({
    preview: ({ batchId, selection }: { batchId: string; selection: Selection }) => {
      requireBatch(db, batchId)
      return preview(db, batchId, selection)
    },
    act: async ({ batchId, ids }: { batchId: string; ids: number[] }) => {
      const scope = preview(db, batchId, { ids })
      await confirmProductionAction(ctx, requireBatch(db, batchId), kind, scope)
      return act(batchId, ids)
    },
  })
  const voiding = action('void', previewVoid, after.void)
  const capturing = action('capture', previewCapture, after.capture)
  return {
    'runs:start': ({ batchId }) => send(batchId),
    'runs:resume': ({ batchId }) => send(batchId),
    'runs:pause': ({ batchId }) => runs.pause(batchId),
    'runs:cancel': ({ batchId }) => {
      backgroundRefresh.yieldToSend()
      return runs.cancel(batchId)
    },
    'runs:progress': ({ batchId }) => runs.progress(batchId),
    'runs:unfinished': () =>
      runs.unfinished().flatMap((id) => {
        const b = getBatch(db, id)
        // A planned batch the user never started is not "unfinished work" to nag about.
        return b && b.pause_reason !== 'new' ? [toSummary(db, b)] : []
      }),
    'runs:attention': ({ background }) => {
      runs.setBackground(background)
      return { background }
    },
    'runs:previewVoid': voiding.preview,
    'runs:void': voiding.act,
    'runs:previewCapture': capturing.preview,
    'runs:capture': capturing.act,
  }
}
