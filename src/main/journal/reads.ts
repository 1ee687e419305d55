import type { Statement } from 'better-sqlite3'
import { AppError } from '../../shared/errors'
import type { InvoiceState } from '../../shared/states'
import type { Db } from '../db/open'
import type { Attempt, Batch, Counts, InvoiceDetail, InvoiceListItem } from './types'

/**
 * Reading the journal (batches, invoices, attempts) for the engine, the after-sending actions,
 * the CLI and the UI. Statements are prepared once per connection.
 */

const LIST_COLUMNS = `id, batch_id, seq, merchant_reference, rows_json, due_date, amount, vat_amount, product_type,
  invoice_channel, customer_name, customer_email, customer_org, state, fail_reason, lookup_reason,
  transaction_id, transaction_status, invoice_number, invoice_url, invoice_date, kravia_due_date, kid,
  account_bban, account_iban, error_code, error_message, superseded_by_batch, pay_attempts,
  lookup_attempts, first_sent_at, last_attempt_at, completed_at, created_at, updated_at`

function prepare(db: Db) {
  return {
    batch: db.prepare('SELECT * FROM batches WHERE id = ?'),
    batches: db.prepare('SELECT * FROM batches ORDER BY created_at DESC, id DESC LIMIT ?'),
    latest: db.prepare('SELECT id FROM batches ORDER BY created_at DESC, id DESC LIMIT 1'),
    latestUnfinished: db.prepare(
      `SELECT id FROM batches WHERE state IN ('running','paused') ORDER BY created_at DESC, id DESC LIMIT 1`,
    ),
    counts: db.prepare('SELECT state, COUNT(*) AS n FROM invoices WHERE batch_id = ? GROUP BY state'),
    invoice: db.prepare('SELECT * FROM invoices WHERE id = ?'),
    attempts: db.prepare('SELECT * FROM attempts WHERE invoice_id = ? ORDER BY id'),
    byRef: db.prepare(`SELECT ${LIST_COLUMNS} FROM invoices WHERE batch_id = ? AND merchant_reference = ?`),
  }
}
type Statements = ReturnType<typeof prepare>
const cache = new WeakMap<Db, Statements>()
const dynamic = new WeakMap<Db, Map<string, Statement<unknown[]>>>()

/** The list queries vary by filter; each shape is prepared once per connection. */
function prepared(db: Db, sql: string): Statement<unknown[]> {
  let m = dynamic.get(db)
  if (!m) {
    m = new Map()
    dynamic.set(db, m)
  }
  let st = m.get(sql)
  if (!st) {
    st = db.prepare<unknown[]>(sql)
    m.set(sql, st)
  }
  return st
}
export function statements(db: Db): Statements {
  let s = cache.get(db)
  if (!s) {
    s = prepare(db)
    cache.set(db, s)
  }
  return s
}

type BatchDbRow = Omit<Batch, 'mapping' | 'constants' | 'settings' | 'canary_passed' | 'counts'> & {
  mapping_json: string
  constants_json: string
  settings_json: string
  canary_passed: number
}

export function getCounts(db: Db, batchId: string): Counts {
  const out: Counts = {}
  for (const r of statements(db).counts.all(batchId) as { state: InvoiceState; n: number }[]) {
    out[r.state] = r.n
  }
  return out
}

function toBatch(db: Db, r: BatchDbRow): Batch {
  const { mapping_json, constants_json, settings_json, canary_passed, ...rest } = r
  return {
    ...rest,
    mapping: JSON.parse(mapping_json),
    constants: JSON.parse(constants_json),
    settings: JSON.parse(settings_json),
    canary_passed: canary_passed === 1,
    counts: getCounts(db, r.id),
  }
}

export function getBatch(db: Db, id: string): Batch | null {
  const r = statements(db).batch.get(id) as BatchDbRow | undefined
  return r ? toBatch(db, r) : null
}

export function listBatches(db: Db, limit = 500): Batch[] {
  return (statements(db).batches.all(limit) as BatchDbRow[]).map((r) => toBatch(db, r))
}

/**
 * `latest` (or nothing) names the newest batch; with `unfinished`, the newest running or paused one.
 * An unknown id is a usage error (exit 2) naming what was asked for.
 */
