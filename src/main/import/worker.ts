/**
 * worker_threads entry for reading a table off the UI thread. The Electron build bundles this
 * file as a second main entry named `import-worker`; `readTableInWorker` (in-worker-host.ts) starts it.
 * (First version: placeholder so the build can reference it; the real protocol follows.)
 */
import { parentPort } from 'node:worker_threads'

parentPort?.postMessage({ type: 'ready' })
