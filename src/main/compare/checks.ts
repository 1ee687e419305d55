import {
  type AmountChanged,
  type AmountOutlier,
  type ComparedCustomer,
  type Comparison,
  type CustomerMissing,
  type CustomerNew,
  type PossibleDuplicate,
  type PreviousBatchRef,
  percentChange,
} from '../../shared/comparison'

/** One invoice of the batch about to be sent, as the comparison needs it. */
export interface ThisInvoice {
  merchant_reference: string
  /** Source rows, one per line, in line order. */
  rows: number[]
  /** Øre. */
  amount: number
  customer: { name: string; email: string | null; organization_number?: string | null }
  lines: { description: string; amount: number }[]
}

/** One invoice of the previous run. */
export interface PreviousInvoice {
  merchant_reference: string
  amount: number
  customer: { name: string | null; email: string | null; organization_number: string | null }
}

export interface PreviousRun {
  batch: PreviousBatchRef
  invoices: PreviousInvoice[]
}

/** More than this share of the previous total (1/2), and more than this many øre: 500 kr. */
const CHANGE_MIN_ORE = 500_00
/** More than this many times the median, and at least this many øre above it: 1 000 kr. */
const OUTLIER_FACTOR = 10
const OUTLIER_MIN_ORE = 1_000_00
const OUTLIER_MIN_LINES = 3

function customerOf(c: {
  name: string | null
  email: string | null
  organization_number?: string | null
}): ComparedCustomer {
  const org = c.organization_number?.replace(/\s/g, '') || null
  const email = c.email?.trim().toLowerCase() || null
  return {
    key: org ? `org:${org}` : `email:${email ?? ''}`,
    name: c.name?.trim() || email || org || '',
    organization_number: org,
    email,
  }
}

/**
 * Descriptions compare without regard to case and spacing. A batch repeats a few descriptions on
 * thousands of lines, so each distinct text is folded once per comparison.
 */
function descriptionFolder(): (s: string) => string {
  const folded = new Map<string, string>()
  return (s) => {
    let f = folded.get(s)
    if (f === undefined) {
      f = s.trim().replace(/\s+/g, ' ').toLowerCase()
      folded.set(s, f)
    }
    return f
  }
}

interface CustomerTotal {
  customer: ComparedCustomer
  amount: number
  references: string[]
  rows: number[]
}

function byCustomer<T>(
  list: readonly T[],
  of: (
    x: T,
    i: number,
  ) => { customer: ComparedCustomer; amount: number; ref: string; rows: readonly number[] },
): Map<string, CustomerTotal> {
  const m = new Map<string, CustomerTotal>()
  for (let i = 0; i < list.length; i++) {
    const { customer, amount, ref, rows } = of(list[i], i)
    let t = m.get(customer.key)
    if (!t) {
      t = { customer, amount: 0, references: [], rows: [] }
      m.set(customer.key, t)
    }
    t.amount += amount
    t.references.push(ref)
    for (const r of rows) t.rows.push(r)
  }
  return m
}

function possibleDuplicates(
  invoices: readonly ThisInvoice[],
  customers: readonly ComparedCustomer[],
  norm: (s: string) => string,
): PossibleDuplicate[] {
  // Most keys are met once: the first index is kept as a number, a list only for a second one.
  const first = new Map<string, number>()
  const groups = new Map<string, number[]>()
  invoices.forEach((inv, i) => {
    const descriptions =
      inv.lines.length === 1
        ? norm(inv.lines[0].description)
        : inv.lines
            .map((l) => norm(l.description))
            .sort()
            .join('\u0001')
    const key = `${customers[i].key}\u0000${inv.amount}\u0000${descriptions}`
    const at = first.get(key)
    if (at === undefined) first.set(key, i)
    else {
      const g = groups.get(key)
      if (g) g.push(i)
      else groups.set(key, [at, i])
    }
  })
  const out: PossibleDuplicate[] = []
  for (const g of groups.values()) {
    const sorted = g.map((i) => invoices[i]).sort((a, b) => (a.rows[0] ?? 0) - (b.rows[0] ?? 0))
    out.push({
      customer: customers[g[0]],
      amount: sorted[0].amount,
      descriptions: sorted[0].lines.map((l) => l.description),
      invoices: sorted.map((x) => ({ merchant_reference: x.merchant_reference, rows: x.rows })),
    })
  }
  return out.sort((a, b) => (a.invoices[0].rows[0] ?? 0) - (b.invoices[0].rows[0] ?? 0))
}

