import { canTransition, type InvoiceState } from '../../shared/states'
import type { Db } from '../db/open'
import type { KraviaDetails, Transaction } from '../dintero/types'
import type { AttemptKind } from './types'

/**
 * The engine's writes to the journal. Each is one short transaction (synchronous=FULL), and
 * every write is fenced by the lease: a process that lost its lease cannot mark anything
 * `sending`, nor write a late answer onto a row the new holder has since looked up and sent
 * again (its 429 would turn the new holder's in-flight `sending` row back into `pending`).
 */

export interface AttemptRecord {
  kind: AttemptKind
  startedAt: number
  durationMs: number
  httpStatus?: number
  errorKind?: string
  code?: string
  message?: string
  transactionId?: string
  outcome: string
}

export interface OutcomePatch {
  fail_reason?: string | null
  lookup_reason?: string | null
  error_code?: string | null
  error_message?: string | null
  transient_since_ms?: number | null
  next_attempt_at_ms?: number | null
  /**
   * The in-between transaction (ON_HOLD, INITIATED, UNKNOWN) an `unknown` row waits on, kept so
   * later lookups and refresh read it by id; null forgets it (it ended FAILED).
   */
  held?: { id: string; status: string } | null
}

export type ClaimResult =
  | { ok: true; attemptId: number }
  | { ok: false; why: 'lease_lost' | 'blocked' | 'changed' }

export interface SendRow {
  id: number
  request_json: string
  due_date: string | null
  invoice_channel: 'kravia' | 'merchant'
  amount: number
  customer_org: string | null
  customer_email: string | null
  merchant_reference: string
}

/** The lease the writes are fenced by: the batch and the holder's token (see engine/lease.ts). */
export interface LeaseFence {
  batchId: string
  token: string
}

const iso = (ms: number) => new Date(ms).toISOString()

/** An attempt's answer columns, in the order the attempt statements name them. */
const answerColumns = (a: Omit<AttemptRecord, 'kind' | 'startedAt'>) =>
  [
    a.durationMs,
    a.httpStatus ?? null,
    a.errorKind ?? null,
    a.code ?? null,
    a.message ?? null,
    a.transactionId ?? null,
    a.outcome,
  ] as const