export function resolveBatchId(
  db: Db,
  ref: string | undefined,
  options: { unfinished?: boolean } = {},
): string {
  const s = statements(db)
  if (ref === undefined || ref === 'latest') {
    const row = (options.unfinished && ref === undefined ? s.latestUnfinished : s.latest).get() as
      | { id: string }
      | undefined
    if (!row) {
      throw new AppError(
        'no_batch',
        options.unfinished && ref === undefined
          ? 'There is no unfinished batch.'
          : 'There are no batches yet.',
        { message_nb: 'Det finnes ingen kjøring ennå.' },
      )
    }
    return row.id
  }
  if (!s.batch.get(ref)) {
    throw new AppError('no_batch', `Batch "${ref}" does not exist in this data folder.`, {
      message_nb: `Kjøringen «${ref}» finnes ikke.`,
    })
  }
  return ref
}

type InvoiceDbRow = Omit<InvoiceListItem, 'rows'> & { rows_json: string }

export function toListItem(r: InvoiceDbRow): InvoiceListItem {
  const { rows_json, ...rest } = r as InvoiceDbRow & { request_json?: string; source_json?: string }
  delete (rest as { request_json?: string }).request_json
  delete (rest as { sent_request_json?: string }).sent_request_json
  delete (rest as { source_json?: string }).source_json
  delete (rest as { env?: string }).env
  delete (rest as { account?: string }).account
  delete (rest as { transient_since_ms?: number }).transient_since_ms
  delete (rest as { next_attempt_at_ms?: number }).next_attempt_at_ms
  return { ...rest, rows: JSON.parse(rows_json) }
}

export interface ListInvoicesOptions {
  state?: InvoiceState | readonly InvoiceState[]
  /** Matches reference, customer name, e-mail, organisation number or invoice number (case-insensitive). */
  search?: string
  /** Keyset paging: invoices with a larger id. */
  afterId?: number
  /** Offset paging (the virtualised grid jumps anywhere). */
  offset?: number
  limit?: number
}

function whereFor(batchId: string, o: ListInvoicesOptions): { sql: string; params: unknown[] } {
  const parts = ['batch_id = ?']
  const params: unknown[] = [batchId]
  if (o.state !== undefined) {
    const states = typeof o.state === 'string' ? [o.state] : o.state
    parts.push(`state IN (${states.map(() => '?').join(',')})`)
    params.push(...states)
  }
  if (o.search?.trim()) {
    const like = `%${o.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    parts.push(
      `(merchant_reference LIKE ? ESCAPE '\\' OR customer_name LIKE ? ESCAPE '\\' OR customer_email LIKE ? ESCAPE '\\'
        OR customer_org LIKE ? ESCAPE '\\' OR invoice_number LIKE ? ESCAPE '\\')`,
    )
    params.push(like, like, like, like, like)
  }
  if (o.afterId !== undefined) {
    parts.push('id > ?')
    params.push(o.afterId)
  }
  return { sql: parts.join(' AND '), params }
}

/** Invoices of a batch in sending order (id), filtered and paged. */
export function listInvoices(db: Db, batchId: string, options: ListInvoicesOptions = {}): InvoiceListItem[] {
  const { sql, params } = whereFor(batchId, options)
  const limit = options.limit ?? 1000
  const rows = prepared(
    db,
    `SELECT ${LIST_COLUMNS} FROM invoices WHERE ${sql} ORDER BY id LIMIT ? OFFSET ?`,
  ).all(...params, limit, options.offset ?? 0) as InvoiceDbRow[]
  return rows.map(toListItem)
}

export function countInvoices(db: Db, batchId: string, options: ListInvoicesOptions = {}): number {
  const { sql, params } = whereFor(batchId, { ...options, afterId: undefined })
  return (prepared(db, `SELECT COUNT(*) AS n FROM invoices WHERE ${sql}`).get(...params) as { n: number }).n
}

export function getInvoice(db: Db, id: number): InvoiceListItem | null {
  const r = statements(db).invoice.get(id) as InvoiceDbRow | undefined
  return r ? toListItem(r) : null
}

export function getInvoiceByReference(db: Db, batchId: string, reference: string): InvoiceListItem | null {
  const r = statements(db).byRef.get(batchId, reference) as InvoiceDbRow | undefined
  return r ? toListItem(r) : null
}

export function getAttempts(db: Db, invoiceId: number): Attempt[] {
  return statements(db).attempts.all(invoiceId) as Attempt[]
}

export function getInvoiceDetail(db: Db, id: number): InvoiceDetail | null {
  const r = statements(db).invoice.get(id) as
    | (InvoiceDbRow & { request_json: string; sent_request_json: string | null; source_json: string | null })
    | undefined
  if (!r) return null
  return {
    ...toListItem(r),
    request: JSON.parse(r.sent_request_json ?? r.request_json),
    source: r.source_json === null ? null : JSON.parse(r.source_json),
    attempts: getAttempts(db, id),
  }
}
