import { mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { APP_DB_FILE, openAppDb } from '../../../src/main/db/store'
import { createFileLogger } from '../../../src/main/log'
import { securePrivateDir } from '../../../src/main/private-dir'

const mode = (p: string) => statSync(p).mode & 0o777
const dirs: string[] = []
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'kb-private-'))
  dirs.push(d)
  return d
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

describe.skipIf(process.platform === 'win32')('the data folder is private to its owner', () => {
  it('creates the folder 0700, and the journal, its WAL and the log end up 0600', () => {
    const data = join(temp(), 'Kravia Batch')
    securePrivateDir(data)
    expect(mode(data)).toBe(0o700)
    const first = openAppDb(data)
    createFileLogger(data).info('started')
    securePrivateDir(data)
    first.close()
    // Reopened, SQLite creates a fresh WAL: it takes the database file's mode, not the umask's.
    const db = openAppDb(data)
    try {
      db.exec('create table if not exists t (x); insert into t values (1)')
      for (const name of [APP_DB_FILE, `${APP_DB_FILE}-wal`, 'kravia-batch.log']) {
        const p = join(data, name)
        expect({ name, mode: mode(p) }).toEqual({ name, mode: 0o600 })
      }
    } finally {
      db.close()
    }
  })

  it('tightens a folder an older version left open, files in sub-folders included', () => {
    const data = temp()
    mkdirSync(join(data, 'follow-ups'), { mode: 0o755 })
    writeFileSync(join(data, 'settings.json'), '{}', { mode: 0o644 })
    writeFileSync(join(data, 'follow-ups', 'b1-failed.csv'), 'x', { mode: 0o666 })
    const outside = join(temp(), 'elsewhere.txt')
    writeFileSync(outside, 'not ours', { mode: 0o644 })
    symlinkSync(outside, join(data, 'link.txt'))
    securePrivateDir(data)
    expect(mode(data)).toBe(0o700)
    expect(mode(join(data, 'follow-ups'))).toBe(0o700)
    expect(mode(join(data, 'settings.json'))).toBe(0o600)
    expect(mode(join(data, 'follow-ups', 'b1-failed.csv'))).toBe(0o600)
    // A link pointing out of the folder is not followed.
    expect(mode(outside)).toBe(0o644)
  })
})
