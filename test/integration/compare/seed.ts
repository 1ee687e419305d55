import type { BatchSummary } from '../../../src/shared/contract'

export type Call = <T>(name: string, input: unknown) => Promise<T>

/**
 * Sends a month's file as the app does — open, validate, confirm the plan, start the run — through
 * the real services, and waits until the batch has finished. Returns the batch id.
 */
export async function sendMonthThroughApp(call: Call, file: string): Promise<string> {
  const { sessionId } = await call<{ sessionId: string }>('import:openPath', { path: file })
  await call('import:validate', { sessionId })
  await call('plan:get', { sessionId })
  const { batchId } = await call<{ batchId: string }>('plan:confirm', { sessionId })
  await call('runs:start', { batchId })
  const deadline = Date.now() + 30_000
  for (;;) {
    const b = await call<BatchSummary>('batches:get', { batchId })
    if (b.state === 'finished') return batchId
    if (Date.now() > deadline) throw new Error(`batch ${batchId} still ${b.state} after 30 s`)
    await new Promise((r) => setTimeout(r, 100))
  }
}
