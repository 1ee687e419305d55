/**
 * One invoice from its rows: invoice-level fields merged (pick.ts), each checked once, items
 * built with amounts in øre, totals, and the exact pay request.
 */
import type { CanonicalField } from '../../shared/canonical'
import type { InvoiceChannel, OrderItem, ProductType } from '../../shared/kravia'
import { decToNumber, formatOre, mul, toOre, vatOfGross } from '../../shared/money'
import { buildBilling, buildItem, buildPayRequest, type BillingParts } from './build-request'
import type { LineRecord } from './lines'
import { type Picked, pick } from './pick'
import { type IssueInput, makeIssue, type Plan } from './plan'
import type { InvalidInvoice, Issue, ValidatedInvoice } from './types'
import {
  daysUntilDue,
  isEmail,
  parseChannel,
  parseCountry,
  parseDays,
  parseDueDate,
  parseOrgNumber,
  parsePhone,
  parsePostalCode,
  parseProductType,
} from './values'

const INT32_MAX = 2_147_483_647n
const NONE: Issue[] = Object.freeze([]) as unknown as Issue[]

export interface GroupContext {
  plan: Plan
  now: Date
  callbackUrl?: string
}

export type InvoiceOutcome =
  | { ok: true; invoice: ValidatedInvoice; issues: Issue[] }
  | { ok: false; invalid: InvalidInvoice; issues: Issue[] }

function requiredFor(t: ProductType): Partial<IssueInput> {
  return { extra: `required for ${t.slice(7)}`, extra_nb: `påkrevd for ${t.slice(7)}` }
}

/** Where an invoice's findings go; methods, not per-invoice closures (this runs for every invoice). */
class Collector {
  constructor(
    readonly plan: Plan,
    readonly recs: readonly LineRecord[],
    readonly ref: string,
    readonly rows: number[],
    readonly issues: IssueInput[],
  ) {}

  err(
    code: IssueInput['code'],
    field: CanonicalField | null,
    at: number[],
    value?: IssueInput['value'],
    extra?: Partial<IssueInput>,
  ): void {
    this.issues.push({
      severity: 'error',
      code,
      rows: at,
      field,
      value: value ?? null,
      reference: this.ref,
      ...extra,
    })
  }

  warn(
    code: IssueInput['code'],
    field: CanonicalField,
    at: number[],
    value?: IssueInput['value'],
    extra?: Partial<IssueInput>,
  ): void {
    this.issues.push({
      severity: 'warning',
      code,
      rows: at,
      field,
      value: value ?? null,
      reference: this.ref,
      ...extra,
    })
  }

  get(field: CanonicalField): Picked | undefined {
    return pick(this.plan, this.recs, field, this.issues, this.ref)
  }

  /** The row a value came from, or all the invoice's rows when a constant/default filled it. */
  at(p: { line?: number } | undefined): number[] {
    return p?.line !== undefined ? [p.line] : this.rows
  }

  required(field: CanonicalField, extra?: string, extra_nb?: string): string {
    const p = this.get(field)
    if (!p || p.text === '') {
      this.err('missing_value', field, this.rows, null, { extra, extra_nb })
      return ''
    }
    return p.text
  }
}

