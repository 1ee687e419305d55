/**
 * What the plan finds when it compares a batch with itself and with the previous run (the last
 * finished batch of the same environment and account). Everything here is a warning: the user
 * decides. Amounts are integer øre; percentages have one decimal, computed from whole numbers.
 * `validate --json`, `submit --json` and the Plan screen carry this object as it is.
 */

/** A customer as the comparison knows them: by organisation number, else by e-mail. */
export interface ComparedCustomer {
  /** `org:923609016` or `email:kari@example.no` (lower case). */
  key: string
  name: string
  organization_number: string | null
  email: string | null
}

export interface ComparisonTotals {
  invoices: number
  /** Øre. */
  amount: number
}

export interface PreviousBatchRef {
  id: string
  source_name: string
  created_at: string
  finished_at: string | null
}

/** Two or more invoices to one customer with the same total and the same line descriptions. */
export interface PossibleDuplicate {
  customer: ComparedCustomer
  amount: number
  descriptions: string[]
  /** In sheet order; the later ones are the likely copies. */
  invoices: { merchant_reference: string; rows: number[] }[]
}

/** Invoiced in the previous run, absent from this one. */
export interface CustomerMissing {
  customer: ComparedCustomer
  previous_amount: number
  previous_references: string[]
}

/** In this run, not in the previous one. */
export interface CustomerNew {
  customer: ComparedCustomer
  amount: number
  references: string[]
  rows: number[]
}

/** A customer's total moved by more than 50 % and more than 500 kr since the previous run. */
export interface AmountChanged {
  customer: ComparedCustomer
  amount: number
  previous_amount: number
  /** amount − previous_amount, øre. */
  change: number
  /** One decimal, e.g. 900 or -62.5. */
  change_percent: number
  references: string[]
  rows: number[]
  previous_references: string[]
}

/** A line more than 10× the median of the lines with the same description (and ≥ 1 000 kr above it). */
export interface AmountOutlier {
  merchant_reference: string
  /** The line's row. */
  rows: number[]
  description: string
  amount: number
  /** Øre, rounded half up when the median falls between two amounts. */
  median: number
  /** Lines with this description in the batch (the line itself included). */
  lines: number
}

export interface Comparison {
  /** null: no finished batch in this environment and account yet (only the batch's own checks ran). */
  previous_batch: PreviousBatchRef | null
  totals: {
    this: ComparisonTotals
    previous: ComparisonTotals | null
    /** Change since the previous run in %, one decimal; null without a previous run (or from zero). */
    change_percent: { invoices: number | null; amount: number | null }
  }
  possible_duplicates: PossibleDuplicate[]
  customers_missing: CustomerMissing[]
  customers_new: CustomerNew[]
  amounts_changed: AmountChanged[]
  amount_outliers: AmountOutlier[]
}

export const COMPARISON_CODES = [
  'possible_duplicate',
  'customer_missing',
  'customer_new',
  'amount_changed',
  'amount_outlier',
] as const
export type ComparisonCode = (typeof COMPARISON_CODES)[number]

/**
 * (to − from) / from in %, one decimal, rounded half away from zero — in whole numbers (BigInt),
 * so no amount ever passes through a float. null when `from` is 0.
 */
export function percentChange(from: number, to: number): number | null {
  if (from === 0) return null
  const diff = BigInt(to) - BigInt(from)
  const base = BigInt(from < 0 ? -from : from)
  const num = (diff < 0n ? -diff : diff) * 1000n
  let tenths = num / base
  if ((num % base) * 2n >= base) tenths += 1n
  const t = Number(diff < 0n ? -tenths : tenths)
  return t / 10
}
