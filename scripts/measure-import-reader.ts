/**
 * Quick measurement of the import reader against bare parsers (each case in a fresh process, so
 * peak RSS is its own): `npx tsx scripts/measure-import-reader.ts [runs]`. Prints seconds, rows/s
 * and peak RSS (median of `runs`, default 3). bench/import.ts is the full pipeline benchmark.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import Papa from 'papaparse'
import * as XLSX from 'xlsx'
import { readTable, readTableInWorker } from '../src/main/import/index'

const HEADERS = [
  'merchant_reference',
  'payment_product_type',
  'days_until_due',
  'invoice_channel',
  'first_name',
  'last_name',
  'business_name',
  'organization_number',
  'email',
  'phone_number',
  'address_line',
  'postal_code',
  'postal_place',
  'country',
  'description',
  'quantity',
  'unit_price',
  'vat',
]

function row(i: number): (string | number)[] {
  return [
    `INV-${100000 + Math.floor(i / 2)}`,
    i % 3 === 0 ? 'b2b' : 'b2c',
    14,
    'EMAIL',
    'Øystein',
    'Ås',
    i % 3 === 0 ? 'Blåbær Regnskap AS' : '',
    i % 3 === 0 ? '923609016' : '',
    `kunde${i}@example.no`,
    `+47 9${String(i).padStart(7, '0')}`,
    `Storgata ${i % 200}`,
    '0151',
    'Tromsø',
    'NO',
    `Medlemskontingent ${i}`,
    1 + (i % 4),
    `${100 + (i % 900)},50`,
    25,
  ]
}

function makeCsv(file: string, rows: number): void {
  const lines = [HEADERS.join(';')]
  for (let i = 0; i < rows; i++) lines.push(row(i).join(';'))
  writeFileSync(file, `\uFEFF${lines.join('\r\n')}\r\n`)
}

function makeXlsx(file: string, rows: number): void {
  const aoa: (string | number)[][] = [HEADERS]
  for (let i = 0; i < rows; i++)
    aoa.push(row(i).map((v, c) => (c === 16 ? Number(String(v).replace(',', '.')) : v)))
  const ws = XLSX.utils.aoa_to_sheet(aoa, { dense: true })
  const wb = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(wb, ws, 'Fakturaer')
  writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }))
}

/** One case, in this (child) process. Prints {ms, rows, rssMB}. */
async function runCase(mode: string, file: string): Promise<void> {
  const t0 = performance.now()
  let rows = 0
  switch (mode) {
    case 'papa-string': {
      const r = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), {
        header: true,
        skipEmptyLines: true,
      })
      rows = r.data.length
      break
    }
    case 'papa-stream': {
      const { createReadStream } = await import('node:fs')
      await new Promise<void>((resolve) => {
        Papa.parse(createReadStream(file, { encoding: 'utf8' }), {
          header: true,
          skipEmptyLines: true,
          step: () => {
            rows++
          },
          complete: () => resolve(),
        })
      })
      break
    }
    case 'sheetjs-dense': {
      const wb = XLSX.read(readFileSync(file), { type: 'buffer', dense: true })
      rows = XLSX.utils.sheet_to_json(wb.Sheets[wb.SheetNames[0]]).length
      break
    }
    case 'reader': {
      const r = await readTable(file, {}, (chunk) => {
        rows += chunk.length
      })
      rows = r.rowCount
      break
    }
    case 'reader-worker-built': {
      // The bundled worker, as the Electron build runs it (no TypeScript compile at start).
      const worker = { url: pathToFileURL(process.env.KB_BUILT_WORKER as string) }
      const onRows = (chunk: unknown[]) => {
        rows += chunk.length
      }
      const r = await readTableInWorker(file, {}, { onRows, worker })
      rows = r.rowCount
      break
    }
    case 'reader-worker': {
      const r = await readTableInWorker(
        file,
        {},
        {
          onRows: (chunk) => {
            rows += chunk.length
          },
        },
      )
      rows = r.rowCount
      break
    }
  }
  const ms = performance.now() - t0
  console.log(JSON.stringify({ ms, rows, rssMB: process.resourceUsage().maxRSS / 1024 }))
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

async function main(): Promise<void> {
  const [mode, file] = process.argv.slice(2)
  if (mode && file) return runCase(mode, file)
  const runs = Number(mode ?? 3)
  const dir = mkdtempSync(join(tmpdir(), 'kb-measure-'))
  try {
    const csv = join(dir, 'invoices-100k.csv')
    const xlsx = join(dir, 'invoices-20k.xlsx')
    makeCsv(csv, 100_000)
    makeXlsx(xlsx, 20_000)
    const self = fileURLToPath(import.meta.url)
    const built = join(dir, 'out', 'import-worker.js')
    await build({
      entryPoints: [join(dirname(self), '../src/main/import/worker.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: built,
      logLevel: 'silent',
      banner: {
        js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
      },
    })
    process.env.KB_BUILT_WORKER = built
    const cases: [string, string][] = [
      ['papa-string', csv],
      ['papa-stream', csv],
      ['reader', csv],
      ['reader-worker', csv],
      ['reader-worker-built', csv],
      ['sheetjs-dense', xlsx],
      ['reader', xlsx],
      ['reader-worker', xlsx],
      ['reader-worker-built', xlsx],
    ]
    console.log('case                      file                   s      rows/s   peak RSS MB')
    for (const [m, f] of cases) {
      const results: { ms: number; rows: number; rssMB: number }[] = []
      for (let i = 0; i < runs; i++) {
        const out = spawnSync(process.execPath, ['--import', 'tsx', self, m, f], { encoding: 'utf8' })
        if (out.status !== 0) throw new Error(out.stderr)
        results.push(JSON.parse(out.stdout.trim().split('\n').pop() as string))
      }
      const ms = median(results.map((r) => r.ms))
      const rss = median(results.map((r) => r.rssMB))
      const rows = results[0].rows
      const name = f.split('/').pop() as string
      console.log(
        `${m.padEnd(26)}${name.padEnd(22)}${(ms / 1000).toFixed(2).padStart(6)} ${String(Math.round(rows / (ms / 1000))).padStart(9)} ${rss.toFixed(0).padStart(8)}`,
      )
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

await main()
