import type { FeatureToggle, InvoiceChannel, PayRequest, ProductType } from '../../shared/kravia'
import type { BatchState, InvoiceState, PauseReason } from '../../shared/states'

export type RunEnv = 'sandbox' | 'test' | 'production'

/** How a batch is sent; frozen into the batch when it is created (resume reuses it). */
export interface BatchSettings {
  /** Requests per second the scheduler starts at and never exceeds. */
  rate: number
  /** Requests in flight at most. */
  concurrency: number
  /** null = no toggle (allowed only in the sandbox). */
  toggle: FeatureToggle | null
  /** Send the first N, then pause for confirmation; null = no canary. */
  canary: number | null
  /**
   * Transient faults (5xx, lost answers, timeouts) one invoice may meet in a run before it is left
   * sendable for `resume`; each waits an exponential backoff. Absent in batches made before it
   * existed (the default applies).
   */
  transientTries?: number
  /** Backoff: first delay and the cap (exponential with full jitter in between). */
  backoffBaseMs: number
  backoffMaxMs: number
  /**
   * A due date (given, or counted from the day it is sent) on a weekend or Norwegian public holiday
   * moves to the next business day when sent. Absent in batches made before the option existed.
   */
  businessDayDue?: boolean
  /** Run defaults the plan was made with (days until due, product type…), kept for the record. */
  defaults?: Record<string, unknown>
}

export type Counts = Partial<Record<InvoiceState, number>>

/** A batch as the journal reads it (JSON columns parsed). */
export interface Batch {
  id: string
  state: BatchState
  pause_reason: PauseReason | null
  parent_batch_id: string | null
  source_name: string
  source_sha256: string
  sheet: string | null
  mapping: unknown
  constants: unknown
  settings: BatchSettings
  env: RunEnv
  account: string
  base_url: string
  invoice_count: number
  total_amount: number
  canary_passed: boolean
  created_at: string
  updated_at: string
  finished_at: string | null
  /** When its payments were last read from Dintero; null before the first refresh. */
  refreshed_at: string | null
  counts: Counts
}

/** One invoice of a batch as lists show it (no request/source JSON). */
export interface InvoiceListItem {
  id: number
  batch_id: string
  seq: number
  merchant_reference: string
  rows: number[]
  due_date: string | null
  amount: number
  vat_amount: number | null
  product_type: ProductType
  invoice_channel: InvoiceChannel
  customer_name: string | null
  customer_email: string | null
  customer_org: string | null
  state: InvoiceState
  fail_reason: string | null
  lookup_reason: string | null
  transaction_id: string | null
  transaction_status: string | null
  invoice_number: string | null
  invoice_url: string | null
  invoice_date: string | null
  kravia_due_date: string | null
  kid: string | null
  account_bban: string | null
  account_iban: string | null
  error_code: string | null
  error_message: string | null
  superseded_by_batch: string | null
  pay_attempts: number
  lookup_attempts: number
  first_sent_at: string | null
  last_attempt_at: string | null
  completed_at: string | null
  created_at: string
  updated_at: string
}

export type AttemptKind = 'pay' | 'lookup' | 'void' | 'capture' | 'refresh'

export interface Attempt {
  id: number
  invoice_id: number
  batch_id: string
  kind: AttemptKind
  started_at: string
  duration_ms: number | null
  http_status: number | null
  error_kind: string | null
  dintero_code: string | null
  dintero_message: string | null
  transaction_id: string | null
  /** null while the request is in flight, or when the process died during it. */
  outcome: string | null
}

export interface InvoiceDetail extends InvoiceListItem {
  /** The request as it left on the latest attempt (days counted on the day sent); the frozen one before. */
  request: PayRequest
  /** The source rows as read (cells), when the import kept them. */
  source: unknown
  attempts: Attempt[]
}
