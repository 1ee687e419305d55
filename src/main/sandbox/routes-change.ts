import { randomUUID } from 'node:crypto'
import { event, initiateCaptureEvent, invoiceNumbers, type Json } from './build'
import { chance, dinteroError, fieldError, parseJsonBody, type Reply, type SandboxState } from './http-util'
import { notFound, publish } from './routes-pay'
import type { TxRow } from './store'

/** Void, capture (merchant channel) and the customer-pays control: the transaction's life after pay. */

function save(state: SandboxState, row: TxRow, tx: Json): Reply {
  tx.updated_at = new Date(state.clock()).toISOString()
  row.status = tx.status as string
  row.json = JSON.stringify(tx)
  state.store.update(row)
  return { status: 200, body: publish(state, row.json) }
}

function voidable(row: TxRow): boolean {
  return row.status === 'AUTHORIZED' || (row.status === 'PARTIALLY_CAPTURED' && row.rest_voided === 0)
}

function invalidState(row: TxRow, action: string, allowed: string): Reply {
  const detail = row.rest_voided ? ' (its unpaid rest is already voided)' : ''
  return dinteroError(
    400,
    'INVALID_TRANSACTION_STATE',
    `Transaction ${row.id} is ${row.status}${detail}; ${action} is only allowed on ${allowed}`,
  )
}

/** Applies a void: AUTHORIZED → AUTHORIZATION_VOIDED; PARTIALLY_CAPTURED keeps its status and
 * loses its unpaid rest. Both get a VOID event for the amount cancelled. */
function applyVoid(state: SandboxState, row: TxRow, correlationId?: string): Reply {
  const tx = JSON.parse(row.json) as Json
  const rest = row.amount - row.paid
  if (row.status === 'AUTHORIZED') tx.status = 'AUTHORIZATION_VOIDED'
  else row.rest_voided = 1
  const at = new Date(state.clock()).toISOString()
  const extra = correlationId ? { correlation_request_id: correlationId } : {}
  ;(tx.events as Json[]).push(event('VOID', tx.status as string, rest, at, extra))
  return save(state, row, tx)
}

export function voidTransaction(state: SandboxState, id: string): Reply {
  return state.store.atomic(() => {
    const row = state.store.get(id)
    if (!row) return notFound(id)
    const pending = state.pendingVoids.get(id)
    if (pending) return accepted(state, row, pending.requestId)
    if (!voidable(row)) return invalidState(row, 'void', 'AUTHORIZED or PARTIALLY_CAPTURED transactions')
    if (chance(state, state.faults.voidAcceptedRate)) {
      const requestId = randomUUID()
      const timer = setTimeout(() => finishVoid(state, id), state.voidDelayMs)
      state.pendingVoids.set(id, { timer, requestId })
      return accepted(state, row, requestId)
    }
    return applyVoid(state, row)
  })
}

function accepted(state: SandboxState, row: TxRow, requestId: string): Reply {
  return { status: 202, body: publish(state, row.json), headers: { 'event-request-id': requestId } }
}

/** Finishes a 202 void (also called on close, so no accepted void is lost). */
export function finishVoid(state: SandboxState, id: string): void {
  const pending = state.pendingVoids.get(id)
  if (!pending) return
  clearTimeout(pending.timer)
  state.pendingVoids.delete(id)
  state.store.atomic(() => {
    const row = state.store.get(id)
    if (row && voidable(row)) applyVoid(state, row, pending.requestId)
  })
}

/**
 * Reads the `{amount}` body, then runs `change` on the transaction in one store transaction
 * (404 when there is none).
 */
function changeWithAmount(
  state: SandboxState,
  id: string,
  body: string,
  change: (row: TxRow, amount: unknown) => Reply,
): Reply {
  const parsed = parseJsonBody(body)
  if ('error' in parsed) return parsed.error
  const amount = (parsed.value as { amount?: unknown } | undefined)?.amount
  return state.store.atomic(() => {
    const row = state.store.get(id)
    return row ? change(row, amount) : notFound(id)
  })
}

/** `POST /v1/transactions/{id}/capture`: only for invoice_channel merchant, full amount, once. */
export function capture(state: SandboxState, id: string, body: string): Reply {
  return changeWithAmount(state, id, body, (row, amount) => {
    if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 0) {
      return fieldError('INVALID_REQUEST', [
        { field: 'amount', message: 'is required and must be a whole number of øre' },
      ])
    }
    if (row.product_type === 'kravia.invoice_b2b_grouped') {
      return dinteroError(
        400,
        'CAPTURE_NOT_ALLOWED',
        `Transaction ${id} is a grouped invoice; Kravia bills it on the consolidated invoice`,
      )
    }
    if (row.channel !== 'merchant') {
      return dinteroError(
        400,
        'CAPTURE_NOT_ALLOWED',
        `Transaction ${id} is delivered by Kravia; capture is only for invoice_channel "merchant"`,
      )
    }
    if (row.invoice_started)
      return dinteroError(400, 'ALREADY_CAPTURED', `Transaction ${id} is already captured`)
    if (row.status !== 'AUTHORIZED') return invalidState(row, 'capture', 'AUTHORIZED transactions')
    if (amount !== row.amount) {
      return fieldError('INVALID_REQUEST', [
        { field: 'amount', message: `must be the full amount ${row.amount}` },
      ])
    }
    const tx = JSON.parse(row.json) as Json
    const auth = (tx.events as Json[]).find((e) => e.event === 'AUTHORIZE')
    const date = String((auth?.metadata as Json | undefined)?.['kravia:invoice_date'] ?? '')
    const at = new Date(state.clock()).toISOString()
    ;(tx.events as Json[]).push(initiateCaptureEvent(tx, invoiceNumbers(row.seq, date), at))
    row.invoice_started = 1
    return save(state, row, tx)
  })
}

/** `POST /__sandbox/transactions/{id}/pay` `{amount}`: the customer pays all or part. */
export function customerPays(state: SandboxState, id: string, body: string): Reply {
  return changeWithAmount(state, id, body, (row, amount) => {
    if (!voidable(row)) return invalidState(row, 'paying', 'AUTHORIZED or PARTIALLY_CAPTURED transactions')
    if (
      row.channel === 'merchant' &&
      !row.invoice_started &&
      row.product_type !== 'kravia.invoice_b2b_grouped'
    ) {
      return dinteroError(
        400,
        'NOT_CAPTURED',
        `Transaction ${id} is not captured yet: the merchant has not sent the invoice`,
      )
    }
    const rest = row.amount - row.paid
    if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 1 || amount > rest) {
      return fieldError('INVALID_REQUEST', [
        { field: 'amount', message: `must be a whole number of øre from 1 to ${rest}` },
      ])
    }
    const tx = JSON.parse(row.json) as Json
    row.paid += amount
    tx.status = row.paid === row.amount ? 'CAPTURED' : 'PARTIALLY_CAPTURED'
    ;(tx.events as Json[]).push(
      event('CAPTURE', tx.status as string, amount, new Date(state.clock()).toISOString()),
    )
    return save(state, row, tx)
  })
}
