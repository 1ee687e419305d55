import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openAppDb } from '../../../src/main/db/store'
import { getBatch } from '../../../src/main/journal/reads'
import type { Sandbox } from '../../../src/main/sandbox'
import { type CliProcess, startCli } from './cli-process'
import { invoiceCsv, sandbox } from './helpers'

let dir: string
let sb: Sandbox
let p: CliProcess | undefined
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kb-sigint-'))
  sb = await sandbox({ latencyMs: 100 })
  writeFileSync(join(dir, 'slow.csv'), invoiceCsv(40, 'SIG'))
})
afterAll(async () => {
  p?.killGroup()
  await sb.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('CLI submit and SIGINT', () => {
  it('Ctrl-C pauses cleanly: in-flight requests are journaled, exit 3, the batch is paused', async () => {
    const data = join(dir, 'data')
    p = startCli([
      'submit',
      join(dir, 'slow.csv'),
      '--env',
      'sandbox',
      '--yes',
      '--json',
      '--concurrency',
      '2',
      '--api-url',
      sb.baseUrl,
      '--data-dir',
      data,
    ])
    const first = await p.waitFor((l) => l.startsWith('{"event":"batch"'))
    await p.waitFor((l) => l.startsWith('{"event":"invoice"'))
    process.kill(p.child.pid!, 'SIGINT')
    expect(await p.exit).toBe(3)
    const end = JSON.parse(p.lines.at(-1)!) as { event: string; state: string; pause_reason: string }
    expect(end).toMatchObject({ event: 'end', state: 'paused', pause_reason: 'signal' })
    const db = openAppDb(data)
    try {
      const b = getBatch(db, (JSON.parse(first) as { id: string }).id)!
      expect(b).toMatchObject({ state: 'paused', pause_reason: 'signal' })
      expect(b.counts.sending ?? 0).toBe(0)
      expect(b.counts.authorized).toBeGreaterThan(0)
      expect(b.counts.pending).toBeGreaterThan(0)
    } finally {
      db.close()
    }
  }, 60_000)
})
