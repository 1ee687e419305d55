import type { FeatureToggle, PayRequest } from '../../shared/kravia'

/**
 * The client's contract with the submission engine. Every failure is a DinteroError whose
 * `kind` depends on the call (see issue: pay vs reads/void).
 */
export type DinteroErrorKind =
  /** Nothing was created; safe to send again after a backoff (connection refused before sending; reads: 429/5xx/network). */
  | 'retryable'
  /** pay only: the invoice may exist (5xx, timeout, connection lost after sending) → look up. */
  | 'ambiguous'
  /** pay only: 429; wait `retryAfterMs`. */
  | 'rate_limited'
  /** Dintero refused the request (4xx, or a 200 with FAILED/DECLINED). */
  | 'rejected'
  /** 401 after one re-authentication, or 403. */
  | 'auth'

export interface DinteroErrorInfo {
  kind: DinteroErrorKind
  /** HTTP status, when an answer arrived. */
  status?: number
  code?: string
  message: string
  errors?: unknown[]
  retryAfterMs?: number
  /** pay only: a 400 while a strict toggle was sent — may be the toggle's duplicate refusal, so look up. */
  checkByLookup?: boolean
  /** A 200 with FAILED/DECLINED: the transaction Dintero returned. */
  transaction?: Transaction
  /**
   * The failure came from signing in (the token request), so the call itself was never sent.
   * An `auth` error with this set (e.g. 403: the client has no access to the account) means no
   * request can succeed with these credentials, whatever its status.
   */
  signIn?: boolean
  /**
   * Dintero asked everyone to slow down: 429, or 503 with Retry-After. Other 5xx are faults of
   * one request, not a rate signal.
   */
  rateSignal?: boolean
  /** No answer came at all (DNS, refused, TLS, timeout, connection lost): what happened, and to which host. */
  network?: NetworkFault
}

/** Why no answer came from Dintero, in terms a user can act on. */
export type NetworkReason = 'dns' | 'refused' | 'tls' | 'timeout' | 'unreachable' | 'lost'

export interface NetworkFault {
  reason: NetworkReason
  /** `checkout.dintero.com` (or the sandbox's `127.0.0.1:PORT`). */
  host: string
}

export class DinteroError extends Error {
  readonly info: DinteroErrorInfo
  constructor(info: DinteroErrorInfo) {
    super(info.message)
    this.name = 'DinteroError'
    this.info = info
  }
  get kind(): DinteroErrorKind {
    return this.info.kind
  }
}

export type TransactionStatus =
  | 'INITIATED'
  | 'AUTHORIZED'
  | 'AUTHORIZATION_VOIDED'
  | 'CAPTURED'
  | 'PARTIALLY_CAPTURED'
  | 'PARTIALLY_CAPTURED_REFUNDED'
  | 'REFUNDED'
  | 'PARTIALLY_REFUNDED'
  | 'DECLINED'
  | 'FAILED'
  | 'UNKNOWN'
  | 'ON_HOLD'

export interface TransactionEvent {
  event: string
  created_at?: string
  success?: boolean
  amount?: number
  transaction_status?: string
  metadata?: Record<string, string | number>
  error?: { code?: string; message: string }
  [k: string]: unknown
}

/** A transaction as read (unknown fields kept, Kravia details optional: grouped invoices have none yet). */
export interface Transaction {
  id: string
  status: TransactionStatus | string
  amount: number
  currency?: string
  merchant_reference?: string
  payment_product?: string
  payment_product_type?: string
  billing_address?: Record<string, unknown>
  created_at?: string
  metadata?: Record<string, string | number>
  events?: TransactionEvent[]
  [k: string]: unknown
}

/** Kravia details pulled out of a transaction's metadata and events (each may be missing). */
export interface KraviaDetails {
  invoice_number?: string
  invoice_url?: string
  invoice_date?: string
  due_date?: string
  invoice_id?: string
  kid?: string
  bban?: string
  iban?: string
  swift?: string
}

export interface PayOptions {
  /** null sends no toggle (sandbox only). */
  toggle: FeatureToggle | null
  signal?: AbortSignal
}

export interface DinteroApi {
  /** Resolves with an AUTHORIZED (or later) transaction; everything else throws DinteroError. */
  pay(body: PayRequest, options: PayOptions): Promise<Transaction>
  getTransaction(id: string, signal?: AbortSignal): Promise<Transaction>
  /**
   * The transactions with these ids, read from the list endpoint 100 ids per request (`id`
   * repeated, `limit=100`; larger sets in chunks, one after the other). An id missing from the
   * answers is missing from the map: the caller reads it with getTransaction, never takes it as gone.
   */
  getTransactions(ids: readonly string[], signal?: AbortSignal): Promise<Map<string, Transaction>>
  /** Every transaction with this reference, all pages followed. */
  listByMerchantReference(reference: string, signal?: AbortSignal): Promise<Transaction[]>
  void(id: string, signal?: AbortSignal): Promise<{ accepted: boolean; transaction: Transaction }>
  capture(
    id: string,
    amount: number,
    signal?: AbortSignal,
  ): Promise<{ accepted: boolean; transaction: Transaction }>
  /** Fetches a token now (the settings screen's "Test connection"). */
  checkConnection(signal?: AbortSignal): Promise<void>
}
