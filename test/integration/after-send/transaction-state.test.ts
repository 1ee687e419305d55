import { describe, expect, it } from 'vitest'
import type { Transaction, TransactionEvent } from '../../../src/main/dintero/types'
import { refreshOutcome, stateFromTransaction } from '../../../src/main/after-send/transaction-state'

// Pure rules (no HTTP): how a re-read transaction moves a journal row.
const tx = (status: string, ...events: Partial<TransactionEvent>[]): Transaction => ({
  id: 'T12345678.x',
  status,
  amount: 100_00,
  events: events.map((e) => ({ event: 'AUTHORIZE', success: true, ...e })),
})

describe('transaction → journal state', () => {
  it('maps Dintero statuses', () => {
    const started = { event: 'INITIATE_CAPTURE' }
    expect(stateFromTransaction('authorized', 'kravia', tx('CAPTURED'))).toBe('paid')
    expect(stateFromTransaction('authorized', 'kravia', tx('PARTIALLY_CAPTURED'))).toBe('part_paid')
    expect(stateFromTransaction('authorized', 'kravia', tx('AUTHORIZATION_VOIDED'))).toBe('voided')
    expect(stateFromTransaction('authorized', 'kravia', tx('AUTHORIZED', {}, started))).toBe('authorized')
    expect(stateFromTransaction('awaiting_capture', 'merchant', tx('AUTHORIZED'))).toBe('awaiting_capture')
    expect(stateFromTransaction('awaiting_capture', 'merchant', tx('AUTHORIZED', {}, started))).toBe(
      'authorized',
    )
    expect(stateFromTransaction('authorized', 'kravia', tx('ON_HOLD'))).toBeNull()
  })

  it('treats a part payment with a VOID event as rest cancelled (voided)', () => {
    expect(stateFromTransaction('part_paid', 'kravia', tx('PARTIALLY_CAPTURED', { event: 'VOID' }))).toBe(
      'voided',
    )
    // A failed VOID event cancels nothing.
    expect(
      stateFromTransaction(
        'part_paid',
        'kravia',
        tx('PARTIALLY_CAPTURED', { event: 'VOID', success: false }),
      ),
    ).toBe('part_paid')
  })

  it('keeps void_pending until Dintero finishes, and goes back when its VOID failed', () => {
    expect(stateFromTransaction('void_pending', 'kravia', tx('AUTHORIZED'))).toBe('void_pending')
    expect(
      stateFromTransaction('void_pending', 'kravia', tx('AUTHORIZED', { event: 'VOID', success: false })),
    ).toBe('authorized')
    expect(stateFromTransaction('void_pending', 'kravia', tx('AUTHORIZATION_VOIDED'))).toBe('voided')
    // Paid before the void landed: the payment wins.
    expect(stateFromTransaction('void_pending', 'kravia', tx('CAPTURED'))).toBe('paid')
  })

  it('reports what the state machine cannot follow instead of forcing it', () => {
    expect(refreshOutcome('voided', 'kravia', tx('CAPTURED'))).toEqual({
      kind: 'conflict',
      from: 'voided',
      status: 'CAPTURED',
    })
    expect(refreshOutcome('authorized', 'kravia', tx('FAILED'))).toMatchObject({ kind: 'conflict' })
    expect(refreshOutcome('paid', 'kravia', tx('CAPTURED'))).toEqual({ kind: 'unchanged', state: 'paid' })
    expect(refreshOutcome('authorized', 'kravia', tx('CAPTURED'))).toEqual({
      kind: 'changed',
      from: 'authorized',
      to: 'paid',
    })
  })
})
