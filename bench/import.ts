/**
 * `npm run bench:import`: how much the whole `validate` process costs next to a bare parse.
 *
 * Generates 100,000 invoice lines as a Norwegian CSV (`;`, BOM, CRLF, decimal commas, NBSP
 * thousands, æøå, quoted fields) and 20,000 as XLSX (typed cells), then runs each case in a
 * FRESH child process, a few times, and prints medians side by side:
 *   bare      node + papaparse `header:true` over the file / SheetJS `dense:true` + sheet_to_json
 *   validate  `node scripts/cli.mjs validate FILE --json > /dev/null`, what `npm run cli` runs: the
 *             bundle scripts/build-cli.mjs makes at install (rebuilt here first, so the figures are
 *             for the current sources) — CLI start-up, reading, mapping, validation, JSON output:
 *             everything a user waits for (npm's own start-up is left out)
 * Targets: CSV ≤ 2.5× the bare parse (aim 2×), XLSX ≤ 1.2×. Not a timed test: it only reports.
 * Env: BENCH_RUNS (default 3), BENCH_CSV_ROWS, BENCH_XLSX_ROWS, BENCH_KEEP=1 (keep the files, print where).
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as XLSX from 'xlsx'

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const CSV_ROWS = Number(process.env.BENCH_CSV_ROWS ?? 100_000)
const XLSX_ROWS = Number(process.env.BENCH_XLSX_ROWS ?? 20_000)
const require = createRequire(import.meta.url)

// ---------- data ----------

const FIRST = ['Åse', 'Ola', 'Kari', 'Bjørn', 'Ærlend', 'Øystein', 'Sigrid', 'Håkon', 'Ingrid', 'Jørgen']
const LAST = [
  'Ødegård',
  'Nordmann',
  'Bjørnstad',
  'Hansen',
  'Åsheim',
  'Lærum',
  'Dæhli',
  'Berg',
  'Sæther',
  'Strøm',
]
const STREET = [
  'Storgata',
  'Bjørnstjerne Bjørnsons gate',
  'Kongens gate',
  'Øvre Slottsgate',
  'Åsveien',
  'Lillegata',
]
const PLACE: [string, string][] = [
  ['0151', 'Oslo'],
  ['5003', 'Bergen'],
  ['7010', 'Trondheim'],
  ['6002', 'ÅLESUND'],
  ['9008', 'Tromsø'],
  ['151', 'Oslo'],
]
const ITEMS = [
  'Abonnement "Premium"',
  'Strøm; fastledd',
  'Konsulenttimer, senior',
  'Frakt',
  'Årsavgift',
  'Vedlikehold',
]
const RATES = ['25', '15', '12', '0', '25']
const ORGS = ['923609016', '974760673', '123456789', '985399077']

interface Line {
  ref: string
  b2b: boolean
  first: string
  last: string
  business: string
  org: string
  email: string
  phone: string
  street: string
  postal: string
  place: string
  description: string
  quantity: number
  unitPriceOre: number
  vat: string
}

/** Deterministic lines: invoices of 1–4 lines, 35 % business, ~0.5 % with a bad email. */
function* lines(count: number): Generator<Line> {
  let seed = 42
  const rnd = (n: number) => {
    // Park-Miller: the low bits of a power-of-two LCG cycle too fast for `% n`.
    seed = (seed * 48271) % 2147483647
    return seed % n
  }
  let made = 0
  let inv = 0
  while (made < count) {
    inv++
    const b2b = rnd(100) < 35
    const f = FIRST[rnd(FIRST.length)]
    const l = LAST[rnd(LAST.length)]
    const [postal, place] = PLACE[rnd(PLACE.length)]
    const n = 1 + rnd(4)
    const base = {
      ref: `2026-${String(inv).padStart(6, '0')}`,
      b2b,
      first: f,
      last: l,
      business: b2b ? `${l} Holding AS` : '',
      org: b2b ? ORGS[rnd(ORGS.length)] : '',
      email: rnd(200) === 0 ? 'feil.epost' : `${f.toLowerCase()}.${inv}@example.no`,
      phone: String(40000000 + rnd(59999999)),
      street: `${STREET[rnd(STREET.length)]} ${1 + rnd(200)}`,
      postal,
      place,
    }
    for (let k = 0; k < n && made < count; k++, made++)
      yield {
        ...base,
        description: ITEMS[rnd(ITEMS.length)],
        quantity: 1 + rnd(5),
        unitPriceOre: 100 + rnd(2_000_000),
        vat: RATES[rnd(RATES.length)],
      }
  }
}

