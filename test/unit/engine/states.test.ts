import { describe, expect, it } from 'vitest'
import { backoffDelay } from '../../../src/main/engine/backoff'
import { type Work, WorkQueue } from '../../../src/main/engine/queue'
import {
  allowedTransitions,
  canTransition,
  INVOICE_STATES,
  isInvoiced,
  stateForTransactionStatus,
} from '../../../src/shared/states'

describe('invoice state machine', () => {
  it('only lets a request leave from pending, and only a lookup settle unknown', () => {
    const intoSending = INVOICE_STATES.filter((s) => s !== 'sending' && canTransition(s, 'sending'))
    expect(intoSending).toEqual(['pending'])
    // unknown never goes straight back to sending: it must be looked up first.
    expect(canTransition('unknown', 'sending')).toBe(false)
    expect(allowedTransitions('unknown')).toContain('pending')
  })

  it('keeps invoiced states invoiced (no way back to pending or sending)', () => {
    for (const s of INVOICE_STATES.filter(isInvoiced)) {
      for (const to of ['pending', 'sending', 'unknown', 'failed', 'cancelled'] as const)
        expect(canTransition(s, to)).toBe(false)
    }
    expect(allowedTransitions('voided')).toEqual([])
    expect(allowedTransitions('paid')).toEqual([])
  })

  it('maps Dintero statuses to states', () => {
    expect(stateForTransactionStatus('AUTHORIZED', 'merchant', false)).toBe('awaiting_capture')
    expect(stateForTransactionStatus('AUTHORIZED', 'merchant', true)).toBe('authorized')
    expect(stateForTransactionStatus('PARTIALLY_CAPTURED')).toBe('part_paid')
    expect(stateForTransactionStatus('FAILED')).toBeNull()
  })
})

describe('backoff and queue', () => {
  it('backs off exponentially with jitter, capped', () => {
    expect(backoffDelay(1, 500, 30_000, () => 0.999)).toBeLessThanOrEqual(500)
    expect(backoffDelay(4, 500, 30_000, () => 0.999)).toBeGreaterThan(3900)
    expect(backoffDelay(40, 500, 30_000, () => 0.999)).toBeLessThanOrEqual(30_000)
    expect(backoffDelay(3, 500, 30_000, () => 0)).toBeGreaterThan(0)
  })

  it('serves ready work in order and delayed work when due', () => {
    const q = new WorkQueue()
    const w = (id: number, readyAt: number): Work => ({
      id,
      seq: id,
      ref: `R${id}`,
      state: 'pending',
      sentBefore: false,
      cause: null,
      tries: 0,
      faults: 0,
      emptyLookups: 0,
      firstEmptyAt: null,
      waits: 0,
      readyAt,
    })
    q.push(w(1, 0), 0)
    q.push(w(2, 500), 0)
    q.push(w(3, 100), 0)
    q.push(w(4, 0), 0)
    expect(q.take()?.id).toBe(1)
    expect(q.take((x) => x.id !== 4)).toBeUndefined()
    expect(q.nextDelay(0)).toBe(100)
    q.promote(200)
    expect([q.take()?.id, q.take()?.id]).toEqual([4, 3])
    q.promote(1000)
    expect(q.take()?.id).toBe(2)
    expect(q.size).toBe(0)
  })
})
