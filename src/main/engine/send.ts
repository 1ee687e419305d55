import type { PayRequest } from '../../shared/kravia'
import type { InvoiceState } from '../../shared/states'
import { extractKraviaDetails } from '../dintero/details'
import type { Transaction } from '../dintero/types'
import { dueOnSend } from '../invoice/due'
import { osloToday } from '../values/oslo-date'
import type { SendRow } from '../journal/send-writes'
import { inBetweenDelay } from './lookup'
import { decidePay } from './outcome'
import type { Work } from './queue'
import { backoff, countFault, type Release, requeueOrGiveUp, type StepContext } from './step-context'

/**
 * days_until_due counts from the day the invoice is sent (Europe/Oslo): a due date from the file is
 * counted again, and a business-day batch moves a weekend or holiday due date to the next business
 * day. Changes `request` in place and returns it as JSON for the journal when that changed it (null
 * when the frozen request goes as it is). The frozen request keeps the days the user gave.
 */
function dueOnTheDay(row: SendRow, request: PayRequest, businessDay: boolean, now: number): string | null {
  const given = request.payment.days_until_due
  const d = dueOnSend({ days: given, dueDate: row.due_date }, osloToday(new Date(now)), businessDay)
  if (d.days === given) return null
  request.payment.days_until_due = d.days
  return JSON.stringify(request)
}

/** Sends one pending invoice: journal `sending` first, then the request, then its outcome. */
export async function sendStep(ctx: StepContext, w: Work): Promise<Release> {
  const { ledger, clock, tracker } = ctx
  const row = ledger.sendRow(w.id)
  if (!row) return 'none'
  const request = JSON.parse(row.request_json) as PayRequest
  const sent = dueOnTheDay(row, request, ctx.settings.businessDayDue === true, clock.now())
  const claim = await ctx.commit(() => ledger.claim(w.id, w.ref, clock.now(), sent))
  if (!claim.ok) {
    if (claim.why === 'lease_lost') ctx.requestStop('lease_lost')
    else if (claim.why === 'blocked') {
      await ctx.commit(() =>
        ledger.move(
          w.id,
          'pending',
          'pending',
          {
            error_message: `Not sent: reference ${w.ref} may already have been sent by another batch whose outcome is still unknown.`,
          },
          clock.now(),
        ),
      )
      tracker.move(w.id, 'pending', 'pending')
      ctx.unresolved(w.id)
    }
    return 'none'
  }
  tracker.move(w.id, 'pending', 'sending')
  const t0 = clock.now()
  let result: { transaction: Transaction } | { error: unknown }
  try {
    result = { transaction: await ctx.client.pay(request, { toggle: ctx.toggle }) }
  } catch (error) {
    result = { error }
  }
  const t1 = clock.now()
  const durationMs = t1 - t0
  ctx.heard('error' in result ? result.error : undefined)
  const d = decidePay(result, row.invoice_channel)
  const attempt = (
    outcome: string,
    f: { status?: number; code?: string; message?: string },
    errorKind?: string,
  ) => ({
    durationMs,
    httpStatus: f.status,
    errorKind,
    code: f.code,
    message: f.message,
    outcome,
  })
  const moveTo = (to: InvoiceState) => tracker.move(w.id, 'sending', to)
  switch (d.kind) {
    case 'adopt':
      await ctx.commit(() =>
        ledger.finishPayAdopt(
          w.id,
          claim.attemptId,
          durationMs,
          d.state,
          d.transaction,
          extractKraviaDetails(d.transaction),
          t1,
        ),
      )
      moveTo(d.state)
      return 'accepted'
    case 'failed':
      await ctx.commit(() =>
        ledger.finishPay(
          w.id,
          claim.attemptId,
          { ...attempt('failed', d, 'rejected'), transactionId: d.transactionId },
          'failed',
          { fail_reason: 'rejected', error_code: d.code, error_message: d.message },
          t1,
        ),
      )
      moveTo('failed')
      return 'accepted'
    case 'lookup': {
      const held =
        d.cause === 'in_between' && d.transactionId
          ? { id: d.transactionId, status: d.transactionStatus ?? 'UNKNOWN' }
          : undefined
      await ctx.commit(() =>
        ledger.finishPay(
          w.id,
          claim.attemptId,
          { ...attempt('unknown', d, d.cause), transactionId: d.transactionId },
          'unknown',
          {
            lookup_reason: d.cause,
            error_code: d.code,
            error_message: d.message,
            held,
          },
          t1,
        ),
      )
      moveTo('unknown')
      w.state = 'unknown'
      w.cause = d.cause
      w.emptyLookups = 0
      w.firstEmptyAt = null
      if (d.cause === 'rejected_toggle') {
        w.rejection = { status: d.status, code: d.code, message: d.message }
        w.readyAt = t1
      } else if (d.cause === 'in_between') {
        // Dintero is deciding; look again shortly (by id: a list may not show it yet).
        w.transactionId = d.transactionId
        w.readyAt = t1 + inBetweenDelay(1, ctx.random)
      } else {
        // A fault of this invoice: it backs off (with jitter) before it is looked up.
        countFault(ctx, w)
        w.readyAt = t1 + (d.throttle ? (d.retryAfterMs ?? 1000) : backoff(ctx, w.faults))
      }
      // Only a rate signal slows everyone down; any other fault is this invoice's own.
      if (d.throttle) ctx.scheduler.throttle(d.retryAfterMs)
      ctx.queue.push(w, t1)
      if (d.throttle) return 'throttled'
      return d.cause === 'rejected_toggle' || d.cause === 'in_between' ? 'accepted' : 'error'
    }
    case 'retry':
      await ctx.commit(() =>
        ledger.finishPay(
          w.id,
          claim.attemptId,
          attempt(d.cause, d, d.cause),
          'pending',
          {
            error_message: d.cause === 'rate_limited' ? null : d.message,
          },
          t1,
        ),
      )
      moveTo('pending')
      if (d.cause === 'rate_limited') {
        // Not a failure: wait as told, and slow everyone down.
        ctx.scheduler.throttle(d.retryAfterMs)
        w.readyAt = t1 + (d.retryAfterMs ?? 1000)
        ctx.queue.push(w, t1)
        return 'throttled'
      }
      countFault(ctx, w)
      w.readyAt = t1 + backoff(ctx, w.faults)
      await requeueOrGiveUp(ctx, w, d.message)
      return 'error'
    case 'stop_auth':
      await ctx.commit(() =>
        ledger.finishPay(
          w.id,
          claim.attemptId,
          attempt('auth', d, 'auth'),
          'pending',
          {
            error_code: d.code,
            error_message: d.message,
          },
          t1,
        ),
      )
      moveTo('pending')
      ctx.queue.push(w, t1)
      ctx.requestStop('auth')
      return 'none'
  }
}
