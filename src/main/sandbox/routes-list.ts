import type { Json } from './build'
import { chance, type FieldError, fieldError, type Reply, type Req, type SandboxState } from './http-util'
import { listable } from './hold'
import { publish } from './routes-pay'
import type { ScanFilter } from './store'

/**
 * `GET /v1/transactions` with the query parameters Dintero's spec lists for it: every filter given
 * must hold (repeated `id`, `status`, … match any of their values), newest first, `limit` 1–100
 * (default 10), `starting_after` an id to continue below. A parameter the spec does not list is
 * refused (unless lenient), so a client typo is not silently ignored.
 */

type Kind = 'multi' | 'single' | 'csv' | 'int' | 'date'

/** The spec's parameters for this route, in its order, with how each is read. */
export const LIST_PARAMETERS: Readonly<Record<string, Kind>> = {
  id: 'multi',
  limit: 'int',
  starting_after: 'single',
  status: 'multi',
  payment_product: 'multi',
  payment_product_type: 'multi',
  card_brand: 'multi',
  merchant_reference: 'single',
  merchant_reference_2: 'single',
  session_id: 'multi',
  store_id: 'multi',
  payout_correlation_id: 'csv',
  currency: 'multi',
  amount: 'int',
  'amount.gte': 'int',
  'amount.lte': 'int',
  'created_at.gte': 'date',
  'created_at.lte': 'date',
  'captured_at.gte': 'date',
  'captured_at.lte': 'date',
  'refunded_at.gte': 'date',
  'refunded_at.lte': 'date',
  search: 'single',
  payment_operation: 'single',
  customer_id: 'single',
}

const STATUSES = new Set([
  'AUTHORIZATION_VOIDED',
  'AUTHORIZED',
  'CAPTURED',
  'DECLINED',
  'FAILED',
  'INITIATED',
  'ON_HOLD',
  'PARTIALLY_CAPTURED',
  'PARTIALLY_REFUNDED',
  'PARTIALLY_CAPTURED_REFUNDED',
  'REFUNDED',
  'UNKNOWN',
])

type Test = (tx: Json) => boolean

/** ISO 8601; without a zone Dintero assumes UTC. */
function parseDate(v: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}/.test(v)) return null
  const zoned = v.length <= 10 || /(Z|[+-]\d{2}:?\d{2})$/.test(v) ? v : `${v}Z`
  const t = Date.parse(zoned)
  return Number.isNaN(t) ? null : t
}

const obj = (v: unknown) => (v && typeof v === 'object' ? (v as Json) : {})

/** Times of successful events of this kind (CAPTURE, REFUND). */
function eventTimes(tx: Json, name: string): number[] {
  const events = Array.isArray(tx.events) ? (tx.events as Json[]) : []
  return events
    .filter((e) => e.event === name && e.success !== false)
    .map((e) => Date.parse(String(e.created_at)))
}

function searchable(tx: Json): string[] {
  const customer = obj(tx.customer)
  const billing = obj(tx.billing_address)
  const name = [billing.first_name, billing.last_name].filter((x) => typeof x === 'string').join(' ')
  return [
    tx.id,
    tx.session_id,
    tx.merchant_reference,
    tx.merchant_reference_2,
    customer.email,
    customer.phone_number,
    billing.email,
    billing.phone_number,
    name,
    billing.business_name,
  ].filter((x): x is string => typeof x === 'string' && x !== '')
}

/** Parameters that match when the transaction's value is one of those given. */
const MATCHED_FIELDS: Record<string, (tx: Json) => unknown> = {
  payment_product: (tx) => tx.payment_product,
  payment_product_type: (tx) => tx.payment_product_type,
  card_brand: (tx) => obj(tx.card).brand,
  merchant_reference_2: (tx) => tx.merchant_reference_2,
  session_id: (tx) => tx.session_id,
  store_id: (tx) => obj(tx.store).id,
  payout_correlation_id: (tx) => tx.payout_correlation_id,
  currency: (tx) => tx.currency,
  payment_operation: (tx) => tx.payment_operation,
  customer_id: (tx) => obj(tx.customer).customer_id,
}

