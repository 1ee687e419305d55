import type { Statement } from 'better-sqlite3'
import { type Db, type Migration, migrate, openSqlite } from '../db/open'

/**
 * The sandbox's own SQLite (its own file and migration list, never the app's journal). A
 * transaction is kept as the JSON Dintero would answer with, next to the few columns the rules
 * need (reference for the toggles, status and amounts for void/capture/pay).
 */

export const sandboxMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'sandbox-transactions',
    up(db) {
      db.exec(`
        CREATE TABLE transactions (
          seq INTEGER PRIMARY KEY,
          id TEXT NOT NULL UNIQUE,
          merchant_reference TEXT NOT NULL,
          -- 1 once the transaction was successfully authorized (strict-success-merchant-reference);
          -- a later void does not clear it.
          authorized INTEGER NOT NULL,
          status TEXT NOT NULL,
          channel TEXT NOT NULL,
          product_type TEXT NOT NULL,
          amount INTEGER NOT NULL,
          paid INTEGER NOT NULL DEFAULT 0,
          -- 1 when the unpaid rest of a PARTIALLY_CAPTURED invoice was voided.
          rest_voided INTEGER NOT NULL DEFAULT 0,
          -- 1 once an INITIATE_CAPTURE event exists (Kravia is collecting).
          invoice_started INTEGER NOT NULL,
          json TEXT NOT NULL
        );
        CREATE INDEX transactions_reference ON transactions (merchant_reference, seq);
      `)
    },
  },
]

export interface TxRow {
  seq: number
  id: string
  merchant_reference: string
  authorized: number
  status: string
  channel: string
  product_type: string
  amount: number
  paid: number
  rest_voided: number
  invoice_started: number
  json: string
}

export interface ScanFilter {
  ids?: readonly string[]
  reference?: string
  statuses?: readonly string[]
  belowSeq?: number
}

export interface SandboxStore {
  nextSeq(): number
  referenceUsed(reference: string, onlyAuthorized: boolean): boolean
  insert(row: TxRow): void
  get(id: string): TxRow | undefined
  update(row: TxRow): void
  /** Newest first; `afterSeq` continues below that transaction. */
  list(reference: string | undefined, limit: number, afterSeq: number | undefined): string[]
  /**
   * Newest first, rows matching the indexed filters (every one given must hold), read lazily so a
   * page of a filtered list stops as soon as it is full.
   */
  scan(filter: ScanFilter): IterableIterator<{ seq: number; json: string }>
  all(): string[]
  /** Runs `fn` in one SQLite transaction (one per request keeps the file consistent). */
  atomic<T>(fn: () => T): T
  close(): void
}

export function openSandboxStore(file: string | undefined): SandboxStore {
  const db: Db = openSqlite(file ?? ':memory:')
  // The sandbox's file is demo and test data, not the app's journal: NORMAL (still crash-safe
  // in WAL, may lose the last commits on power loss) keeps an fsync off every request so the
  // sandbox can take hundreds of invoices a second.
  db.pragma('synchronous = NORMAL')
  migrate(db, sandboxMigrations)
  let seq = (db.prepare('SELECT MAX(seq) AS m FROM transactions').get() as { m: number | null }).m ?? 0

  const s = {
    used: db.prepare('SELECT 1 FROM transactions WHERE merchant_reference = ? LIMIT 1').pluck(),
    usedAuthorized: db
      .prepare('SELECT 1 FROM transactions WHERE merchant_reference = ? AND authorized = 1 LIMIT 1')
      .pluck(),
    insert: db.prepare(`INSERT INTO transactions
      (seq, id, merchant_reference, authorized, status, channel, product_type, amount, paid, rest_voided, invoice_started, json)
      VALUES (@seq, @id, @merchant_reference, @authorized, @status, @channel, @product_type, @amount, @paid, @rest_voided, @invoice_started, @json)`),
    get: db.prepare('SELECT * FROM transactions WHERE id = ?'),
    update: db.prepare(`UPDATE transactions SET authorized = @authorized, status = @status, paid = @paid,
      rest_voided = @rest_voided, invoice_started = @invoice_started, json = @json WHERE id = @id`),
    listAll: db.prepare('SELECT json FROM transactions WHERE seq < ? ORDER BY seq DESC LIMIT ?').pluck(),
    listRef: db
      .prepare(
        'SELECT json FROM transactions WHERE merchant_reference = ? AND seq < ? ORDER BY seq DESC LIMIT ?',
      )
      .pluck(),
    all: db.prepare('SELECT json FROM transactions ORDER BY seq DESC').pluck(),
  }

  // One statement per combination of filters given (at most 16), prepared on first use.
  const scans = new Map<string, Statement<(string | number)[], { seq: number; json: string }>>()
  const scan = (f: ScanFilter) => {
    const given = (
      [
        ['id IN (SELECT value FROM json_each(?))', f.ids && JSON.stringify(f.ids)],
        ['merchant_reference = ?', f.reference],
        ['status IN (SELECT value FROM json_each(?))', f.statuses && JSON.stringify(f.statuses)],
        ['seq < ?', f.belowSeq],
      ] as const
    ).filter(([, arg]) => arg !== undefined)
    const where = given.map(([clause]) => clause)
    const args = given.map(([, arg]) => arg!)
    const sql = `SELECT seq, json FROM transactions${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC`
    let stmt = scans.get(sql)
    if (!stmt) {
      stmt = db.prepare<(string | number)[], { seq: number; json: string }>(sql)
      scans.set(sql, stmt)
    }
    return stmt.iterate(...args)
  }

  return {
    nextSeq: () => ++seq,
    scan,
    referenceUsed: (reference, onlyAuthorized) =>
      (onlyAuthorized ? s.usedAuthorized : s.used).get(reference) !== undefined,
    insert: (row) => {
      s.insert.run(row)
    },
    get: (id) => s.get.get(id) as TxRow | undefined,
    update: (row) => {
      s.update.run(row)
    },
    list: (reference, limit, afterSeq) => {
      const below = afterSeq ?? Number.MAX_SAFE_INTEGER
      return (
        reference === undefined ? s.listAll.all(below, limit) : s.listRef.all(reference, below, limit)
      ) as string[]
    },
    all: () => s.all.all() as string[],
    atomic: (fn) => db.transaction(fn)(),
    close: () => db.close(),
  }
}
