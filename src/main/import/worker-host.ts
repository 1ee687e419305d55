import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { AppError } from '../../shared/errors'
import { cancelled } from './errors'
import type { InspectResult, OnRows, ReadHooks, ReadOptions, ReadResult } from './types'
import { deserializeError, type FromWorker, type ToWorker } from './worker-protocol'

export interface WorkerSpec {
  /** A built .js worker, or worker.ts (then started through tsx's tsImport). */
  url: URL
}

export interface WorkerHooks extends ReadHooks {
  onRows: OnRows
  /** Which worker script to run; default `workerSpec()`. */
  worker?: WorkerSpec
}

/**
 * Where the worker script is. Built (Electron, electron-vite): `import-worker.js` next to the
 * bundle this code is in. From source (tsx CLI, vitest): `worker.ts`. Names go through
 * variables so the bundler leaves these URLs alone.
 */
export function workerSpec(here: string = import.meta.url): WorkerSpec {
  if (here.endsWith('.ts')) {
    const source = 'worker.ts'
    return { url: new URL(source, here) }
  }
  const built = 'import-worker.js'
  for (const rel of [built, `../${built}`]) {
    const url = new URL(rel, here)
    if (existsSync(fileURLToPath(url))) return { url }
  }
  return { url: new URL(built, here) }
}

/**
 * Starts the worker. A .ts entry cannot run in a plain Node worker (Node 20 applies neither the
 * parent's tsx loader nor `--import tsx` in execArgv to worker threads), so a tiny bootstrap
 * imports it through tsx's `tsImport`, which compiles the whole module graph below it.
 */
function startWorker(url: URL): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url)
  const require = createRequire(import.meta.url)
  const api = pathToFileURL(join(dirname(require.resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href
  const target = JSON.stringify(url.href)
  return new Worker(`import(${JSON.stringify(api)}).then((m) => m.tsImport(${target}, ${target}))`, {
    eval: true,
  })
}

/**
 * readTable in a worker thread: same result, rows delivered to `hooks.onRows` in order, each chunk
 * acknowledged only after onRows resolved (so the worker never runs far ahead of the consumer).
 */
export function readTableInWorker(
  file: string,
  options: ReadOptions,
  hooks: WorkerHooks,
): Promise<ReadResult> {
  return inWorker<ReadResult>(file, options, hooks, false)
}

/** inspectFile in a worker thread: a big workbook is parsed without blocking the caller's thread. */
export function inspectFileInWorker(
  file: string,
  options: ReadOptions = {},
  hooks: Omit<WorkerHooks, 'onRows'> = {},
): Promise<InspectResult> {
  return inWorker<InspectResult>(file, options, { ...hooks, onRows: () => {} }, true)
}

function inWorker<T>(file: string, options: ReadOptions, hooks: WorkerHooks, inspect: boolean): Promise<T> {
  const spec = hooks.worker ?? workerSpec()
  return new Promise<T>((resolve, reject) => {
    if (hooks.signal?.aborted) {
      reject(cancelled(file))
      return
    }
    const worker = startWorker(spec.url)
    let settled = false
    let queue: Promise<void> = Promise.resolve()
    const send = (m: ToWorker) => worker.postMessage(m)
    const finish = (err: Error | undefined, result?: T) => {
      if (settled) return
      settled = true
      hooks.signal?.removeEventListener('abort', onAbort)
      void worker.terminate()
      if (err) reject(err)
      else resolve(result as T)
    }
    const onAbort = () => {
      send({ type: 'cancel' })
      // The worker answers with a 'cancelled' error; if it is stuck inside a parse, stop it anyway.
      setTimeout(() => finish(cancelled(file)), 2_000).unref()
    }
    hooks.signal?.addEventListener('abort', onAbort, { once: true })

    worker.on('message', (msg: FromWorker) => {
      switch (msg.type) {
        case 'rows':
          queue = queue
            .then(() => (settled ? undefined : hooks.onRows(msg.rows)))
            .then(
              () => {
                if (!settled) send({ type: 'ack' })
              },
              (e: unknown) => {
                send({ type: 'cancel' })
                finish(e instanceof Error ? e : new Error(String(e)))
              },
            )
          break
        case 'progress':
          hooks.onProgress?.(msg.progress)
          break
        case 'header':
          // Posted before any rows, so the consumer has it before its first onRows.
          if (!settled) hooks.onHeader?.(msg.table)
          break
        case 'done':
          // Every rows chunk was posted before 'done'; wait until the consumer had them all.
          void queue.then(() => finish(undefined, msg.result as T))
          break
        case 'error':
          void queue.then(() => finish(deserializeError(msg.error)))
          break
      }
    })
    worker.on('error', (e) => {
      finish(
        new AppError('internal', 'Reading the file failed unexpectedly.', {
          message_nb: 'Lesingen av filen feilet uventet.',
          detail: e.message,
          exitCode: 4,
        }),
      )
    })
    worker.on('exit', () => {
      finish(
        new AppError('internal', 'The file reader stopped unexpectedly.', {
          message_nb: 'Fillesingen stoppet uventet.',
          exitCode: 4,
        }),
      )
    })
    send({ type: 'read', file, options, inspect })
  })
}
