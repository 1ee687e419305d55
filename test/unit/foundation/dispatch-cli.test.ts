import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../src/shared/errors'
import { parseGlobal } from '../../../src/main/cli/global'
import { createDispatcher, type Handlers } from '../../../src/main/ipc/dispatch'
import { silentLogger } from '../../../src/main/log'

describe('dispatcher', () => {
  const errors: unknown[] = []
  const log = { ...silentLogger, error: (_m: string, d?: unknown) => errors.push(d) }
  const handlers = {
    'app:info': () => {
      throw new Error('disk on fire at /secret/path')
    },
    'app:ping': ({ message }: { message: string }) => {
      if (message === 'refuse') throw new AppError('refused', 'No.', { message_nb: 'Nei.' })
      return { echo: message, at: 'now' }
    },
  } as unknown as Handlers
  const dispatch = createDispatcher(handlers, log)

  it('parses input and returns results as data', async () => {
    expect(await dispatch('app:ping', { message: 'hei' })).toEqual({
      ok: true,
      value: { echo: 'hei', at: 'now' },
    })
  })

  it('refuses unknown channels and invalid input without calling the handler', async () => {
    expect(await dispatch('fs:readAnything', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_operation' },
    })
    expect(await dispatch('app:ping', { message: 5 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    })
    expect(await dispatch('app:ping', { message: 'x', extra: true })).toMatchObject({ ok: false })
  })

  it('passes user errors through and hides internal ones', async () => {
    expect(await dispatch('app:ping', { message: 'refuse' })).toEqual({
      ok: false,
      error: { code: 'refused', message: 'No.', message_nb: 'Nei.' },
    })
    const internal = await dispatch('app:info', {})
    expect(internal).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(JSON.stringify(internal)).not.toContain('/secret/path')
    expect(errors).toHaveLength(1)
  })
})

describe('CLI frame', () => {
  it('takes global flags before or after the command', () => {
    expect(parseGlobal(['--data-dir', '/d', 'validate', 'f.csv', '--json'])).toMatchObject({
      dataDir: '/d',
      json: true,
      rest: ['validate', 'f.csv'],
    })
    expect(parseGlobal(['validate', 'f.csv', '--data-dir=/e', '--verbose'])).toMatchObject({
      dataDir: '/e',
      verbose: true,
      rest: ['validate', 'f.csv'],
    })
  })

  it('prints usage, version, and a one-line error with exit 2 for an unknown command', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kb-cli-'))
    try {
      const run = (...args: string[]) =>
        spawnSync(process.execPath, ['--import', 'tsx', 'src/main/cli/index.ts', ...args], {
          encoding: 'utf8',
          env: { ...process.env, KRAVIA_BATCH_DATA_DIR: dataDir },
        })
      const help = run('--help')
      expect(help.status).toBe(0)
      expect(help.stdout).toContain('Usage: npm run -s cli -- <command>')
      expect(run('--version').stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/)
      const bad = run('frobnicate', '--json')
      expect(bad.status).toBe(2)
      expect(bad.stderr.trim().split('\n')).toHaveLength(1)
      expect(bad.stderr).toContain('Unknown command "frobnicate"')
      expect(JSON.parse(bad.stdout)).toMatchObject({ error: { code: 'usage' } })
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('ends quietly when the reader of its output goes away (validate … | head)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-cli-pipe-'))
    try {
      const header =
        'merchant_reference;payment_product_type;days_until_due;first_name;last_name;email;phone_number;address_line;postal_code;postal_place;description;quantity;unit_price;vat'
      const rows = Array.from(
        { length: 20000 },
        (_, i) =>
          `R${i};b2c;14;Kari;Nordmann;kari@example.no;98765432;Lillegata 5;5003;Bergen;Abo;1;299,00;25`,
      )
      const file = join(dir, 'big.csv')
      writeFileSync(file, `${header}\n${rows.join('\n')}\n`)
      // Through the launcher `npm run cli` uses (sources forced, so no bundle build is needed).
      const child = spawn(process.execPath, ['scripts/cli.mjs', 'validate', file, '--json'], {
        env: { ...process.env, KRAVIA_BATCH_DATA_DIR: dir, KRAVIA_BATCH_CLI_SOURCE: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let stderr = ''
      child.stderr.on('data', (d) => {
        stderr += String(d)
      })
      // Like `head -c 100`: read the first chunk, then close the pipe.
      child.stdout.once('data', () => child.stdout.destroy())
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
      expect(stderr).not.toMatch(/EPIPE|at .*\.ts:\d+/)
      expect(code).toBe(0)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
