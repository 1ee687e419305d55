import { AppError } from '../../shared/errors'
import type { InvoiceChannel, PayRequest, ProductType } from '../../shared/kravia'
import type { Db } from '../db/open'
import { type LeftOutInput, type SourceCell, storeLeftOut } from './left-out'
import type { BatchSettings, RunEnv } from './types'

/** One validated invoice as the import pipeline hands it to a batch (the request is final). */
export interface BatchInvoiceInput {
  merchant_reference: string
  /** Source row numbers (as the spreadsheet shows them) this invoice was built from. */
  rows: readonly number[]
  /** Each source row's cells as written, in rows order: the failed-rows export hands them back. */
  source?: readonly (readonly SourceCell[])[]
  request: PayRequest
  /** `YYYY-MM-DD` when the file gave a due date: days_until_due is recomputed from it at send time. */
  due_date?: string | null
  /** Defaults to the request's order amount / VAT / product type / channel / billing address. */
  amount?: number
  vat_amount?: number
  product_type?: ProductType
  invoice_channel?: InvoiceChannel
  customer?: { name?: string | null; email?: string | null; org?: string | null }
}

export interface CreateBatchInput {
  source: { name: string; sha256: string }
  sheet?: string | null
  /** The file's header row, every column in order (with `source` cells: the failed-rows export). */
  sourceHeaders?: readonly string[]
  mapping: unknown
  constants?: unknown
  settings: BatchSettings
  env: RunEnv
  account: string
  baseUrl: string
  invoices: readonly BatchInvoiceInput[]
  /** Invoices the plan left out (invalid, already invoiced): kept for the failed-rows export and status. */
  leftOut?: readonly LeftOutInput[]
  /** A follow-up batch (fixing failed invoices): the parent's unresolved rows with the same reference read "superseded". */
  parentBatchId?: string | null
  now?: Date
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/** `YYMMDD-HHMMSS` in UTC, then `b`, `c`… on a clash: short, readable and sorting by time. */
export function newBatchId(db: Db, now: Date): string {
  const base = `${pad(now.getUTCFullYear() % 100)}${pad(now.getUTCMonth() + 1)}${pad(now.getUTCDate())}-${pad(
    now.getUTCHours(),
  )}${pad(now.getUTCMinutes())}${pad(now.getUTCSeconds())}`
  const exists = db.prepare('SELECT 1 FROM batches WHERE id = ?')
  let suffix = ''
  for (;;) {
    const id = base + suffix
    if (!exists.get(id)) return id
    // '' → 'b' … 'z' → 'zb' …: each next id sorts after the previous one.
    const last = suffix.at(-1)
    suffix =
      last === undefined
        ? 'b'
        : last === 'z'
          ? `${suffix}b`
          : suffix.slice(0, -1) + String.fromCharCode(last.charCodeAt(0) + 1)
  }
}

function customerName(r: PayRequest): string {
  const a = r.session.order.billing_address
  return a.business_name || `${a.first_name} ${a.last_name}`.trim()
}

/**
 * Freezes a validated import into a batch: settings, mapping and every invoice's request, in one
 * transaction (a crash leaves either the whole batch or nothing). Returns the batch id.
 */
export function createBatch(db: Db, input: CreateBatchInput): string {
  const now = input.now ?? new Date()
  const iso = now.toISOString()
  const insertBatch = db.prepare(`INSERT INTO batches (id, state, pause_reason, parent_batch_id, source_name,
      source_sha256, sheet, source_headers_json, mapping_json, constants_json, settings_json, env, account,
      base_url, invoice_count, total_amount, created_at, updated_at)
    VALUES (?, 'paused', 'new', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const insertInvoice = db.prepare(`INSERT INTO invoices (batch_id, seq, env, account, merchant_reference,
      rows_json, source_json, request_json, due_date, amount, vat_amount, product_type, invoice_channel,
      customer_name, customer_email, customer_org, state, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)`)
  const supersede = db.prepare(`UPDATE invoices SET superseded_by_batch = ?, updated_at = ?
    WHERE batch_id = ? AND merchant_reference = ? AND state IN ('failed','cancelled','unknown','pending')`)

  // One invoice per reference: the journal's exactly-once rules (lookups, the toggle) key on it.
  const seen = new Set<string>()
  for (const inv of input.invoices) {
    if (seen.has(inv.merchant_reference)) {
      throw new AppError(
        'duplicate_reference',
        `Invoice reference ${inv.merchant_reference} appears twice in the batch.`,
        {
          message_nb: `Fakturareferansen ${inv.merchant_reference} forekommer to ganger i kjøringen.`,
        },
      )
    }
    seen.add(inv.merchant_reference)
  }
  return db.transaction(() => {
    const id = newBatchId(db, now)
    let total = 0
    for (const inv of input.invoices) total += inv.amount ?? inv.request.session.order.amount
    insertBatch.run(
      id,
      input.parentBatchId ?? null,
      input.source.name,
      input.source.sha256,
      input.sheet ?? null,
      input.sourceHeaders === undefined ? null : JSON.stringify(input.sourceHeaders),
      JSON.stringify(input.mapping ?? null),
      JSON.stringify(input.constants ?? {}),
      JSON.stringify(input.settings),
      input.env,
      input.account,
      input.baseUrl,
      input.invoices.length,
      total,
      iso,
      iso,
    )
    input.invoices.forEach((inv, i) => {
      const r = inv.request
      const a = r.session.order.billing_address
      insertInvoice.run(
        id,
        i + 1,
        input.env,
        input.account,
        inv.merchant_reference,
        JSON.stringify(inv.rows),
        inv.source === undefined ? null : JSON.stringify(inv.source),
        JSON.stringify(r),
        inv.due_date ?? null,
        inv.amount ?? r.session.order.amount,
        inv.vat_amount ?? r.session.order.vat_amount ?? null,
        inv.product_type ?? r.payment.payment_product_type,
        inv.invoice_channel ?? r.payment.invoice_channel ?? 'kravia',
        inv.customer?.name ?? customerName(r),
        inv.customer?.email ?? a.email ?? null,
        inv.customer?.org ?? a.organization_number ?? null,
        iso,
        iso,
      )
      if (input.parentBatchId) supersede.run(id, iso, input.parentBatchId, inv.merchant_reference)
    })
    const parent = input.parentBatchId
      ? { batchId: input.parentBatchId, references: input.invoices.map((i) => i.merchant_reference) }
      : null
    storeLeftOut(db, id, input.leftOut ?? [], parent, iso)
    return id
  })()
}