export function createLedger(db: Db, lease: LeaseFence, env: string, account: string) {
  const s = {
    leaseHeld: db.prepare('SELECT 1 FROM leases WHERE batch_id = ? AND owner_token = ?'),
    blocked:
      db.prepare(`SELECT batch_id FROM invoices WHERE env = ? AND account = ? AND merchant_reference = ?
      AND id <> ? AND state IN ('sending','unknown') LIMIT 1`),
    claim: db.prepare(`UPDATE invoices SET state = 'sending', pay_attempts = pay_attempts + 1,
      first_sent_at = COALESCE(first_sent_at, ?), last_attempt_at = ?, updated_at = ?, sent_request_json = ?
      WHERE id = ? AND state = 'pending'`),
    insertAttempt:
      db.prepare(`INSERT INTO attempts (invoice_id, batch_id, kind, started_at, duration_ms, http_status,
      error_kind, dintero_code, dintero_message, transaction_id, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    finishAttempt:
      db.prepare(`UPDATE attempts SET duration_ms = ?, http_status = ?, error_kind = ?, dintero_code = ?,
      dintero_message = ?, transaction_id = ?, outcome = ? WHERE id = ?`),
    row: db.prepare(`SELECT id, request_json, due_date, invoice_channel, amount, customer_org, customer_email,
      merchant_reference FROM invoices WHERE id = ?`),
    state: db.prepare('SELECT state FROM invoices WHERE id = ?'),
    move: db.prepare(`UPDATE invoices SET state = ?, updated_at = ?, fail_reason = ?, lookup_reason = ?, error_code = ?,
      error_message = ?, transient_since_ms = ?, next_attempt_at_ms = ?,
      completed_at = CASE WHEN ? IN ('pending','sending','unknown') THEN completed_at ELSE ? END
      WHERE id = ? AND state = ?`),
    adopt: db.prepare(`UPDATE invoices SET state = ?, updated_at = ?, completed_at = ?, transaction_id = ?,
      transaction_status = ?, invoice_number = ?, invoice_url = ?, invoice_date = ?, kravia_due_date = ?, kid = ?,
      account_bban = ?, account_iban = ?, fail_reason = NULL, lookup_reason = NULL, error_code = NULL,
      error_message = NULL, transient_since_ms = NULL, next_attempt_at_ms = NULL WHERE id = ? AND state = ?`),
    held: db.prepare('UPDATE invoices SET transaction_id = ?, transaction_status = ? WHERE id = ?'),
    lookupCount: db.prepare(
      'UPDATE invoices SET lookup_attempts = lookup_attempts + 1, last_attempt_at = ? WHERE id = ?',
    ),
    owned:
      db.prepare(`SELECT transaction_id FROM invoices WHERE env = ? AND account = ? AND merchant_reference = ?
      AND id <> ? AND transaction_id IS NOT NULL`),
  }

  const record = (invoiceId: number, a: AttemptRecord) =>
    s.insertAttempt.run(invoiceId, lease.batchId, a.kind, iso(a.startedAt), ...answerColumns(a))

  const currentState = (id: number) => (s.state.get(id) as { state: InvoiceState } | undefined)?.state

  /** The new holder recovered this process's rows and settles them by lookup: write nothing. */
  function assertLease(): void {
    if (!s.leaseHeld.get(lease.batchId, lease.token))
      throw new Error(
        `Journal: batch ${lease.batchId} was taken over by another process; this one writes nothing more`,
      )
  }

  function assertMove(id: number, from: InvoiceState, to: InvoiceState): void {
    if (!canTransition(from, to)) throw new Error(`Journal: invoice ${id} cannot go from ${from} to ${to}`)
  }

  return {
    sendRow: (id: number) => s.row.get(id) as SendRow | undefined,

    /**
     * Marks a pending row `sending` and opens its pay attempt — committed before the request leaves.
     * `sentRequestJson`: the request as it leaves when the day it is sent changed its days_until_due
     * (null: the frozen request goes as it is), so the journal holds exactly what was sent.
     */
    claim: db.transaction(
      (id: number, ref: string, now: number, sentRequestJson: string | null = null): ClaimResult => {
        if (!s.leaseHeld.get(lease.batchId, lease.token)) return { ok: false, why: 'lease_lost' }
        // Never two requests for one reference while any row of it may have created an invoice.
        if (s.blocked.get(env, account, ref, id)) return { ok: false, why: 'blocked' }
        const t = iso(now)
        if (s.claim.run(t, t, t, sentRequestJson, id).changes !== 1) return { ok: false, why: 'changed' }
        const info = s.insertAttempt.run(
          id,
          lease.batchId,
          'pay',
          t,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
        )
        return { ok: true, attemptId: Number(info.lastInsertRowid) }
      },
    ),

    /** Which other rows' transactions carry this reference (they are not this row's to adopt). */
    ownedElsewhere(id: number, ref: string): Set<string> {
      return new Set(
        (s.owned.all(env, account, ref, id) as { transaction_id: string }[]).map((r) => r.transaction_id),
      )
    },

    /** Closes a pay attempt and moves the row, in one transaction. */
    finishPay: db.transaction(
      (
        id: number,
        attemptId: number,
        a: Omit<AttemptRecord, 'kind' | 'startedAt'>,
        to: InvoiceState,
        p: OutcomePatch,
        now: number,
      ) => {
        assertLease()
        s.finishAttempt.run(...answerColumns(a), attemptId)
        move(id, 'sending', to, p, now)
      },
    ),

    /** Closes a pay attempt with an adopted transaction. */
    finishPayAdopt: db.transaction(
      (
        id: number,
        attemptId: number,
        durationMs: number,
        to: InvoiceState,
        tx: Transaction,
        d: KraviaDetails,
        now: number,
      ) => {
        assertLease()
        s.finishAttempt.run(durationMs, 200, null, null, null, tx.id, to, attemptId)
        adopt(id, 'sending', to, tx, d, now)
      },
    ),

    /** Records a lookup and its effect on the row, in one transaction. */
    lookup: db.transaction(
      (
        id: number,
        a: AttemptRecord,
        change:
          | { to: InvoiceState; patch: OutcomePatch }
          | { adopt: Transaction; to: InvoiceState; details: KraviaDetails }
          | null,
        now: number,
      ) => {
        assertLease()
        record(id, a)
        s.lookupCount.run(iso(now), id)
        if (change && 'adopt' in change) adopt(id, 'unknown', change.to, change.adopt, change.details, now)
        else if (change) move(id, 'unknown', change.to, change.patch, now)
      },
    ),

    /** Moves a row without a request (give-up, cancel, recovery). */
    move: db.transaction((id: number, from: InvoiceState, to: InvoiceState, p: OutcomePatch, now: number) => {
      assertLease()
      move(id, from, to, p, now)
    }),

    currentState,
  }

  function move(id: number, from: InvoiceState, to: InvoiceState, p: OutcomePatch, now: number): void {
    assertMove(id, from, to)
    const info = s.move.run(
      to,
      iso(now),
      p.fail_reason ?? null,
      p.lookup_reason ?? null,
      p.error_code ?? null,
      p.error_message ?? null,
      p.transient_since_ms ?? null,
      p.next_attempt_at_ms ?? null,
      to,
      iso(now),
      id,
      from,
    )
    if (info.changes !== 1)
      throw new Error(`Journal: invoice ${id} was not ${from} (now ${currentState(id)})`)
    if (p.held !== undefined) s.held.run(p.held?.id ?? null, p.held?.status ?? null, id)
  }

  function adopt(
    id: number,
    from: InvoiceState,
    to: InvoiceState,
    tx: Transaction,
    d: KraviaDetails,
    now: number,
  ): void {
    assertMove(id, from, to)
    const info = s.adopt.run(
      to,
      iso(now),
      iso(now),
      tx.id,
      tx.status,
      d.invoice_number ?? null,
      d.invoice_url ?? null,
      d.invoice_date ?? null,
      d.due_date ?? null,
      d.kid ?? null,
      d.bban ?? null,
      d.iban ?? null,
      id,
      from,
    )
    if (info.changes !== 1)
      throw new Error(`Journal: invoice ${id} was not ${from} (now ${currentState(id)})`)
  }
}

export type Ledger = ReturnType<typeof createLedger>
