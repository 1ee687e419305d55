import { extractKraviaDetails } from '../dintero/details'
import { DinteroError, type Transaction } from '../dintero/types'
import { decideLookup } from './outcome'
import type { Work } from './queue'
import { backoff, errorFacts, type Release, requeueOrGiveUp, type StepContext } from './step-context'

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
    w.tries++
    w.transientSince ??= t1
    w.readyAt = t1 + backoff(ctx, w.tries)
    await requeueOrGiveUp(ctx, w, message)
    return 'error'
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