const HEADERS = [
  'Fakturanr',
  'Kundetype',
  'Forfall',
  'Fornavn',
  'Etternavn',
  'Firmanavn',
  'Org.nr',
  'E-post',
  'Mobil',
  'Adresse',
  'Postnr',
  'Poststed',
  'Beskrivelse',
  'Antall',
  'Pris',
  'MVA-sats',
]

/** Øre → `1 299,50` with an NBSP thousands separator on every third row (as Excel nb-NO writes). */
function nok(ore: number, i: number): string {
  const kr = String(Math.trunc(ore / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, i % 3 === 0 ? '\u00a0' : ' ')
  return `${kr},${String(ore % 100).padStart(2, '0')}`
}

const q = (s: string) => (/[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)

function writeCsv(file: string, count: number): void {
  const out: string[] = [HEADERS.join(';')]
  let i = 0
  for (const x of lines(count)) {
    out.push(
      [
        x.ref,
        x.b2b ? 'Bedrift' : 'Privat',
        '14',
        x.first,
        x.last,
        x.business,
        x.org,
        x.email,
        x.phone,
        x.street,
        x.postal,
        x.place,
        q(x.description),
        String(x.quantity),
        nok(x.unitPriceOre, i++),
        x.vat,
      ].join(';'),
    )
  }
  writeFileSync(file, `\uFEFF${out.join('\r\n')}\r\n`, 'utf8')
}

function writeXlsx(file: string, count: number): void {
  const rows: (string | number)[][] = [HEADERS]
  for (const x of lines(count))
    rows.push([
      x.ref,
      x.b2b ? 'b2b' : 'b2c',
      14,
      x.first,
      x.last,
      x.business,
      x.org,
      x.email,
      Number(x.phone),
      x.street,
      x.postal,
      x.place,
      x.description,
      x.quantity,
      x.unitPriceOre / 100,
      Number(x.vat),
    ])
  const ws = XLSX.utils.aoa_to_sheet(rows, { dense: true })
  const wb = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(wb, ws, 'Fakturaer')
  writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer)
}

// ---------- measuring ----------

interface Sample {
  seconds: number
  /** user + system CPU seconds: robust when other processes share the machine. */
  cpu: number
  rssMb: number
  code: number | null
}

const hasGnuTime = existsSync('/usr/bin/time')

/** Wall time and peak RSS of one fresh process (GNU time, or a resourceUsage wrapper without it). */
function measure(cmd: string[], dir: string): Promise<Sample> {
  const stats = join(dir, `time-${process.hrtime.bigint()}.txt`)
  const argv = hasGnuTime
    ? ['/usr/bin/time', '-f', '%e %M %U %S', '-o', stats, ...cmd]
    : [process.execPath, join(dir, 'rss-wrapper.cjs'), stats, ...cmd]
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0], argv.slice(1), { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] })
    let err = ''
    child.stderr.on('data', (d) => {
      err += d
    })
    child.on('error', reject)
    child.on('close', (code) => {
      const wall = (performance.now() - started) / 1000
      const text = existsSync(stats) ? (readFileSync(stats, 'utf8').trim().split('\n').pop() ?? '') : ''
      const [secs, kb, user, sys] = text.split(' ').map(Number)
      if (code !== 0 && code !== 1) process.stderr.write(`  (exit ${code}) ${err.slice(0, 300)}\n`)
      resolve({
        seconds: Number.isFinite(secs) ? secs : wall,
        cpu: Number.isFinite(user) ? user + sys : Number.NaN,
        rssMb: Number.isFinite(kb) ? kb / 1024 : 0,
        code,
      })
    })
  })
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

async function series(cmd: string[], dir: string): Promise<Sample> {
  const runs: Sample[] = []
  for (let i = 0; i < RUNS; i++) runs.push(await measure(cmd, dir))
  return {
    seconds: median(runs.map((r) => r.seconds)),
    cpu: median(runs.map((r) => r.cpu)),
    rssMb: median(runs.map((r) => r.rssMb)),
    code: runs[0].code,
  }
}

