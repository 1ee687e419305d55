import { join } from 'node:path'
import { appMigrations } from './migrations'
import { type Db, migrate, type OpenOptions, openSqlite } from './open'

export const APP_DB_FILE = 'kravia-batch.sqlite'

/** The one owner of the app's connection: opens the data dir's database and migrates it. */
export function openAppDb(dataDir: string, options: OpenOptions = {}): Db {
  const db = openSqlite(join(dataDir, APP_DB_FILE), options)
  migrate(db, appMigrations)
  return db
}

export function openMemoryAppDb(): Db {
  const db = openSqlite(':memory:')
  migrate(db, appMigrations)
  return db
}
