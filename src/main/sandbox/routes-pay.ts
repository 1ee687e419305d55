import { BASE_MARK, newTransaction } from './build'
import {
  chance,
  dinteroError,
  fieldError,
  parseJsonBody,
  type Reply,
  type Req,
  type SandboxState,
} from './http-util'
import { hideFromLists, holdRow, scheduleRelease } from './hold'
import type { TxRow } from './store'
import { parseToggles, validatePay } from './validate'

/** Rewrites the stored base marker to the address this sandbox is listening on now. */
export function publish(state: SandboxState, stored: string): string {
  return stored.includes(BASE_MARK) ? stored.replaceAll(BASE_MARK, state.baseUrl) : stored
}

/**
 * `POST /v1/sessions/pay`: validate, apply the feature toggles, create the transaction, all in
 * one SQLite transaction. A refused request (400) creates nothing, so it never counts for
 * `strict-merchant-reference`.
 */
export function pay(state: SandboxState, req: Req): Reply {
  const toggles = parseToggles(headerValue(req.headers['dintero-feature-toggles']))
  if ('problem' in toggles) return fieldError('INVALID_FEATURE_TOGGLE', [toggles.problem])
  const parsed = parseJsonBody(req.body)
  if ('error' in parsed) return parsed.error
  const checked = validatePay(parsed.value, state.lenient)
  if ('problems' in checked) return fieldError('INVALID_REQUEST', checked.problems)
  const valid = checked.ok
  const reference = valid.order.merchant_reference as string

  return state.store.atomic(() => {
    const strictAny = toggles.toggles.has('strict-merchant-reference')
    const strictSuccess = toggles.toggles.has('strict-success-merchant-reference')
    if (strictAny || strictSuccess) {
      if (state.store.referenceUsed(reference, !strictAny)) {
        const which = strictAny ? 'strict-merchant-reference' : 'strict-success-merchant-reference'
        const what = strictAny ? 'an earlier transaction' : 'an earlier successfully authorized transaction'
        return dinteroError(
          400,
          'DUPLICATE_MERCHANT_REFERENCE',
          `session.order.merchant_reference: "${reference}" is already used by ${what} (${which})`,
          [{ field: 'session.order.merchant_reference', message: `already used by ${what}` }],
        )
      }
    }
    const failed = chance(state, state.faults.failedStatusRate)
    const seq = state.store.nextSeq()
    const { tx } = newTransaction(valid, state.accountId, seq, state.clock(), failed)
    const row: TxRow = {
      seq,
      id: tx.id as string,
      merchant_reference: reference,
      authorized: failed ? 0 : 1,
      status: tx.status as string,
      channel: valid.channel,
      product_type: valid.productType,
      amount: tx.amount as number,
      paid: 0,
      rest_voided: 0,
      invoice_started:
        !failed && valid.channel === 'kravia' && valid.productType !== 'kravia.invoice_b2b_grouped' ? 1 : 0,
      json: JSON.stringify(tx),
    }
    // Fault: Dintero holds the payment (ON_HOLD) and decides a moment later.
    const hold = !failed && chance(state, state.faults.pendingStatusRate)
    const stored = hold ? holdRow(row, new Date(state.clock()).toISOString()) : null
    state.store.insert(stored ? stored.held : row)
    if (stored) scheduleRelease(state, stored.final)
    hideFromLists(state, seq)
    const text = stored ? stored.held.json : row.json
    // Dintero answers pay with the transaction merged with SessionPayResult ({success, …}).
    return { status: 200, body: `${publish(state, text).slice(0, -1)},"success":${!failed}}` }
  })
}

function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v.join(',') : v
}

export function notFound(id: string): Reply {
  return dinteroError(404, 'NOT_FOUND', `Transaction ${id} not found`)
}

export function getTransaction(state: SandboxState, id: string): Reply {
  const row = state.store.get(id)
  return row ? { status: 200, body: publish(state, row.json) } : notFound(id)
}
