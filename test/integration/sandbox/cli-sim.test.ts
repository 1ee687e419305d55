import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, describe, expect, it } from 'vitest'
import { createDinteroClient } from '../../../src/main/dintero'
import { payBody } from './helpers'

const REPO = resolve(import.meta.dirname, '../../..')
const dir = mkdtempSync(join(tmpdir(), 'kb-sim-'))
const children: ChildProcess[] = []

afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.pid) process.kill(-c.pid, 'SIGKILL')
  rmSync(dir, { recursive: true, force: true })
})

function startSim(args: string[]) {
  // Its own process group, so the whole tree can be stopped however tsx arranges itself.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/cli/index.ts', 'sim', ...args], {
    cwd: REPO,
    detached: true,
    env: { ...process.env, KRAVIA_BATCH_DATA_DIR: join(dir, 'data') },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  const lines: string[] = []
  const rl = createInterface({ input: child.stdout! })
  const first = new Promise<string>((done, fail) => {
    rl.on('line', (l) => {
      lines.push(l)
      if (lines.length === 1) done(l)
    })
    child.once('exit', (code) => fail(new Error(`sim exited with ${code} before printing`)))
  })
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)))
  return { child, first, lines, exited }
}

describe('cli sim', () => {
  it('prints the base on its first line, serves the API, and exits 0 on SIGTERM', async () => {
    const sim = startSim([
      '--port',
      '0',
      '--account',
      'T55555555',
      '--client-id',
      'demo',
      '--client-secret',
      'pw',
      '--data',
      join(dir, 'sim.sqlite'),
    ])
    const first = await sim.first
    const match = /^Dintero sandbox listening on (http:\/\/127\.0\.0\.1:(\d+))$/.exec(first)
    expect(match, first).not.toBeNull()
    const client = createDinteroClient({
      baseUrl: match![1],
      accountId: 'T55555555',
      clientId: 'demo',
      clientSecret: 'pw',
    })
    const tx = await client.pay(payBody('sim-1'), { toggle: 'strict-success-merchant-reference' })
    expect(tx.status).toBe('AUTHORIZED')
    client.close()
    expect(sim.lines.join('\n')).toContain('T55555555')
    expect(sim.lines.join('\n')).toContain('demo')
    process.kill(-sim.child.pid!, 'SIGTERM')
    expect(await sim.exited).toBe(0)
  })

  it('refuses a bad account id as a usage error (exit 2)', async () => {
    const sim = startSim(['--account', 'X1'])
    sim.first.catch(() => undefined)
    expect(await sim.exited).toBe(2)
  })
})
