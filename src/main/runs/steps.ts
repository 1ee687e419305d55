import type { FeatureToggle, PayRequest } from '../../shared/kravia'
import type { InvoiceState } from '../../shared/states'
import { extractKraviaDetails } from '../dintero/details'
import { type DinteroApi, DinteroError, type Transaction } from '../dintero/types'
import { daysUntilDue } from '../invoice/values'
import type { Logger } from '../log'
import { backoffDelay } from './backoff'
import type { Clock } from './clock'
import type { Ledger } from './ledger'
import { decideLookup, decidePay } from './outcome'
import type { ProgressTracker } from './progress'
import type { Work, WorkQueue } from './queue'
import type { Scheduler } from './scheduler'
import type { BatchSettings } from './types'

export type StopMode = 'pause' | 'signal' | 'cancel' | 'auth' | 'lease_lost' | 'error'
/** How a request ended for the scheduler's books. */
export type Release = 'accepted' | 'throttled' | 'none'

/** What a step needs from the running engine. */
export interface StepContext {
  client: DinteroApi
  clock: Clock
  log: Logger
  random: () => number
  ledger: Ledger
  /** Runs a journal write in the next group commit; resolves once it is durable. */
  commit: <T>(write: () => T) => Promise<T>
  scheduler: Scheduler
  tracker: ProgressTracker
  queue: WorkQueue
  settings: BatchSettings
  toggle: FeatureToggle | null
  stopMode(): StopMode | null
  requestStop(mode: StopMode): void
  /** A row this run cannot settle (left unknown, or blocked by another batch's unresolved row). */
  unresolved(id: number): void
}

function clampDays(n: number): number {
  // A due date that passed while the batch waited is sent as "due now" rather than refused.
  return Math.min(365, Math.max(0, n))
}

function errorFacts(e: unknown): { status?: number; code?: string; message: string; kind?: string } {
  if (e instanceof DinteroError)
    return { status: e.info.status, code: e.info.code, message: e.info.message, kind: e.kind }
  return { message: e instanceof Error ? e.message : String(e), kind: 'internal' }
}

/** Requeues a row after a transient failure, or gives up once its time budget is spent. */
async function requeueOrGiveUp(ctx: StepContext, w: Work, message: string): Promise<void> {
  const now = ctx.clock.now()
  const spent = w.transientSince !== null && now - w.transientSince > ctx.settings.transientBudgetMs
  if (spent || ctx.stopMode() === 'cancel') {
    if (w.state === 'pending' && ctx.stopMode() !== 'cancel') {
      // The last lookup (or a refusal before sending) proved nothing exists: safe to call it failed.
      await ctx.commit(() =>
        ctx.ledger.move(w.id, 'pending', 'failed', { fail_reason: 'transient', error_message: message }, now),
      )
      ctx.tracker.move(w.id, 'pending', 'failed')
    } else if (w.state === 'unknown') {
      ctx.unresolved(w.id)
    }
    return
  }
  ctx.queue.push(w, now)
}

function backoff(ctx: StepContext, tries: number): number {
  return backoffDelay(tries, ctx.settings.backoffBaseMs, ctx.settings.backoffMaxMs, ctx.random)
}

