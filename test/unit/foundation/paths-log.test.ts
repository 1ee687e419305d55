import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createFileLogger, redact } from '../../../src/main/log'
import { defaultDataDir, resolveDataDir } from '../../../src/main/paths'

describe('data dir', () => {
  it('matches Electron userData for the product on each platform', () => {
    expect(defaultDataDir('linux', {}, '/home/kari')).toBe('/home/kari/.config/Kravia Batch')
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/x' }, '/home/kari')).toBe('/x/Kravia Batch')
    expect(defaultDataDir('darwin', {}, '/Users/kari')).toBe(
      '/Users/kari/Library/Application Support/Kravia Batch',
    )
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\kari\\AppData\\Roaming' }, 'C:\\Users\\kari')).toBe(
      'C:\\Users\\kari\\AppData\\Roaming\\Kravia Batch',
    )
  })

  it('prefers the flag, then KRAVIA_BATCH_DATA_DIR, then the default', () => {
    expect(resolveDataDir('/flag', { KRAVIA_BATCH_DATA_DIR: '/env' })).toBe('/flag')
    expect(resolveDataDir(undefined, { KRAVIA_BATCH_DATA_DIR: '/env' })).toBe('/env')
    expect(resolveDataDir(undefined, {})).toMatch(/Kravia Batch$/)
  })
})

describe('log', () => {
  it('never writes credentials', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-log-'))
    try {
      const log = createFileLogger(dir)
      log.info('auth with Basic c2FuZGJveDpzYW5kYm94 ok', {
        headers: { Authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc' },
        client_secret: 'hunter2',
        nested: { note: 'token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig here' },
      })
      const text = readFileSync(log.file, 'utf8')
      expect(text).not.toContain('c2FuZGJveDpzYW5kYm94')
      expect(text).not.toContain('hunter2')
      expect(text).not.toContain('eyJhbGciOiJIUzI1NiJ9')
      expect(text).toContain('[redacted]')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('rotates past the size limit and keeps a bounded number of files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-log-'))
    try {
      const log = createFileLogger(dir, { maxBytes: 200, keep: 2 })
      for (let i = 0; i < 50; i++) log.info(`line ${i} ${'x'.repeat(40)}`)
      const files = readdirSync(dir).sort()
      expect(files).toEqual(['kravia-batch.log', 'kravia-batch.log.1', 'kravia-batch.log.2'])
      expect(readFileSync(join(dir, 'kravia-batch.log'), 'utf8')).toContain('line 49')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('redacts secret-named keys at any depth and leaves other values', () => {
    expect(redact({ a: 1, password: 'p', list: [{ accessToken: 't', ok: 'yes' }] })).toEqual({
      a: 1,
      password: '[redacted]',
      list: [{ accessToken: '[redacted]', ok: 'yes' }],
    })
  })
})
