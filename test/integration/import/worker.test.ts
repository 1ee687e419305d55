import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import * as XLSX from 'xlsx'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../../src/shared/errors'
import { inspectFileInWorker, readTable, readTableInWorker } from '../../../src/main/import/index'
import type { ReadProgress, SourceRow } from '../../../src/main/import/types'
import { type WorkerSpec, workerSpec } from '../../../src/main/import/worker-host'
import { tempDir } from './helpers'

const t = tempDir()
afterAll(() => t.remove())

let bigCsv = ''
let builtWorker: WorkerSpec
const ROWS = 100_000

beforeAll(async () => {
  const lines = ['Fakturanr;Navn;Beløp']
  for (let i = 0; i < ROWS; i++) lines.push(`${i};Ærlige Øystein Ås;${i},50`)
  bigCsv = t.file('big.csv', `${lines.join('\r\n')}\r\n`)
  // The Electron build bundles worker.ts as `import-worker.js`; do the same with esbuild.
  const out = join(t.dir, 'out', 'import-worker.js')
  await build({
    entryPoints: [join(import.meta.dirname, '../../../src/main/import/worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: out,
    logLevel: 'silent',
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
  })
  builtWorker = workerSpec(pathToFileURL(join(t.dir, 'out', 'index.js')).href)
})

async function viaWorker(worker?: WorkerSpec, signal?: AbortSignal) {
  const rows: SourceRow[] = []
  const progress: ReadProgress[] = []
  const result = await readTableInWorker(
    bigCsv,
    { chunkRows: 5_000 },
    {
      onRows: async (chunk) => {
        rows.push(...chunk)
        await new Promise((r) => setImmediate(r))
      },
      onProgress: (p) => progress.push(p),
      signal,
      worker,
    },
  )
  return { result, rows, progress }
}

describe('readTableInWorker', () => {
  it('picks worker.ts from source and import-worker.js next to a bundle', () => {
    expect(workerSpec().url.pathname).toMatch(/src\/main\/import\/worker\.ts$/)
    expect(builtWorker.url.pathname).toMatch(/out\/import-worker\.js$/)
  })

  for (const [name, spec] of [
    ['from source (tsx)', undefined],
    ['built .js', 'built'],
  ] as const) {
    it(`reads every row in order, with progress, ${name}`, async () => {
      let ticks = 0
      const timer = setInterval(() => ticks++, 5)
      const started = Date.now()
      const { result, rows, progress } = await viaWorker(spec === 'built' ? builtWorker : undefined)
      clearInterval(timer)
      const elapsed = Date.now() - started
      expect(result.rowCount).toBe(ROWS)
      expect(result.info).toMatchObject({ format: 'csv', delimiter: ';', encoding: 'utf-8', headerRow: 1 })
      expect(rows).toHaveLength(ROWS)
      expect(rows[0]).toEqual({ line: 2, cells: ['0', 'Ærlige Øystein Ås', '0,50'] })
      expect(rows.at(-1)?.line).toBe(ROWS + 1)
      expect(rows.every((r, i) => r.cells[0] === String(i))).toBe(true)
      expect(progress.length).toBeGreaterThan(0)
      // The main thread kept running its timers while the worker parsed.
      expect(ticks).toBeGreaterThan(elapsed / 5 / 4)
    })
  }

  it('reports the header before the first rows, in this thread and in a worker', async () => {
    for (const inWorker of [false, true]) {
      const events: string[] = []
      const hooks = {
        onHeader: (h: { headers: string[]; decimalCommaHint?: boolean }) =>
          events.push(`header ${h.headers.join('|')} ${h.decimalCommaHint}`),
      }
      const onRows = (chunk: SourceRow[]) => {
        if (events.at(-1) !== 'rows') events.push('rows')
        expect(chunk.length).toBeGreaterThan(0)
      }
      if (inWorker) await readTableInWorker(bigCsv, {}, { ...hooks, onRows, worker: builtWorker })
      else await readTable(bigCsv, {}, onRows, hooks)
      expect(events).toEqual(['header Fakturanr|Navn|Beløp true', 'rows'])
    }
  })

  it('inspects in a worker too', async () => {
    const res = await inspectFileInWorker(bigCsv, { previewRows: 3 }, { worker: builtWorker })
    expect(res.info.headers).toEqual(['Fakturanr', 'Navn', 'Beløp'])
    expect(res.preview.map((r) => r.line)).toEqual([2, 3, 4])
  })

  it('keeps the main thread responsive while a workbook is parsed in the worker', async () => {
    const aoa: (string | number)[][] = [['Fakturanr', 'Navn', 'Beløp', 'Dato']]
    for (let i = 0; i < 60_000; i++) aoa.push([i, 'Ærlige Øystein Ås', i + 0.5, 'x'])
    const wb = XLSX.utils.book_new()
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa, { dense: true }), 'Fakturaer')
    const file = t.file(
      '30k.xlsx',
      XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer,
    )
    let ticks = 0
    let longest = 0
    const started = Date.now()
    let last = started
    const timer = setInterval(() => {
      const now = Date.now()
      longest = Math.max(longest, now - last)
      last = now
      ticks++
    }, 5)
    let count = 0
    const onRows = (rows: SourceRow[]) => {
      count += rows.length
    }
    const res = await readTableInWorker(file, {}, { onRows, worker: builtWorker })
    const ended = Date.now()
    longest = Math.max(longest, ended - last)
    clearInterval(timer)
    expect(res.rowCount).toBe(60_000)
    expect(count).toBe(60_000)
    expect(ticks).toBeGreaterThan(10)
    // Parsed on the main thread, one stall would take most of the read; in the worker the main
    // thread's longest pause is a small part of it. Relative, so a busy machine slows both sides.
    expect(longest).toBeLessThan((ended - started) / 4)
  })

  it('passes file errors through as AppError', async () => {
    const file = t.file('empty.csv', '')
    const e = await readTableInWorker(file, {}, { onRows: () => {} }).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(AppError)
    expect(e).toMatchObject({ code: 'empty_file', exitCode: 2 })
  })

  it('stops when the signal aborts', async () => {
    const controller = new AbortController()
    const rows: SourceRow[] = []
    const e = await readTableInWorker(
      bigCsv,
      { chunkRows: 1_000 },
      {
        onRows: (chunk) => {
          rows.push(...chunk)
          if (rows.length >= 3_000) controller.abort()
        },
        signal: controller.signal,
      },
    ).catch((x: unknown) => x)
    expect(e).toMatchObject({ code: 'cancelled', exitCode: 3 })
    expect(rows.length).toBeLessThan(ROWS)
  })

  it('a consumer error stops the read and is returned', async () => {
    const e = await readTableInWorker(
      bigCsv,
      {},
      {
        onRows: () => {
          throw new Error('consumer failed')
        },
      },
    ).catch((x: unknown) => x)
    expect((e as Error).message).toBe('consumer failed')
  })
})
