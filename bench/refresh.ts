/**
 * `npm run bench:refresh` — refreshing 2,000 invoices against a sandbox that allows 20 requests/s
 * and answers after 30 ms (what `sim --rate-limit 20 --latency-ms 30` does), measured three ways
 * in the same run:
 *   1. per id: one `GET /v1/transactions/{id}` per invoice (how refresh read before; the baseline);
 *   2. page size: up to 100 ids per `GET /v1/transactions?id=…&limit=100`, in process;
 *   3. `npm run -s cli -- refresh latest`: the CLI as a scheduled job runs it, from process start
 *      to exit (Node start-up, opening the journal and the token included).
 * Target: ≤ 10 s for 2 and 3. Between runs a few customers pay (through the sandbox's control
 * route, which is not rate-limited), so each run has something to find.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { openAppDb } from '../src/main/db/store'
import { createDinteroClient } from '../src/main/dintero'
import { createBatch } from '../src/main/journal/freeze'
import { startRun } from '../src/main/engine/engine'
import { listInvoices } from '../src/main/journal/reads'
import { refreshBatch } from '../src/main/after-send/refresh'
import { DEFAULT_SETTINGS, resolveSettings } from '../src/main/engine/settings'
import { startSandbox } from '../src/main/sandbox'
import { payRequest } from '../test/support/journal-fixtures'

const N = Number(process.env.BENCH_N ?? 2000)
const LIMIT = 20
const LATENCY_MS = 30
const TARGET_S = 10
const root = resolve(import.meta.dirname, '..')

function runCli(args: string[]): Promise<{ code: number | null; ms: number; out: string; err: string }> {
  return new Promise((done, fail) => {
    const t0 = performance.now()
    const child = spawn(process.execPath, [join(root, 'scripts', 'cli.mjs'), ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    let err = ''
    child.stdout.on('data', (d) => {
      out += d
    })
    child.stderr.on('data', (d) => {
      err += d
    })
    child.on('error', fail)
    child.on('exit', (code) => done({ code, ms: performance.now() - t0, out, err }))
  })
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function main() {
  console.log(
    `bench:refresh — node ${process.version}, ${cpus().length} cores, load average ${loadavg()[0].toFixed(1)}, ${N} invoices`,
  )
  // The CLI is measured as users run it: from the bundle, made current first (not timed).
  await new Promise<void>((done) =>
    spawn(process.execPath, [join(root, 'scripts', 'build-cli.mjs'), '--quiet'], { stdio: 'inherit' }).on(
      'exit',
      () => done(),
    ),
  )
  const dir = mkdtempSync(join(tmpdir(), 'kb-bench-refresh-'))
  const sb = await startSandbox({ port: 0 })
  const db = openAppDb(dir)
  const client = createDinteroClient({
    baseUrl: sb.baseUrl,
    accountId: sb.accountId,
    clientId: sb.clientId,
    clientSecret: sb.clientSecret,
  })
  try {
    // Sent with no limit to set up quickly, then given the sandbox's default pace (50/s, 16 in
    // flight), which is what the app and CLI refresh a sandbox batch at.
    const batchId = createBatch(db, {
      source: { name: 'refresh.csv', sha256: '0'.repeat(64) },
      mapping: {},
      settings: resolveSettings('sandbox', { rate: 100_000, concurrency: 16 }),
      env: 'sandbox',
      account: sb.accountId,
      baseUrl: sb.baseUrl,
      invoices: Array.from({ length: N }, (_, i) => {
        const ref = `REF-${String(i + 1).padStart(6, '0')}`
        return { merchant_reference: ref, rows: [i + 2], request: payRequest(ref, 10_000 + i) }
      }),
    })
    await startRun({ db, client }, batchId, {}).done
    db.prepare('UPDATE batches SET settings_json = ? WHERE id = ?').run(
      JSON.stringify(resolveSettings('sandbox', DEFAULT_SETTINGS.sandbox)),
      batchId,
    )
    const invoices = listInvoices(db, batchId, { limit: N })
    let paidSoFar = 0
    const customersPay = async (n: number) => {
      for (const inv of invoices.slice(paidSoFar, paidSoFar + n)) {
        await fetch(`${sb.baseUrl}/__sandbox/transactions/${encodeURIComponent(inv.transaction_id!)}/pay`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ amount: inv.amount }),
        })
      }
      paidSoFar += n
    }
    sb.setFaults({ rateLimit: LIMIT, latencyMs: LATENCY_MS })

    const measure = async (label: string, pageSize: number) => {
      await customersPay(14)
      await pause(1500) // the sandbox's bucket refills, so every run starts alike
      const before = sb.stats().requests
      const cpu0 = process.cpuUsage()
      const t0 = performance.now()
      const s = await refreshBatch(db, client, batchId, { pageSize })
      const ms = performance.now() - t0
      const cpu = process.cpuUsage(cpu0)
      // CPU of this process (app and sandbox together): what the wall time would be on an idle machine, roughly.
      const cpuMs = (cpu.user + cpu.system) / 1000
      return { label, ms, cpuMs, requests: sb.stats().requests - before, checked: s.checked, paid: s.paid }
    }
    const perId = await measure('per id (baseline)', 1)
    const paged = await measure('page size 100', 100)

    await customersPay(14)
    await pause(1500)
    const before = sb.stats().requests
    client.close()
    const cli = await runCli(['refresh', 'latest', '--data-dir', dir, '--api-url', sb.baseUrl])
    const cliRequests = sb.stats().requests - before
    if (cli.code !== 0) console.log(`   CLI exited ${cli.code}: ${cli.err.trim()}`)

    console.log(`\nRefresh of ${N} invoices, sandbox limit ${LIMIT} requests/s, ${LATENCY_MS} ms latency`)
    for (const r of [perId, paged]) {
      console.log(
        `   ${r.label.padEnd(28)} ${(r.ms / 1000).toFixed(2).padStart(7)} s  ${String(r.requests).padStart(5)} requests  checked ${r.checked}, ${r.paid} newly paid  (CPU ${(r.cpuMs / 1000).toFixed(2)} s, app + sandbox)`,
      )
    }
    console.log(
      `   ${'CLI refresh latest (process)'.padEnd(28)} ${(cli.ms / 1000).toFixed(2).padStart(7)} s  ${String(cliRequests).padStart(5)} requests  (start to exit)`,
    )
    for (const line of cli.out.trim().split('\n')) console.log(`      | ${line}`)
    console.log(`   speed-up at page size: ${(perId.ms / paged.ms).toFixed(1)}×`)
    const ok = (ms: number) => (ms <= TARGET_S * 1000 ? 'OK' : 'ABOVE TARGET')
    console.log(`   target ≤ ${TARGET_S} s: in process ${ok(paged.ms)}, CLI ${ok(cli.ms)}`)
  } finally {
    client.close()
    db.close()
    await sb.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((e: unknown) => {
  console.error(e)
  process.exitCode = 1
})
