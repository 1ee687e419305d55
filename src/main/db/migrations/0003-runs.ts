import type { Migration } from '../open'

/**
 * The submission journal: batches (frozen snapshots of a validated import), their invoices with
 * state and Kravia details, every attempt made against Dintero, and the one-process-at-a-time
 * lease. Human times are ISO-8601 UTC text; engine-only timers are integer milliseconds.
 */
export const m0003Runs: Migration = {
  version: 3,
  name: 'runs',
  up(db) {
    db.exec(`
      CREATE TABLE batches (
        id TEXT PRIMARY KEY,
        state TEXT NOT NULL CHECK (state IN ('running','paused','cancelled','finished')),
        pause_reason TEXT,
        parent_batch_id TEXT REFERENCES batches(id),
        source_name TEXT NOT NULL,
        source_sha256 TEXT NOT NULL,
        sheet TEXT,
        mapping_json TEXT NOT NULL,
        constants_json TEXT NOT NULL DEFAULT '{}',
        settings_json TEXT NOT NULL,
        env TEXT NOT NULL CHECK (env IN ('sandbox','test','production')),
        account TEXT NOT NULL,
        base_url TEXT NOT NULL,
        invoice_count INTEGER NOT NULL,
        total_amount INTEGER NOT NULL,
        canary_passed INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        finished_at TEXT
      );
      CREATE INDEX batches_created ON batches(created_at);
      CREATE INDEX batches_parent ON batches(parent_batch_id);

      CREATE TABLE invoices (
        id INTEGER PRIMARY KEY,
        batch_id TEXT NOT NULL REFERENCES batches(id),
        seq INTEGER NOT NULL,
        env TEXT NOT NULL,
        account TEXT NOT NULL,
        merchant_reference TEXT NOT NULL,
        rows_json TEXT NOT NULL,
        source_json TEXT,
        request_json TEXT NOT NULL,
        due_date TEXT,
        amount INTEGER NOT NULL,
        vat_amount INTEGER,
        product_type TEXT NOT NULL,
        invoice_channel TEXT NOT NULL DEFAULT 'kravia',
        customer_name TEXT,
        customer_email TEXT,
        customer_org TEXT,
        state TEXT NOT NULL CHECK (state IN ('pending','sending','unknown','authorized','awaiting_capture',
          'failed','cancelled','void_pending','voided','part_paid','paid')),
        fail_reason TEXT,
        lookup_reason TEXT,
        transaction_id TEXT,
        transaction_status TEXT,
        invoice_number TEXT,
        invoice_url TEXT,
        invoice_date TEXT,
        kravia_due_date TEXT,
        kid TEXT,
        account_bban TEXT,
        account_iban TEXT,
        error_code TEXT,
        error_message TEXT,
        superseded_by_batch TEXT REFERENCES batches(id),
        pay_attempts INTEGER NOT NULL DEFAULT 0,
        lookup_attempts INTEGER NOT NULL DEFAULT 0,
        transient_since_ms INTEGER,
        next_attempt_at_ms INTEGER,
        first_sent_at TEXT,
        last_attempt_at TEXT,
        completed_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (batch_id, seq)
      );
      CREATE INDEX invoices_batch_state ON invoices(batch_id, state);
      CREATE INDEX invoices_env_account_ref ON invoices(env, account, merchant_reference);
      CREATE INDEX invoices_transaction ON invoices(transaction_id) WHERE transaction_id IS NOT NULL;

      CREATE TABLE attempts (
        id INTEGER PRIMARY KEY,
        invoice_id INTEGER NOT NULL REFERENCES invoices(id),
        batch_id TEXT NOT NULL REFERENCES batches(id),
        kind TEXT NOT NULL CHECK (kind IN ('pay','lookup','void','capture','refresh')),
        started_at TEXT NOT NULL,
        duration_ms INTEGER,
        http_status INTEGER,
        error_kind TEXT,
        dintero_code TEXT,
        dintero_message TEXT,
        transaction_id TEXT,
        outcome TEXT
      );
      CREATE INDEX attempts_invoice ON attempts(invoice_id, id);
      CREATE INDEX attempts_batch ON attempts(batch_id, id);

      CREATE TABLE leases (
        batch_id TEXT PRIMARY KEY REFERENCES batches(id),
        owner_pid INTEGER NOT NULL,
        owner_host TEXT NOT NULL,
        owner_token TEXT NOT NULL,
        acquired_at TEXT NOT NULL,
        heartbeat_at_ms INTEGER NOT NULL
      );
    `)
  },
}
