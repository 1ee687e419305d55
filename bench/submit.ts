/**
 * `npm run bench:submit` — the submission engine's own overhead and how well it uses an unknown
 * server limit.
 *   1. Sandbox with no limit and no latency: invoices/s through createBatch + engine + client +
 *      journal (synchronous=FULL), beside a bare loopback HTTP loop (fetch POSTing similar JSON to
 *      a trivial server) measured in the same run. Target ≥ 300 invoices/s on 2 cores.
 *   2. Sandbox limited to 50/s with 150 ms latency (not told to the client), asked for 100/s:
 *      the share of the allowed rate used over the run. Target ≥ 85 %.
 *   3. The same invoices at 20/s, 4 in flight, 30 ms latency (test-environment settings), without
 *      faults and with 15 % server errors and 10 % answers lost: the faulty run's time over the
 *      fault-free one. Every fault costs a lookup and often a resend, so about 1.5× is the floor;
 *      target ≤ 1.6×, every invoice authorized exactly once, the run's exit code 0.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { openAppDb } from '../src/main/db/store'
import { createDinteroClient } from '../src/main/dintero'
import { createBatch } from '../src/main/journal/freeze'
import { startRun } from '../src/main/engine/engine'
import { resolveSettings } from '../src/main/engine/settings'
import { type Sandbox, seededRandom, startSandbox } from '../src/main/sandbox'
import { isAuthorizedOrLater } from '../src/shared/states'
import { payRequest } from '../test/support/journal-fixtures'

const N1 = Number(process.env.BENCH_N1 ?? 2000)
const N2 = Number(process.env.BENCH_N2 ?? 1500)
const N3 = Number(process.env.BENCH_N3 ?? 400)

async function bareLoop(n: number, concurrency: number): Promise<number> {
  const answer = JSON.stringify({ id: 'T12345678.x', status: 'AUTHORIZED', amount: 12500 })
  const server = http.createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(answer) })
      res.end(answer)
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/sessions/pay`
  let next = 0
  const t0 = performance.now()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(payRequest(`BARE-${i}`, 12_500)),
        })
        await res.json()
      }
    }),
  )
  const rate = (n * 1000) / (performance.now() - t0)
  await new Promise<void>((r) => server.close(() => r()))
  return rate
}

async function appRun(
  label: string,
  n: number,
  sandboxOptions: Parameters<typeof startSandbox>[0],
  settings: { rate: number; concurrency: number },
  env: 'sandbox' | 'test' = 'sandbox',
) {
  const dir = mkdtempSync(join(tmpdir(), 'kb-bench-submit-'))
  const sb = await startSandbox({ port: 0, ...sandboxOptions })
  const db = openAppDb(dir)
  const client = createDinteroClient({
    baseUrl: sb.baseUrl,
    accountId: sb.accountId,
    clientId: sb.clientId,
    clientSecret: sb.clientSecret,
  })
  try {
    const t0 = performance.now()
    const batchId = createBatch(db, {
      source: { name: `${label}.csv`, sha256: '0'.repeat(64) },
      mapping: {},
      settings: resolveSettings(env, settings),
      env,
      account: sb.accountId,
      baseUrl: sb.baseUrl,
      invoices: Array.from({ length: n }, (_, i) => {
        const ref = `${label}-${String(i + 1).padStart(6, '0')}`
        return { merchant_reference: ref, rows: [i + 2], request: payRequest(ref, 10_000 + i) }
      }),
    })
    const t1 = performance.now()
    const summary = await startRun({ db, client }, batchId, {}).done
    const t2 = performance.now()
    const once = await createdOnce(sb, label, n)
    return { summary, totalMs: t2 - t0, createMs: t1 - t0, runMs: t2 - t1, stats: sb.stats(), once }
  } finally {
    client.close()
    db.close()
    await sb.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** How many of the run's references the sandbox holds exactly one invoice for, and how many more than one. */
async function createdOnce(sb: Sandbox, label: string, n: number) {
  const res = await fetch(`${sb.baseUrl}/__sandbox/transactions`)
  const counts = new Map<string, number>()
  for (const tx of (await res.json()) as { merchant_reference: string; status: string }[]) {
    if (tx.merchant_reference.startsWith(`${label}-`) && isAuthorizedOrLater(tx.status))
      counts.set(tx.merchant_reference, (counts.get(tx.merchant_reference) ?? 0) + 1)
  }
  const values = [...counts.values()]
  return {
    exactlyOnce: values.filter((v) => v === 1).length === n,
    twice: values.filter((v) => v > 1).length,
  }
}

