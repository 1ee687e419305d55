/**
 * worker_threads entry for reading a table off the UI thread. The Electron build bundles this
 * file as a second main entry named `import-worker`; readTableInWorker (worker-host.ts) starts it,
 * sends one 'read' message, and receives rows in chunks (at most ROWS_WINDOW unacknowledged),
 * throttled progress, and finally 'done' or 'error'.
 */
import { parentPort } from 'node:worker_threads'
import { inspectFile, readTable } from './index'
import type { ReadHooks, ReadProgress, SourceRow } from './types'
import { type FromWorker, ROWS_WINDOW, serializeError, type ToWorker } from './worker-protocol'

const port = parentPort
if (port) {
  const controller = new AbortController()
  let inFlight = 0
  let wake: (() => void) | undefined
  let lastProgress = 0
  const post = (m: FromWorker) => port.postMessage(m)

  const onRows = async (rows: SourceRow[]) => {
    while (inFlight >= ROWS_WINDOW && !controller.signal.aborted) {
      await new Promise<void>((resolve) => {
        wake = resolve
      })
    }
    inFlight++
    post({ type: 'rows', rows })
  }

  const onProgress = (progress: ReadProgress) => {
    const now = Date.now()
    if (now - lastProgress < 100) return
    lastProgress = now
    post({ type: 'progress', progress })
  }

  port.on('message', (msg: ToWorker) => {
    if (msg.type === 'ack') {
      inFlight--
      wake?.()
      wake = undefined
    } else if (msg.type === 'cancel') {
      controller.abort()
      wake?.()
    } else if (msg.type === 'read') {
      const hooks: ReadHooks = {
        onProgress,
        signal: controller.signal,
        onHeader: (table) => post({ type: 'header', table }),
      }
      const work = msg.inspect
        ? inspectFile(msg.file, msg.options, hooks)
        : readTable(msg.file, msg.options, onRows, hooks)
      work.then(
        (result) => post({ type: 'done', result }),
        (e: unknown) => post({ type: 'error', error: serializeError(e) }),
      )
    }
  })
}
