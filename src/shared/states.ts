/**
 * Invoice and batch states of a run, and which moves between them are allowed. Pure: the journal
 * (main) refuses a write that is not in this table, and the renderer uses it to decide which
 * actions a row offers.
 */

export const INVOICE_STATES = [
  'pending',
  'sending',
  'unknown',
  'authorized',
  'awaiting_capture',
  'failed',
  'cancelled',
  'void_pending',
  'voided',
  'part_paid',
  'paid',
] as const
export type InvoiceState = (typeof INVOICE_STATES)[number]

export const BATCH_STATES = ['running', 'paused', 'cancelled', 'finished'] as const
export type BatchState = (typeof BATCH_STATES)[number]

/**
 * Why a batch is paused: the user, a signal (Ctrl-C / closing), the canary, refused credentials,
 * rows left unresolved, invoices left sendable after transient errors (`transient`), or two
 * minutes without any answer from Dintero (`unreachable`).
 */
export type PauseReason =
  | 'new'
  | 'user'
  | 'signal'
  | 'canary'
  | 'auth'
  | 'unresolved'
  | 'crash'
  | 'transient'
  | 'unreachable'

/** States in which Dintero holds (or held) a successfully authorized transaction: the invoice exists. */
export const INVOICED_STATES = [
  'authorized',
  'awaiting_capture',
  'void_pending',
  'voided',
  'part_paid',
  'paid',
] as const satisfies readonly InvoiceState[]

/** A row still in play while a batch is sent: it may yet be sent or looked up. */
export const OPEN_STATES = ['pending', 'sending', 'unknown'] as const satisfies readonly InvoiceState[]

const TRANSITIONS: Record<InvoiceState, readonly InvoiceState[]> = {
  // failed: gave up on transient errors after a lookup proved nothing was created.
  pending: ['sending', 'cancelled', 'unknown', 'failed'],
  // A pay request's outcome; pending when nothing can have been created (429, refused, 401).
  sending: ['authorized', 'awaiting_capture', 'failed', 'unknown', 'pending', 'voided', 'part_paid', 'paid'],
  // A lookup's outcome: adopt (any invoiced state), nothing found (pending, or failed after a
  // strict-toggle 400), or gave up.
  unknown: ['authorized', 'awaiting_capture', 'pending', 'failed', 'voided', 'part_paid', 'paid'],
  // The user retries a failed row (resume of transient failures, or a deliberate retry) — via a lookup.
  failed: ['unknown', 'pending'],
  cancelled: ['pending'],
  authorized: ['void_pending', 'voided', 'part_paid', 'paid', 'awaiting_capture'],
  awaiting_capture: ['authorized', 'void_pending', 'voided', 'part_paid', 'paid'],
  void_pending: ['voided', 'authorized', 'awaiting_capture', 'part_paid', 'paid'],
  part_paid: ['paid', 'void_pending', 'voided'],
  voided: [],
  paid: [],
}

export function canTransition(from: InvoiceState, to: InvoiceState): boolean {
  return from === to || TRANSITIONS[from].includes(to)
}

export function allowedTransitions(from: InvoiceState): readonly InvoiceState[] {
  return TRANSITIONS[from]
}

export function isInvoiced(state: InvoiceState): boolean {
  return (INVOICED_STATES as readonly InvoiceState[]).includes(state)
}

export function isOpen(state: InvoiceState): boolean {
  return (OPEN_STATES as readonly InvoiceState[]).includes(state)
}

export function isInvoiceState(value: string): value is InvoiceState {
  return (INVOICE_STATES as readonly string[]).includes(value)
}

/** Dintero transaction status → the state a row takes when it adopts the transaction. */
export function stateForTransactionStatus(
  status: string,
  invoiceChannel: 'kravia' | 'merchant' = 'kravia',
  captureInitiated = true,
): InvoiceState | null {
  switch (status) {
    case 'AUTHORIZED':
      return invoiceChannel === 'merchant' && !captureInitiated ? 'awaiting_capture' : 'authorized'
    case 'PARTIALLY_CAPTURED':
    case 'PARTIALLY_CAPTURED_REFUNDED':
      return 'part_paid'
    case 'CAPTURED':
    case 'REFUNDED':
    case 'PARTIALLY_REFUNDED':
      return 'paid'
    case 'AUTHORIZATION_VOIDED':
      return 'voided'
    default:
      return null
  }
}

/** The transaction statuses that mean "authorized or later" (the invoice was created). */
export const AUTHORIZED_OR_LATER = [
  'AUTHORIZED',
  'AUTHORIZATION_VOIDED',
  'CAPTURED',
  'PARTIALLY_CAPTURED',
  'PARTIALLY_CAPTURED_REFUNDED',
  'REFUNDED',
  'PARTIALLY_REFUNDED',
] as const

export function isAuthorizedOrLater(status: string): boolean {
  return (AUTHORIZED_OR_LATER as readonly string[]).includes(status)
}

/**
 * Dintero's in-between transaction statuses: neither an invoice nor a refusal yet. A row whose
 * transaction is in one of these stays `unknown` (never sent again while it exists) until the
 * transaction becomes authorized (the invoice exists) or ends FAILED (sendable again).
 */
export const IN_BETWEEN_STATUSES = ['ON_HOLD', 'INITIATED', 'UNKNOWN'] as const

export function isInBetween(status: string): boolean {
  return (IN_BETWEEN_STATUSES as readonly string[]).includes(status)
}
