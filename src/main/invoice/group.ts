/**
 * One invoice from its rows: invoice-level fields merged (pick.ts), each checked once, items
 * built with amounts in øre, totals, and the exact pay request. Who the invoice is for is
 * customer.ts; the postal code and place are postal.ts.
 */
import type { InvoiceChannel, OrderItem, ProductType } from '../../shared/kravia'
import { decToNumber, formatOre } from '../../shared/money'
import { dayLabel } from '../../shared/business-days'
import { dueOnSend } from './due'
import { buildBilling, buildItem, buildPayRequest, type BillingParts } from './build-request'
import { Collector } from './collector'
import { customerOf } from './customer'
import { lineMoney } from './line-money'
import type { DecimalSeparator } from '../../shared/money'
import type { SourceRow } from '../import/types'
import { checkLine } from './check-line'
import { type LineRecord, type NumberField, processLine, type SeparatorVotes } from './lines'
import { type IssueInput, makeIssue, type Plan } from './field-sources'
import { postalOf } from './postal'
import type { InvalidInvoice, Issue, ValidatedInvoice } from './types'
import { isEmail, parseChannel, parseCountry, parseDays, parseDueDate, parsePhone } from '../values/parse'
import { daysUntilDue, osloToday } from '../values/oslo-date'

const INT32_MAX = 2_147_483_647n
const NONE: Issue[] = Object.freeze([]) as unknown as Issue[]

export interface GroupContext {
  plan: Plan
  now: Date
  callbackUrl?: string
  /** Due dates on a weekend or Norwegian public holiday move to the next business day (a warning says so). */
  businessDayDue?: boolean
  /** The Europe/Oslo date at `now`, worked out once. */
  today?: string
}

/** `inferred`: the customer type the organisation number decided, when no type was given. */
export type InvoiceOutcome =
  | { ok: true; invoice: ValidatedInvoice; issues: Issue[]; inferred?: ProductType }
  | { ok: false; invalid: InvalidInvoice; issues: Issue[]; inferred?: ProductType }

/**
 * An invoice from its source rows: each line parsed (with the decided separators, `seps`) and
 * checked, the reader's errors on its rows attached, then assembled. Undefined while a `1,500`
 * in it waits for its column's separator.
 */
export function assembleRows(
  ctx: GroupContext,
  ref: string,
  rows: readonly SourceRow[],
  votes: SeparatorVotes,
  seps: Map<NumberField, { sep: DecimalSeparator }> | undefined,
  readIssuesByLine: ReadonlyMap<number, Issue[]>,
): InvoiceOutcome | undefined {
  const recs: LineRecord[] = new Array(rows.length)
  for (let i = 0; i < rows.length; i++) {
    const rec = processLine(ctx.plan, rows[i], votes, seps)
    if (rec.pending) return undefined
    checkLine(ctx.plan, rec)
    const ri = readIssuesByLine.size > 0 ? readIssuesByLine.get(rows[i].line) : undefined
    if (ri) rec.readIssues = ri
    recs[i] = rec
  }
  return assembleInvoice(ctx, ref, recs)
}