/** The JSON-level test for one parameter (the indexed ones are done by the store). */
function testFor(name: string, values: string[], when: number[]): Test | null {
  const any = (get: (tx: Json) => unknown) => (tx: Json) => values.includes(String(get(tx)))
  const range = (times: (tx: Json) => number[], gte: boolean) => (tx: Json) =>
    times(tx).some((t) => (gte ? t >= when[0] : t <= when[0]))
  if (Object.hasOwn(MATCHED_FIELDS, name)) return any(MATCHED_FIELDS[name])
  switch (name) {
    case 'amount':
      return (tx) => tx.amount === Number(values[0])
    case 'amount.gte':
      return (tx) => Number(tx.amount) >= Number(values[0])
    case 'amount.lte':
      return (tx) => Number(tx.amount) <= Number(values[0])
    case 'created_at.gte':
    case 'created_at.lte':
      return range((tx) => [Date.parse(String(tx.created_at))], name.endsWith('gte'))
    case 'captured_at.gte':
    case 'captured_at.lte':
      return range((tx) => eventTimes(tx, 'CAPTURE'), name.endsWith('gte'))
    case 'refunded_at.gte':
    case 'refunded_at.lte':
      return range((tx) => eventTimes(tx, 'REFUND'), name.endsWith('gte'))
    case 'search': {
      const needle = values[0].toLowerCase()
      return (tx) => searchable(tx).some((s) => s.toLowerCase().includes(needle))
    }
    default:
      return null
  }
}

export function listTransactions(state: SandboxState, req: Req): Reply {
  const problems: FieldError[] = []
  const filter: ScanFilter = {}
  const tests: Test[] = []
  let limit = 10
  for (const name of new Set(req.query.keys())) {
    const kind = LIST_PARAMETERS[name]
    const raw = req.query.getAll(name)
    if (!kind) {
      if (!state.lenient) problems.push({ field: name, message: 'is not a parameter of this endpoint' })
      continue
    }
    if (kind !== 'multi' && raw.length > 1) {
      problems.push({ field: name, message: 'may be given once' })
      continue
    }
    const values = kind === 'csv' ? raw[0].split(',').filter((v) => v !== '') : raw
    let when: number[] = []
    if (kind === 'int' && !/^\d+$/.test(values[0])) {
      problems.push({ field: name, message: 'must be a whole number' })
      continue
    }
    if (kind === 'date') {
      const t = parseDate(values[0])
      if (t === null) {
        problems.push({ field: name, message: 'must be an ISO 8601 date or date-time' })
        continue
      }
      when = [t]
    }
    if (name === 'limit') {
      limit = Number(values[0])
      if (limit < 1 || limit > 100)
        problems.push({ field: 'limit', message: 'must be a whole number from 1 to 100' })
    } else if (name === 'id') {
      filter.ids = values
    } else if (name === 'merchant_reference') {
      filter.reference = values[0]
    } else if (name === 'status') {
      const bad = values.find((v) => !STATUSES.has(v))
      if (bad) problems.push({ field: 'status', message: `"${bad}" is not a transaction status` })
      filter.statuses = values
    } else if (name === 'starting_after') {
      const row = values[0] === '' ? undefined : state.store.get(values[0])
      if (!row) problems.push({ field: 'starting_after', message: `no transaction with id "${values[0]}"` })
      else filter.belowSeq = row.seq
    } else {
      const test = testFor(name, values, when)
      if (test) tests.push(test)
    }
  }
  if (problems.length) return fieldError('INVALID_REQUEST', problems)

  const page: string[] = []
  const omit = state.faults.listOmitRate
  for (const row of state.store.scan(filter)) {
    if (page.length >= limit) break
    if (tests.length) {
      const tx = JSON.parse(row.json) as Json
      if (!tests.every((t) => t(tx))) continue
    }
    // Fault: the list lags behind the transactions, so this one is missing from the answer.
    if (omit > 0 && chance(state, omit)) continue
    if (!listable(state, row.seq)) continue
    page.push(row.json)
  }
  return { status: 200, body: publish(state, `[${page.join(',')}]`) }
}
