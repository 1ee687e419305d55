import type { Db } from '../db/open'

export interface PaymentBucket {
  count: number
  /** Invoice amounts in øre (the invoice total, also for part-paid ones). */
  amount: number
}

/** A batch's invoices by payment outcome, for the History chart and `refresh` output. */
export interface PaymentSummary {
  paid: PaymentBucket
  part_paid: PaymentBucket
  /** Part-paid, then the unpaid rest cancelled by a void. */
  rest_cancelled: PaymentBucket
  /** Authorized, awaiting capture, or a void not confirmed yet. */
  unpaid: PaymentBucket
  voided: PaymentBucket
  /** Failed, or outcome unknown. */
  failed: PaymentBucket
  /** Pending, sending or cancelled: never became an invoice (yet). */
  not_sent: PaymentBucket
  total: PaymentBucket
}

const BUCKET_OF: Record<string, keyof PaymentSummary> = {
  paid: 'paid',
  part_paid: 'part_paid',
  authorized: 'unpaid',
  awaiting_capture: 'unpaid',
  void_pending: 'unpaid',
  voided: 'voided',
  failed: 'failed',
  unknown: 'failed',
  pending: 'not_sent',
  sending: 'not_sent',
  cancelled: 'not_sent',
}

export function paymentSummary(db: Db, batchId: string): PaymentSummary {
  const rows = db
    .prepare(
      `SELECT state, (state = 'voided' AND transaction_status LIKE 'PARTIALLY_CAPTURED%') AS rest,
         COUNT(*) AS n, COALESCE(SUM(amount), 0) AS amount
       FROM invoices WHERE batch_id = ? GROUP BY state, rest`,
    )
    .all(batchId) as { state: string; rest: number; n: number; amount: number }[]
  const empty = (): PaymentBucket => ({ count: 0, amount: 0 })
  const out: PaymentSummary = {
    paid: empty(),
    part_paid: empty(),
    rest_cancelled: empty(),
    unpaid: empty(),
    voided: empty(),
    failed: empty(),
    not_sent: empty(),
    total: empty(),
  }
  for (const r of rows) {
    const key = r.rest ? 'rest_cancelled' : (BUCKET_OF[r.state] ?? 'not_sent')
    out[key].count += r.n
    out[key].amount += r.amount
    out.total.count += r.n
    out.total.amount += r.amount
  }
  return out
}

/** The contract's `BatchSummary.amounts` (øre per chart bucket); rest-cancelled counts as part-paid. */
export function chartAmounts(s: PaymentSummary): {
  paid: number
  partPaid: number
  unpaid: number
  voided: number
  failed: number
} {
  return {
    paid: s.paid.amount,
    partPaid: s.part_paid.amount + s.rest_cancelled.amount,
    unpaid: s.unpaid.amount,
    voided: s.voided.amount,
    failed: s.failed.amount,
  }
}