function amountOutliers(invoices: readonly ThisInvoice[], norm: (s: string) => string): AmountOutlier[] {
  const byDescription = new Map<string, { inv: ThisInvoice; i: number }[]>()
  for (const inv of invoices) {
    inv.lines.forEach((l, i) => {
      const k = norm(l.description)
      const list = byDescription.get(k)
      if (list) list.push({ inv, i })
      else byDescription.set(k, [{ inv, i }])
    })
  }
  const out: AmountOutlier[] = []
  for (const list of byDescription.values()) {
    if (list.length < OUTLIER_MIN_LINES) continue
    const amounts = list.map((x) => x.inv.lines[x.i].amount).sort((a, b) => a - b)
    const mid = amounts.length >> 1
    // Twice the median, so an even count's median (half-way between two amounts) stays whole.
    const twoMedian = amounts.length % 2 === 1 ? 2 * amounts[mid] : amounts[mid - 1] + amounts[mid]
    for (const { inv, i } of list) {
      const amount = inv.lines[i].amount
      if (2 * amount <= OUTLIER_FACTOR * twoMedian) continue
      if (2 * amount - twoMedian < 2 * OUTLIER_MIN_ORE) continue
      out.push({
        merchant_reference: inv.merchant_reference,
        rows: inv.rows[i] === undefined ? [] : [inv.rows[i]],
        description: inv.lines[i].description,
        amount,
        median: Math.floor((twoMedian + 1) / 2),
        lines: list.length,
      })
    }
  }
  return out.sort((a, b) => (a.rows[0] ?? 0) - (b.rows[0] ?? 0))
}

/**
 * Compares a batch with itself (possible duplicates, outlier lines) and with the previous run
 * (customers missing and new, totals that moved, the batch totals). Pure: the caller reads the
 * previous run from the journal.
 */
export function compareBatch(invoices: readonly ThisInvoice[], previous: PreviousRun | null): Comparison {
  const thisTotals = { invoices: invoices.length, amount: invoices.reduce((s, i) => s + i.amount, 0) }
  const customers = invoices.map((i) => customerOf(i.customer))
  const norm = descriptionFolder()
  const comparison: Comparison = {
    previous_batch: previous?.batch ?? null,
    totals: { this: thisTotals, previous: null, change_percent: { invoices: null, amount: null } },
    possible_duplicates: possibleDuplicates(invoices, customers, norm),
    customers_missing: [],
    customers_new: [],
    amounts_changed: [],
    amount_outliers: amountOutliers(invoices, norm),
  }
  if (!previous) return comparison

  const prevTotals = {
    invoices: previous.invoices.length,
    amount: previous.invoices.reduce((s, i) => s + i.amount, 0),
  }
  comparison.totals.previous = prevTotals
  comparison.totals.change_percent = {
    invoices: percentChange(prevTotals.invoices, thisTotals.invoices),
    amount: percentChange(prevTotals.amount, thisTotals.amount),
  }

  const now = byCustomer(invoices, (i, k) => ({
    customer: customers[k],
    amount: i.amount,
    ref: i.merchant_reference,
    rows: i.rows,
  }))
  const before = byCustomer(previous.invoices, (i) => ({
    customer: customerOf(i.customer),
    amount: i.amount,
    ref: i.merchant_reference,
    rows: [],
  }))
  const missing: CustomerMissing[] = []
  for (const [key, p] of before) {
    if (now.has(key)) continue
    missing.push({ customer: p.customer, previous_amount: p.amount, previous_references: p.references })
  }
  const added: CustomerNew[] = []
  const changed: AmountChanged[] = []
  for (const [key, c] of now) {
    const p = before.get(key)
    if (!p) {
      added.push({ customer: c.customer, amount: c.amount, references: c.references, rows: c.rows })
      continue
    }
    const change = c.amount - p.amount
    const abs = Math.abs(change)
    if (abs * 2 <= p.amount || abs <= CHANGE_MIN_ORE) continue
    changed.push({
      customer: c.customer,
      amount: c.amount,
      previous_amount: p.amount,
      change,
      change_percent: percentChange(p.amount, c.amount) ?? 0,
      references: c.references,
      rows: c.rows,
      previous_references: p.references,
    })
  }
  const byName = (a: { customer: ComparedCustomer }, b: { customer: ComparedCustomer }) =>
    a.customer.name.localeCompare(b.customer.name, 'nb')
  const byRow = (a: { rows: number[] }, b: { rows: number[] }) => (a.rows[0] ?? 0) - (b.rows[0] ?? 0)
  comparison.customers_missing = missing.sort(byName)
  comparison.customers_new = added.sort(byRow)
  comparison.amounts_changed = changed.sort(byRow)
  return comparison
}