function bareScript(dir: string): string {
  const file = join(dir, 'bare.cjs')
  writeFileSync(
    file,
    `const fs = require('fs')
const [kind, path] = process.argv.slice(2)
let rows
if (kind === 'csv') {
  const Papa = require(${JSON.stringify(require.resolve('papaparse'))})
  rows = Papa.parse(fs.readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true }).data.length
} else {
  const XLSX = require(${JSON.stringify(require.resolve('xlsx'))})
  const wb = XLSX.read(fs.readFileSync(path), { dense: true })
  rows = XLSX.utils.sheet_to_json(wb.Sheets[wb.SheetNames[0]]).length
}
process.stderr.write('rows ' + rows + '\\n')
`,
  )
  writeFileSync(
    join(dir, 'rss-wrapper.cjs'),
    `const { spawnSync } = require('child_process')
const [stats, cmd, ...args] = process.argv.slice(2)
const t = process.hrtime.bigint()
const r = spawnSync(cmd, args, { stdio: 'inherit' })
const secs = Number(process.hrtime.bigint() - t) / 1e9
const u = process.resourceUsage()
require('fs').writeFileSync(stats, secs.toFixed(2) + ' ' + u.maxRSS + ' ' + (u.userCPUTime / 1e6).toFixed(2) + ' ' + (u.systemCPUTime / 1e6).toFixed(2) + '\\n')
process.exit(r.status ?? 1)
`,
  )
  return file
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kb-bench-import-'))
  try {
    const csv = join(dir, 'fakturaer.csv')
    const xlsx = join(dir, 'fakturaer.xlsx')
    let t = performance.now()
    writeCsv(csv, CSV_ROWS)
    writeXlsx(xlsx, XLSX_ROWS)
    console.log(
      `generated ${CSV_ROWS} CSV lines (${(statSync(csv).size / 1e6).toFixed(1)} MB) and ${XLSX_ROWS} XLSX lines (${(statSync(xlsx).size / 1e6).toFixed(1)} MB) in ${((performance.now() - t) / 1000).toFixed(1)} s; ${RUNS} fresh runs each, medians\n`,
    )
    const built = spawnSync(process.execPath, ['scripts/build-cli.mjs', '--quiet'], {
      cwd: ROOT,
      stdio: 'inherit',
    })
    if (built.status !== 0) throw new Error('scripts/build-cli.mjs failed')
    const bare = bareScript(dir)
    const data = join(dir, 'data')
    const cases: {
      name: string
      rows: number
      file: string
      kind: 'csv' | 'xlsx'
      target: number
      aim?: number
    }[] = [
      { name: 'CSV', rows: CSV_ROWS, file: csv, kind: 'csv', target: 2.5, aim: 2 },
      { name: 'XLSX', rows: XLSX_ROWS, file: xlsx, kind: 'xlsx', target: 1.2 },
    ]
    const table: string[][] = [
      [
        'case',
        'rows',
        'bare s',
        'bare cpu s',
        'bare rows/s',
        'bare MB',
        'validate s',
        'validate cpu s',
        'validate rows/s',
        'validate MB',
        'ratio',
        'cpu ratio',
        'target',
      ],
    ]
    for (const c of cases) {
      t = performance.now()
      const b = await series([process.execPath, bare, c.kind, c.file], dir)
      const v = await series(
        [process.execPath, 'scripts/cli.mjs', 'validate', c.file, '--json', '--data-dir', data],
        dir,
      )
      const ratio = v.seconds / b.seconds
      const verdict = ratio <= (c.aim ?? c.target) ? 'met' : ratio <= c.target ? 'within target' : 'OVER'
      table.push([
        c.name,
        String(c.rows),
        b.seconds.toFixed(2),
        b.cpu.toFixed(2),
        String(Math.round(c.rows / b.seconds)),
        b.rssMb.toFixed(0),
        v.seconds.toFixed(2),
        v.cpu.toFixed(2),
        String(Math.round(c.rows / v.seconds)),
        v.rssMb.toFixed(0),
        `${ratio.toFixed(2)}×`,
        `${(v.cpu / b.cpu).toFixed(2)}×`,
        `≤${c.target}×${c.aim ? ` (aim ${c.aim}×)` : ''} ${verdict}`,
      ])
      process.stderr.write(
        `  ${c.name} done in ${((performance.now() - t) / 1000).toFixed(1)} s (validate exit ${v.code})\n`,
      )
    }
    const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)))
    for (const r of table) console.log(r.map((cell, i) => cell.padStart(widths[i])).join('  '))
    console.log(
      '\nbare = node + papaparse header:true / SheetJS dense + sheet_to_json; validate = the whole CLI process incl. start-up.',
    )
    console.log(
      `s = wall-clock seconds (the targets' measure, on an idle machine); cpu s = user+system seconds, which stays meaningful when other work shares the cores (load average now ${loadavg()[0].toFixed(1)}).`,
    )
  } finally {
    if (process.env.BENCH_KEEP === '1') console.log(`files kept in ${dir}`)
    else rmSync(dir, { recursive: true, force: true })
  }
}

await main()
