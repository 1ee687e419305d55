import { extractKraviaDetails } from '../dintero/details'
import { DinteroError, type Transaction } from '../dintero/types'
import { decideLookup, isDuplicateRefusal } from './outcome'
import type { LookupCause, Work } from './queue'
import {
  backoff,
  countFault,
  errorFacts,
  type Release,
  requeueOrGiveUp,
  type StepContext,
} from './step-context'

/**
 * An empty list is not proof when the invoice may exist unseen (Dintero's lists can lag behind a
 * transaction created a moment ago): after an answer lost in transit, a process killed while a
 * request was out, or a duplicate-toggle 400, "nothing" must be seen this many times over this
 * span before it is believed.
 */
export const CONFIRM_LOOKUPS = 3
export const CONFIRM_SPAN_MS = 10_000
/**
 * A transaction Dintero holds in an in-between state is checked again after 1 s, 2 s, 4 s … (at
 * most 30 s apart), this many times — about two minutes — before the run leaves it for a later
 * resume or refresh.
 */
export const IN_BETWEEN_CHECKS = 8

export function inBetweenDelay(waits: number, random: () => number): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.max(0, Math.min(waits - 1, 15)))
  return Math.round(base * (0.9 + 0.2 * random()))
}

const MAY_EXIST_UNSEEN: readonly LookupCause[] = ['lost', 'interrupted', 'rejected_toggle', 'in_between']

/** Looks an `unknown` invoice up (by its held transaction's id, or by reference) and settles it. */
export async function lookupStep(ctx: StepContext, w: Work): Promise<Release> {
  const { ledger, clock, tracker } = ctx
  const row = ledger.sendRow(w.id)
  if (!row) return 'none'
  const t0 = clock.now()
  const byId = w.transactionId
  let txs: Transaction[]
  try {
    txs = byId ? [await ctx.client.getTransaction(byId)] : await ctx.client.listByMerchantReference(w.ref)
  } catch (e) {
    ctx.heard(e)
    return lookupFailed(ctx, w, e, t0)
  }
  ctx.heard()
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
  const stayUnknown = async (
    outcome: string,
    message: string,
    patch: { held?: null | { id: string; status: string } } = {},
  ) => {
    await ctx.commit(() =>
      ledger.lookup(
        w.id,
        record(outcome, message, patch.held?.id),
        {
          to: 'unknown',
          patch: { lookup_reason: w.cause, error_code: null, error_message: message, ...patch },
        },
        t1,
      ),
    )
    tracker.move(w.id, 'unknown', 'unknown')
  }
  const d = decideLookup(
    txs,
    {
      reference: w.ref,
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
    await stayUnknown('conflict', d.message)
    ctx.unresolved(w.id)
    return 'accepted'
  }
  if (d.kind === 'in_between') {
    // It may still become the invoice: never sent again while it exists; checked again by id.
    w.cause = 'in_between'
    w.transactionId = d.transaction.id
    w.waits++
    await stayUnknown('in_between', d.message, {
      held: { id: d.transaction.id, status: d.transaction.status },
    })
    if (w.waits >= IN_BETWEEN_CHECKS) ctx.unresolved(w.id)
    else {
      w.readyAt = t1 + inBetweenDelay(w.waits, ctx.random)
      ctx.queue.push(w, t1)
    }
    return 'accepted'
  }
  if (byId) {
    // The held transaction ended without an invoice (FAILED): forget it, and look the reference
    // up before sending again, in case an earlier attempt left another one.
    w.transactionId = undefined
    w.readyAt = t1
    await stayUnknown('none', d.message, { held: null })
    ctx.queue.push(w, t1)
    return 'accepted'
  }
  // A duplicate refusal explained by another row's invoice (an earlier batch) needs no waiting.
  const duplicate = w.cause === 'rejected_toggle' && isDuplicateRefusal(w.rejection) && !d.elsewhere
  const unseen =
    w.cause !== null && MAY_EXIST_UNSEEN.includes(w.cause) && (w.cause !== 'rejected_toggle' || duplicate)
  if (unseen) {
    w.emptyLookups++
    w.firstEmptyAt ??= t1
    const since = t1 - w.firstEmptyAt
    if (w.emptyLookups < CONFIRM_LOOKUPS || since < ctx.confirmSpanMs) {
      await stayUnknown('none', d.message)
      const step = ctx.confirmSpanMs / (CONFIRM_LOOKUPS - 1)
      w.readyAt = Math.max(t1 + 1, w.firstEmptyAt + step * Math.min(w.emptyLookups, CONFIRM_LOOKUPS - 1))
      ctx.queue.push(w, t1)
      return 'accepted'
    }
  }
  if (w.cause === 'rejected_toggle') {
    const r = w.rejection
    if (duplicate) {
      // Refused as a duplicate, yet nothing is listed: only a person can tell which is true.
      await stayUnknown(
        'none',
        `Dintero refused reference ${w.ref} as a duplicate but lists no invoice for it; check the reference in the Dintero backoffice before resuming.`,
      )
      ctx.unresolved(w.id)
      return 'accepted'
    }
    // The 400 was not the toggle refusing a duplicate: it is Dintero's verdict on the invoice.
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
  // Nothing exists: safe to send again (the toggle would refuse a duplicate anyway). The backoff
  // came before this lookup, so it goes at once.
  await ctx.commit(() => ledger.lookup(w.id, record('none', d.message), { to: 'pending', patch: {} }, t1))
  tracker.move(w.id, 'unknown', 'pending')
  w.state = 'pending'
  w.cause = null
  w.emptyLookups = 0
  w.firstEmptyAt = null
  w.readyAt = t1
  await requeueOrGiveUp(ctx, w, d.message)
  return 'accepted'
}

async function lookupFailed(ctx: StepContext, w: Work, e: unknown, t0: number): Promise<Release> {
  const { ledger, clock, tracker } = ctx
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
  if (e instanceof DinteroError && e.info.rateSignal) {
    const wait = e.info.retryAfterMs ?? 1000
    ctx.scheduler.throttle(wait)
    w.readyAt = t1 + wait
    ctx.queue.push(w, t1)
    return 'throttled'
  }
  if (f.kind === 'auth') {
    // 401 after signing in again, or 403: these credentials cannot read transactions; stop.
    ctx.queue.push(w, t1)
    ctx.requestStop('auth')
    return 'none'
  }
  if (w.transactionId && f.status === 404) {
    // Dintero does not know the held transaction (any more): look the reference up instead.
    w.transactionId = undefined
    w.readyAt = t1
    ctx.queue.push(w, t1)
    return 'accepted'
  }
  countFault(ctx, w)
  w.readyAt = t1 + backoff(ctx, w.faults)
  await requeueOrGiveUp(ctx, w, message)
  return 'error'
}