/** Sends one pending invoice: journal `sending` first, then the request, then its outcome. */
export async function sendStep(ctx: StepContext, w: Work): Promise<Release> {
  const { ledger, clock, tracker } = ctx
  const row = ledger.sendRow(w.id)
  if (!row) return 'none'
  const request = JSON.parse(row.request_json) as PayRequest
  if (row.due_date)
    request.payment.days_until_due = clampDays(daysUntilDue(row.due_date, new Date(clock.now())))
  const claim = await ctx.commit(() => ledger.claim(w.id, w.ref, clock.now()))
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
      await ctx.commit(() =>
        ledger.finishPay(
          w.id,
          claim.attemptId,
          attempt('unknown', d, d.cause),
          'unknown',
          {
            lookup_reason: d.cause,
            error_code: d.code,
            error_message: d.message,
          },
          t1,
        ),
      )
      moveTo('unknown')
      w.state = 'unknown'
      w.cause = d.cause
      if (d.cause === 'rejected_toggle') {
        w.rejection = { status: d.status, code: d.code, message: d.message }
        w.readyAt = t1
      } else {
        w.tries++
        w.transientSince ??= t1
        w.readyAt = t1 + backoff(ctx, w.tries)
      }
      if (d.throttle) ctx.scheduler.throttle(0)
      await requeueOrGiveUp(ctx, w, d.message)
      return d.throttle ? 'throttled' : 'accepted'
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
      w.tries++
      w.transientSince ??= t1
      w.readyAt = t1 + backoff(ctx, w.tries)
      await requeueOrGiveUp(ctx, w, d.message)
      return 'none'
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

/** Looks an `unknown` invoice up by reference and settles it by the lookup rules. */
export async function lookupStep(ctx: StepContext, w: Work): Promise<Release> {
  const { ledger, clock, tracker } = ctx
  const row = ledger.sendRow(w.id)
  if (!row) return 'none'
  const t0 = clock.now()
  let txs: Transaction[]
  try {
    txs = await ctx.client.listByMerchantReference(w.ref)
  } catch (e) {
    const t1 = clock.now()
    const f = errorFacts(e)
    const message = `Could not confirm whether invoice ${w.ref} was created: ${f.message}`
    await ctx.commit(() =>
      ledger.lookup(
        w.id,
        {
          kind: 'lookup',
          startedAt: t0,
          durationMs: t1 - t0,
          httpStatus: f.status,
          errorKind: f.kind,
          code: f.code,
          message: f.message,
          outcome: 'error',
        },
        { to: 'unknown', patch: { lookup_reason: w.cause, error_code: f.code, error_message: message } },
        t1,
      ),
    )
    tracker.move(w.id, 'unknown', 'unknown')
    if (f.status === 429) {
      const wait = (e instanceof DinteroError ? e.info.retryAfterMs : undefined) ?? 1000
      ctx.scheduler.throttle(wait)
      w.readyAt = t1 + wait
      ctx.queue.push(w, t1)
      return 'throttled'
    }
    if (f.status === 401 && f.kind === 'auth') {
      ctx.queue.push(w, t1)
      ctx.requestStop('auth')
      return 'none'
    }
    if (f.status === 503) ctx.scheduler.throttle(0)
    w.tries++
    w.transientSince ??= t1
    w.readyAt = t1 + backoff(ctx, w.tries)
    await requeueOrGiveUp(ctx, w, message)
    return f.status === 503 ? 'throttled' : 'accepted'
  }
  const t1 = clock.now()
  const record = (outcome: string, message?: string, transactionId?: string) => ({
    kind: 'lookup' as const,
    startedAt: t0,
    durationMs: t1 - t0,
    httpStatus: 200,
    message,
    transactionId,
    outcome,
  })
  const d = decideLookup(
    txs,
    {
      amount: row.amount,
      channel: row.invoice_channel,
      customer: { organization_number: row.customer_org, email: row.customer_email },
    },
    ledger.ownedElsewhere(w.id, w.ref),
  )
  if (d.kind === 'adopt') {
    await ctx.commit(() =>
      ledger.lookup(
        w.id,
        record('adopted', undefined, d.transaction.id),
        {
          adopt: d.transaction,
          to: d.state,
          details: extractKraviaDetails(d.transaction),
        },
        t1,
      ),
    )
    tracker.move(w.id, 'unknown', d.state)
    return 'accepted'
  }
  if (d.kind === 'conflict') {
    await ctx.commit(() =>
      ledger.lookup(
        w.id,
        record('conflict', d.message),
        {
          to: 'unknown',
          patch: { lookup_reason: w.cause, error_message: d.message },
        },
        t1,
      ),
    )
    tracker.move(w.id, 'unknown', 'unknown')
    ctx.unresolved(w.id)
    return 'accepted'
  }
  if (w.cause === 'rejected_toggle') {
    // The 400 was not the toggle refusing a duplicate: it is Dintero's verdict on the invoice.
    const r = w.rejection
    await ctx.commit(() =>
      ledger.lookup(
        w.id,
        record('none', d.message),
        {
          to: 'failed',
          patch: { fail_reason: 'rejected', error_code: r?.code, error_message: r?.message ?? d.message },
        },
        t1,
      ),
    )
    tracker.move(w.id, 'unknown', 'failed')
    return 'accepted'
  }
  // Nothing exists: safe to send again (the toggle would refuse a duplicate anyway).
  await ctx.commit(() => ledger.lookup(w.id, record('none', d.message), { to: 'pending', patch: {} }, t1))
  tracker.move(w.id, 'unknown', 'pending')
  w.state = 'pending'
  w.cause = null
  w.readyAt = w.tries > 0 ? t1 + backoff(ctx, w.tries) : t1
  await requeueOrGiveUp(ctx, w, d.message)
  return 'accepted'
}