export function assembleInvoice(ctx: GroupContext, ref: string, recs: readonly LineRecord[]): InvoiceOutcome {
  const { plan } = ctx
  const issues: IssueInput[] = []
  const rows = recs.map((r) => r.row.line)
  for (const r of recs) if (r.issues) for (const i of r.issues) issues.push({ ...i, reference: ref })
  const b = new Collector(plan, recs, ref, rows, issues)

  // Product type: never guessed.
  let productType: ProductType | undefined
  const pt = b.get('payment_product_type')
  if (!pt)
    b.err('missing_value', 'payment_product_type', rows, null, {
      extra: 'b2b, b2c or b2b_grouped',
      extra_nb: 'b2b, b2c eller b2b_grouped',
    })
  else {
    productType = parseProductType(pt.text)
    if (!productType) b.err('product_type_invalid', 'payment_product_type', b.at(pt), pt.cell)
  }
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
    first_name: b.required('first_name'),
    last_name: b.required('last_name'),
    email: '',
    phone_number: '',
    address_line: b.required('address_line'),
    postal_code: '',
    postal_place: b.required('postal_place'),
    country,
  }
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
  const pc = b.get('postal_code')
  if (!pc || pc.text === '') b.err('missing_value', 'postal_code', rows)
  else {
    const r = parsePostalCode(pc.text, country)
    if (!r.ok) b.err('postal_code_invalid', 'postal_code', b.at(pc), pc.cell)
    else {
      billing.postal_code = r.value
      if (r.padded && typeof pc.cell === 'string')
        b.warn('postal_code_padded', 'postal_code', b.at(pc), pc.cell, { extra: r.value })
    }
  }
  const a2 = b.get('address_line_2')
  if (a2?.text) billing.address_line_2 = a2.text
  const cr = b.get('customer_reference')
  if (cr?.text) billing.customer_reference = cr.text

  const bn = b.get('business_name')
  const on = b.get('organization_number')
  if (b2c) {
    if (bn?.text) b.warn('b2c_business_ignored', 'business_name', b.at(bn), bn.cell)
    if (on?.text) b.warn('b2c_business_ignored', 'organization_number', b.at(on), on.cell)
  } else if (productType) {
    const why = bn?.text && on?.text ? undefined : requiredFor(productType)
    if (!bn?.text) b.err('missing_value', 'business_name', rows, null, why)
    else billing.business_name = bn.text
    if (!on?.text) b.err('missing_value', 'organization_number', rows, null, why)
    else {
      const r = parseOrgNumber(on.text)
      if (!r.ok) b.err('org_number_invalid', 'organization_number', b.at(on), on.cell)
      else {
        billing.organization_number = r.value
        if (!r.checksum) b.warn('org_number_checksum', 'organization_number', b.at(on), on.cell)
      }
    }
  }

  // Items: amounts in øre, rounded once; VAT per line; line ids 1..n unless given.
  const items: OrderItem[] = []
  const itemVat: number[] = []
  let total = 0n
  let vatTotal = 0n
  // Single-line invoices (most of them) need no uniqueness map.
  const seen = recs.length > 1 ? new Map<string, number>() : undefined
  for (let i = 0; i < recs.length; i++) {
    const r = recs[i]
    const line = r.row.line
    let ore: bigint | undefined
    if (r.unitPrice) {
      const computed = toOre(mul(r.unitPrice, r.quantity ?? { units: 1n, scale: 0 }))
      ore = computed
      if (r.amount) {
        const given = toOre(r.amount)
        const diff = given - computed
        if (diff > 1n || diff < -1n)
          b.err('amount_mismatch', 'amount', [line], r.row.cells[plan.col.amount] ?? null, {
            extra: `${formatOre(computed, 'en')} NOK`,
            extra_nb: `${formatOre(computed, 'nb')} kr`,
          })
        ore = given
      }
    } else if (r.amount) ore = toOre(r.amount)
    const lineId = r.lineId || String(i + 1)
    const prev = seen?.get(lineId)
    if (prev !== undefined) b.err('line_id_duplicate', 'line_id', [prev, line], lineId)
    else seen?.set(lineId, line)
    if (ore === undefined || !r.vat) continue
    total += ore
    const lineVat = vatOfGross(ore, r.vat)
    vatTotal += lineVat
    itemVat.push(Number(lineVat))
    const qty = r.quantity ? decToNumber(r.quantity) : 1
    items.push(buildItem(r.description, qty, Number(ore), decToNumber(r.vat), lineId, r.sku))
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
    return { ok: false, invalid: { merchant_reference: ref, rows, errors, warnings }, issues: made }
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
  if (!b2c && billing.organization_number) invoice.customer.organization_number = billing.organization_number
  return { ok: true, invoice, issues: made }
}
