import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'

export type Db = Database.Database

export interface Migration {
  version: number
  name: string
  up(db: Db): void
}

export interface OpenOptions {
  /** Path of an Electron-ABI build of the addon (the desktop app); Node's own build otherwise. */
  nativeBinding?: string
  readonly?: boolean
}

/**
 * Opens a SQLite file with the settings every store here relies on: WAL, foreign keys, and
 * synchronous=FULL so a committed journal state survives a crash or power loss.
 */
export function openSqlite(file: string, options: OpenOptions = {}): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const db = new Database(file, {
    nativeBinding: options.nativeBinding,
    readonly: options.readonly ?? false,
  })
  if (!options.readonly) db.pragma('journal_mode = WAL')
  db.pragma('foreign_keys = ON')
  db.pragma('synchronous = FULL')
  db.pragma('busy_timeout = 5000')
  return db
}

/** Applies append-only migrations in order; each runs in its own transaction. */
export function migrate(db: Db, migrations: readonly Migration[]): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`)
  const current =
    (db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0
  const sorted = [...migrations].sort((a, b) => a.version - b.version)
  sorted.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`Migration ${m.name} has version ${m.version}, expected ${i + 1}`)
  })
  if (current > sorted.length) {
    throw new Error(
      `The database is from a newer version of the app (schema ${current}, this app knows ${sorted.length}).`,
    )
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
  for (const m of sorted) {
    if (m.version <= current) continue
    db.transaction(() => {
      m.up(db)
      record.run(m.version, m.name, new Date().toISOString())
    })()
  }
  return sorted.length
}