function verdict(ok: boolean): string {
  return ok ? 'OK' : 'BELOW TARGET'
}

async function main() {
  console.log(`bench:submit — node ${process.version}, ${cpus().length} cores`)

  // Each part can be left out with BENCH_Nk=0.
  if (N1 > 0) await overhead()
  if (N2 > 0) await limited()
  if (N3 > 0) await faults()
}

async function overhead() {
  const bare = await bareLoop(N1, 16)
  const own = await appRun('FAST', N1, {}, { rate: 100_000, concurrency: 16 })
  const perSecond = (N1 * 1000) / own.totalMs
  console.log('\n1. No limit, no latency')
  console.log(`   bare loopback HTTP loop (fetch, 16 in flight):  ${bare.toFixed(0)} requests/s`)
  console.log(
    `   app: createBatch + engine + client + journal:    ${perSecond.toFixed(0)} invoices/s  (${N1} invoices: batch ${own.createMs.toFixed(0)} ms, run ${own.runMs.toFixed(0)} ms; ${JSON.stringify(own.summary.counts)})`,
  )
  console.log(`   target ≥ 300 invoices/s: ${verdict(perSecond >= 300)}`)
}

/** An undisclosed 50/s limit with 150 ms latency, asked for 100/s. */
async function limited() {
  const limit = 50
  const limited = await appRun(
    'LIMIT',
    N2,
    { rateLimit: limit, latencyMs: 150 },
    { rate: 100, concurrency: 32 },
  )
  let accepted = 0
  let throttled = 0
  for (const [route, byStatus] of Object.entries(limited.stats.byRoute)) {
    if (!route.includes('/v1/')) continue
    for (const [status, count] of Object.entries(byStatus)) {
      if (status === '429') throttled += count
      else accepted += count
    }
  }
  const seconds = limited.runMs / 1000
  // What the server allowed: its rate over the run plus the full burst it starts with.
  const share = accepted / (limit * seconds + limit)
  console.log(`\n2. Server limit ${limit}/s (token bucket, burst ${limit}) + 150 ms latency, asked for 100/s`)
  console.log(
    `   ${N2} invoices in ${seconds.toFixed(1)} s = ${(N2 / seconds).toFixed(1)} invoices/s; ${accepted} requests accepted, ${throttled} answered 429; ${JSON.stringify(limited.summary.counts)}`,
  )
  console.log(
    `   share of the allowed rate used: ${(share * 100).toFixed(1)} %  (target ≥ 85 %: ${verdict(share >= 0.85)})`,
  )
}

/** Faults that are not rate signals must not slow the run to a crawl. */
async function faults() {
  const paced = { rate: 20, concurrency: 4 }
  const clean = await appRun('CLEAN', N3, { latencyMs: 30 }, paced, 'test')
  const faulty = await appRun(
    'FAULTY',
    N3,
    { latencyMs: 30, failRate: 0.15, lostResponseRate: 0.1, random: seededRandom(20261203) },
    paced,
    'test',
  )
  const ratio = faulty.runMs / clean.runMs
  const pay = faulty.stats.byRoute['POST /v1/sessions/pay'] ?? {}
  const faults = (pay['500'] ?? 0) + (pay['502'] ?? 0) + (pay['503'] ?? 0)
  console.log(`\n3. ${N3} invoices at 20/s, 4 in flight, 30 ms latency (test settings)`)
  console.log(
    `   fault-free: ${(clean.runMs / 1000).toFixed(1)} s; exit ${clean.summary.exitCode}; ${JSON.stringify(clean.summary.counts)}`,
  )
  console.log(
    `   15 % 5xx + 10 % lost answers: ${(faulty.runMs / 1000).toFixed(1)} s; exit ${faulty.summary.exitCode}; ${JSON.stringify(faulty.summary.counts)}; pays answered 5xx ${faults}, lost ${pay.lost ?? 0}`,
  )
  const ok = faulty.once.exactlyOnce && clean.once.exactlyOnce && faulty.summary.exitCode === 0
  console.log(
    `   every invoice authorized exactly once: ${faulty.once.exactlyOnce ? 'yes' : `NO (${faulty.once.twice} twice)`}; ratio ${ratio.toFixed(2)}×  (target ≤ 1.6×: ${verdict(ratio <= 1.6 && ok)})`,
  )
  if (!ok) process.exitCode = 1
}

main().catch((e: unknown) => {
  console.error(e)
  process.exitCode = 1
})
