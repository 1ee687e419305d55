/**
 * One invoice from its rows: invoice-level fields merged (pick.ts), each checked once, items
 * built with amounts in øre, totals, and the exact pay request.
 */
import type { CanonicalField } from '../../shared/canonical'
import type { InvoiceChannel, OrderItem, ProductType } from '../../shared/kravia'
import { decToNumber, formatOre, mul, toOre, vatOfGross } from '../../shared/money'
import { buildBilling, buildItem, buildPayRequest, type BillingParts } from './build-request'
import type { LineRecord } from './lines'
import { pick } from './pick'
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

export interface GroupContext {
  plan: Plan
  now: Date
  callbackUrl?: string
}

export type InvoiceOutcome =
  | { ok: true; invoice: ValidatedInvoice; issues: Issue[] }
  | { ok: false; invalid: InvalidInvoice; issues: Issue[] }

export function assembleInvoice(ctx: GroupContext, ref: string, recs: readonly LineRecord[]): InvoiceOutcome {
  const { plan } = ctx
  const issues: IssueInput[] = []
  const rows = recs.map((r) => r.row.line)
  for (const r of recs) for (const i of r.issues) issues.push({ ...i, reference: ref })
  const err = (
    code: IssueInput['code'],
    field: CanonicalField | null,
    at: number[],
    value?: IssueInput['value'],
    extra?: Partial<IssueInput>,
  ) =>
    issues.push({ severity: 'error', code, rows: at, field, value: value ?? null, reference: ref, ...extra })
  const warn = (
    code: IssueInput['code'],
    field: CanonicalField,
    at: number[],
    value?: IssueInput['value'],
    extra?: Partial<IssueInput>,
  ) =>
    issues.push({
      severity: 'warning',
      code,
      rows: at,
      field,
      value: value ?? null,
      reference: ref,
      ...extra,
    })
  const get = (field: CanonicalField) => pick(plan, recs, field, issues, ref)
  const at = (p: { line?: number } | undefined) => (p?.line !== undefined ? [p.line] : rows)
  const required = (field: CanonicalField, extra?: string, extra_nb?: string): string => {
    const p = get(field)
    if (!p || p.text === '') {
      err('missing_value', field, rows, null, { extra, extra_nb })
      return ''
    }
    return p.text
  }

  // Product type: never guessed.
  let productType: ProductType | undefined
  const pt = get('payment_product_type')
  if (!pt)
    err('missing_value', 'payment_product_type', rows, null, {
      extra: 'b2b, b2c or b2b_grouped',
      extra_nb: 'b2b, b2c eller b2b_grouped',
    })
  else {
    productType = parseProductType(pt.text)
    if (!productType) err('product_type_invalid', 'payment_product_type', at(pt), pt.cell)
  }
  const b2c = productType === 'kravia.invoice_b2c'

  // Days until due, or a due date counted in Norway at `now` (the engine recounts when it sends).
  let days: number | undefined
  let dueDate: string | undefined
  const dd = get('days_until_due')
  const due = get('due_date')
  if (dd && (dd.line !== undefined || !due)) {
    days = parseDays(dd.cell)
    if (days === undefined) err('days_invalid', 'days_until_due', at(dd), dd.cell)
  } else if (due) {
    dueDate = parseDueDate(due.cell)
    if (!dueDate) err('due_date_invalid', 'due_date', at(due), due.cell)
    else {
      days = daysUntilDue(dueDate, ctx.now)
      if (days < 0) err('due_date_past', 'due_date', at(due), due.cell)
      else if (days > 365) err('due_date_too_far', 'due_date', at(due), due.cell)
    }
  } else
    err('missing_value', 'days_until_due', rows, null, {
      extra: 'or a due date',
      extra_nb: 'eller en forfallsdato',
    })

  let channel: InvoiceChannel | undefined
  const ch = get('invoice_channel')
  if (ch && ch.text !== '') {
    channel = parseChannel(ch.text)
    if (!channel) err('channel_invalid', 'invoice_channel', at(ch), ch.cell)
  }

  const cur = get('currency')
  if (cur && cur.text !== '' && cur.text.toUpperCase() !== 'NOK')
    err('currency_not_supported', 'currency', at(cur), cur.cell)

  let country = 'NO'
  const co = get('country')
  if (co && co.text !== '') {
    const c = parseCountry(co.text)
    if (!c) err('country_invalid', 'country', at(co), co.cell)
    else country = c
  }

  const billing: BillingParts = {
    first_name: required('first_name'),
    last_name: required('last_name'),
    email: '',
    phone_number: '',
    address_line: required('address_line'),
    postal_code: '',
    postal_place: required('postal_place'),
    country,
  }
  const em = get('email')
  if (!em || em.text === '') err('missing_value', 'email', rows)
  else if (!isEmail(em.text)) err('email_invalid', 'email', at(em), em.cell)
  else billing.email = em.text
  const ph = get('phone_number')
  if (!ph || ph.text === '') err('missing_value', 'phone_number', rows)
  else {
    const e164 = parsePhone(ph.text)
    if (!e164) err('phone_invalid', 'phone_number', at(ph), ph.cell)
    else billing.phone_number = e164
  }
  const pc = get('postal_code')
  if (!pc || pc.text === '') err('missing_value', 'postal_code', rows)
  else {
    const r = parsePostalCode(pc.text, country)
    if (!r.ok) err('postal_code_invalid', 'postal_code', at(pc), pc.cell)
    else {
      billing.postal_code = r.value
      if (r.padded && typeof pc.cell === 'string')
        warn('postal_code_padded', 'postal_code', at(pc), pc.cell, { extra: r.value })
    }
  }
  const a2 = get('address_line_2')
  if (a2?.text) billing.address_line_2 = a2.text
  const cr = get('customer_reference')
  if (cr?.text) billing.customer_reference = cr.text

  const bn = get('business_name')
  const on = get('organization_number')
  if (b2c) {
    if (bn?.text) warn('b2c_business_ignored', 'business_name', at(bn), bn.cell)
    if (on?.text) warn('b2c_business_ignored', 'organization_number', at(on), on.cell)
  } else if (productType) {
    const why = {
      extra: `required for ${productType.slice(7)}`,
      extra_nb: `påkrevd for ${productType.slice(7)}`,
    }
    if (!bn?.text) err('missing_value', 'business_name', rows, null, why)
    else billing.business_name = bn.text
    if (!on?.text) err('missing_value', 'organization_number', rows, null, why)
    else {
      const r = parseOrgNumber(on.text)
      if (!r.ok) err('org_number_invalid', 'organization_number', at(on), on.cell)
      else {
        billing.organization_number = r.value
        if (!r.checksum) warn('org_number_checksum', 'organization_number', at(on), on.cell)
      }
    }
  }

  // Items: amounts in øre, rounded once; VAT per line; line ids 1..n unless given.
  const items: OrderItem[] = []
  let total = 0n
  let vatTotal = 0n
  const seen = new Map<string, number>()
  recs.forEach((r, i) => {
    const line = r.row.line
    let ore: bigint | undefined
    if (r.unitPrice) {
      const computed = toOre(mul(r.unitPrice, r.quantity ?? { units: 1n, scale: 0 }))
      ore = computed
      if (r.amount) {
        const given = toOre(r.amount)
        const diff = given - computed
        if (diff > 1n || diff < -1n)
          err('amount_mismatch', 'amount', [line], r.row.cells[plan.col.amount] ?? null, {
            extra: `${formatOre(computed, 'en')} NOK`,
            extra_nb: `${formatOre(computed, 'nb')} kr`,
          })
        ore = given
      }
    } else if (r.amount) ore = toOre(r.amount)
    const lineId = r.lineId || String(i + 1)
    const prev = seen.get(lineId)
    if (prev !== undefined) err('line_id_duplicate', 'line_id', [prev, line], lineId)
    else seen.set(lineId, line)
    if (ore === undefined || !r.vat) return
    total += ore
    vatTotal += vatOfGross(ore, r.vat)
    const qty = r.quantity ? decToNumber(r.quantity) : 1
    items.push(buildItem(r.description, qty, Number(ore), decToNumber(r.vat), lineId, r.sku))
  })
  if (items.length === recs.length) {
    if (total <= 0n)
      err('total_not_positive', null, rows, ref, {
        extra: formatOre(total, 'en'),
        extra_nb: formatOre(total, 'nb'),
      })
    else if (total > INT32_MAX)
      err('amount_too_large', null, rows, ref, {
        extra: formatOre(total, 'en'),
        extra_nb: formatOre(total, 'nb'),
      })
  }

  const made: Issue[] = []
  for (const r of recs) for (const i of r.readIssues ?? []) made.push({ ...i, merchant_reference: ref })
  for (const i of issues) made.push(makeIssue(plan, i))
  const errors = made.filter((i) => i.severity === 'error')
  const warnings = made.filter((i) => i.severity === 'warning')
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
