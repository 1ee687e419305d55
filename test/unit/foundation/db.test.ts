import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { appMigrations } from '../../../src/main/db/migrations'
import { type Migration, migrate, openSqlite } from '../../../src/main/db/open'
import { openAppDb } from '../../../src/main/db/store'

const dirs: string[] = []
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'kb-db-'))
  dirs.push(d)
  return d
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

describe('SQLite store', () => {
  it('opens with WAL, foreign keys and synchronous=FULL', () => {
    const db = openAppDb(tempDir())
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('synchronous', { simple: true })).toBe(2)
    db.close()
  })

  it('applies every app migration once, in order, and again is a no-op', () => {
    const dir = tempDir()
    const db = openAppDb(dir)
    const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()
    expect(versions).toEqual(appMigrations.map((m) => m.version))
    db.close()
    const again = openAppDb(dir)
    expect(again.prepare('SELECT COUNT(*) FROM schema_migrations').pluck().get()).toBe(appMigrations.length)
    again.close()
  })

  it('keeps committed data across reopen', () => {
    const dir = tempDir()
    const db = openAppDb(dir)
    db.prepare("INSERT INTO settings (key, value) VALUES ('language', 'nb')").run()
    db.close()
    const reopened = openAppDb(dir)
    expect(reopened.prepare("SELECT value FROM settings WHERE key = 'language'").pluck().get()).toBe('nb')
    reopened.close()
  })

  it('rolls back a failing migration and leaves the version unrecorded', () => {
    const db = openSqlite(':memory:')
    const good: Migration = { version: 1, name: 'good', up: (d) => d.exec('CREATE TABLE a (x INTEGER)') }
    const bad: Migration = {
      version: 2,
      name: 'bad',
      up: (d) => {
        d.exec('CREATE TABLE b (x INTEGER)')
        throw new Error('boom')
      },
    }
    expect(() => migrate(db, [good, bad])).toThrow('boom')
    expect(db.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get()).toBe(1)
    expect(db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'b'").pluck().get()).toBe(0)
  })

  it('refuses gaps in migration numbers and databases from a newer app', () => {
    const db = openSqlite(':memory:')
    const m = (version: number): Migration => ({ version, name: `m${version}`, up: () => {} })
    expect(() => migrate(db, [m(1), m(3)])).toThrow(/expected 2/)
    migrate(db, [m(1), m(2)])
    expect(() => migrate(db, [m(1)])).toThrow(/newer version/)
  })
})