export function assembleInvoice(ctx: GroupContext, ref: string, recs: readonly LineRecord[]): InvoiceOutcome {
  const { plan } = ctx
  const issues: IssueInput[] = []
  const rows = recs.map((r) => r.row.line)
  for (const r of recs) if (r.issues) for (const i of r.issues) issues.push({ ...i, reference: ref })
  const b = new Collector(plan, recs, ref, rows, issues)

  // Customer type (given, or decided by the organisation number), names and company fields.
  const customer = customerOf(b)
  const { productType } = customer
  const b2c = productType === 'kravia.invoice_b2c'

  // Days until due, or a due date counted in Norway at `now` (the engine recounts when it sends).
  let days: number | undefined
  let dueDate: string | undefined
  const dd = b.get('days_until_due')
  const due = b.get('due_date')
  if (dd && (dd.line !== undefined || !due)) {
    days = parseDays(dd.cell)
    if (days === undefined) b.err('days_invalid', 'days_until_due', b.at(dd), dd.cell)
  } else if (due) {
    dueDate = parseDueDate(due.cell)
    if (!dueDate) b.err('due_date_invalid', 'due_date', b.at(due), due.cell)
    else {
      days = daysUntilDue(dueDate, ctx.now)
      if (days < 0) b.err('due_date_past', 'due_date', b.at(due), due.cell)
      else if (days > 365) b.err('due_date_too_far', 'due_date', b.at(due), due.cell)
    }
  } else
    b.err('missing_value', 'days_until_due', rows, null, {
      extra: 'or a due date',
      extra_nb: 'eller en forfallsdato',
    })
  let dueMove: ValidatedInvoice['due_move']
  if (ctx.businessDayDue && days !== undefined && days >= 0 && days <= 365) {
    ctx.today ??= osloToday(ctx.now)
    const m = dueOnSend({ days, dueDate }, ctx.today, true)
    if (m.movedFrom) {
      dueMove = { from: m.movedFrom, to: m.due, days: m.days }
      const src = dueDate ? due : dd
      b.warn('due_moved', dueDate ? 'due_date' : 'days_until_due', b.at(src), src?.cell, {
        extra: `${dayLabel(m.movedFrom, 'en')} to ${dayLabel(m.due, 'en')}`,
        extra_nb: `${dayLabel(m.movedFrom, 'nb')} til ${dayLabel(m.due, 'nb')}`,
      })
    }
  }

  let channel: InvoiceChannel | undefined
  const ch = b.get('invoice_channel')
  if (ch && ch.text !== '') {
    channel = parseChannel(ch.text)
    if (!channel) b.err('channel_invalid', 'invoice_channel', b.at(ch), ch.cell)
  }

  const cur = b.get('currency')
  if (cur && cur.text !== '' && cur.text.toUpperCase() !== 'NOK')
    b.err('currency_not_supported', 'currency', b.at(cur), cur.cell)

  let country = 'NO'
  const co = b.get('country')
  if (co && co.text !== '') {
    const c = parseCountry(co.text)
    if (!c) b.err('country_invalid', 'country', b.at(co), co.cell)
    else country = c
  }

  const billing: BillingParts = {
    first_name: customer.first_name,
    last_name: customer.last_name,
    email: '',
    phone_number: '',
    address_line: b.required('address_line'),
    ...postalOf(b, country),
    country,
  }
  if (customer.business_name) billing.business_name = customer.business_name
  if (customer.organization_number) billing.organization_number = customer.organization_number
  const em = b.get('email')
  if (!em || em.text === '') b.err('missing_value', 'email', rows)
  else if (!isEmail(em.text)) b.err('email_invalid', 'email', b.at(em), em.cell)
  else billing.email = em.text
  const ph = b.get('phone_number')
  if (!ph || ph.text === '') b.err('missing_value', 'phone_number', rows)
  else {
    const e164 = parsePhone(ph.text)
    if (!e164) b.err('phone_invalid', 'phone_number', b.at(ph), ph.cell)
    else billing.phone_number = e164
  }
  const a2 = b.get('address_line_2')
  if (a2?.text) billing.address_line_2 = a2.text
  const cr = b.get('customer_reference')
  if (cr?.text) billing.customer_reference = cr.text

  // Items: amounts in øre (line-money.ts), VAT per line; line ids 1..n unless given.
  const items: OrderItem[] = []
  const itemVat: number[] = []
  let total = 0n
  let vatTotal = 0n
  // Single-line invoices (most of them) need no uniqueness map.
  const seen = recs.length > 1 ? new Map<string, number>() : undefined
  for (let i = 0; i < recs.length; i++) {
    const r = recs[i]
    const line = r.row.line
    const money = lineMoney(plan, r, b)
    const lineId = r.lineId || String(i + 1)
    const prev = seen?.get(lineId)
    if (prev !== undefined) b.err('line_id_duplicate', 'line_id', [prev, line], lineId)
    else seen?.set(lineId, line)
    if (money === undefined || !r.vat) continue
    total += money.ore
    vatTotal += money.vat
    itemVat.push(Number(money.vat))
    const qty = r.quantity ? decToNumber(r.quantity) : 1
    items.push(buildItem(r.description, qty, Number(money.ore), decToNumber(r.vat), lineId, r.sku))
  }
  if (items.length === recs.length) {
    if (total <= 0n)
      b.err('total_not_positive', null, rows, ref, {
        extra: formatOre(total, 'en'),
        extra_nb: formatOre(total, 'nb'),
      })
    else if (total > INT32_MAX)
      b.err('amount_too_large', null, rows, ref, {
        extra: formatOre(total, 'en'),
        extra_nb: formatOre(total, 'nb'),
      })
  }

  let made: Issue[] = NONE
  let errors: Issue[] = NONE
  let warnings: Issue[] = NONE
  const hasReadIssues = recs.some((r) => r.readIssues !== undefined)
  // Most invoices have nothing to report: they share one empty (frozen) list instead of three new ones each.
  if (issues.length > 0 || hasReadIssues) {
    made = []
    errors = []
    warnings = []
    for (const r of recs) for (const i of r.readIssues ?? []) made.push({ ...i, merchant_reference: ref })
    for (const i of issues) made.push(makeIssue(plan, i))
    for (const i of made) (i.severity === 'error' ? errors : warnings).push(i)
  }
  if (errors.length > 0 || !productType || days === undefined) {
    const o: InvoiceOutcome = {
      ok: false,
      invalid: { merchant_reference: ref, rows, errors, warnings },
      issues: made,
    }
    if (customer.inferred) o.inferred = customer.inferred
    return o
  }
  const request = buildPayRequest({
    productType,
    daysUntilDue: days,
    channel,
    callbackUrl: ctx.callbackUrl,
    reference: ref,
    amount: Number(total),
    vatAmount: Number(vatTotal),
    items,
    billing: buildBilling(billing, b2c),
  })
  const invoice: ValidatedInvoice = {
    merchant_reference: ref,
    rows,
    request,
    amount: Number(total),
    vat_amount: Number(vatTotal),
    item_vat: itemVat,
    product_type: productType,
    customer: {
      name: (!b2c && billing.business_name) || `${billing.first_name} ${billing.last_name}`,
      email: billing.email,
    },
    warnings,
  }
  if (dueDate) invoice.due_date = dueDate
  if (dueMove) invoice.due_move = dueMove
  if (!b2c && billing.organization_number) invoice.customer.organization_number = billing.organization_number
  const o: InvoiceOutcome = { ok: true, invoice, issues: made }
  if (customer.inferred) o.inferred = customer.inferred
  return o
}
