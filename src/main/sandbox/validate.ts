import { FEATURE_TOGGLES, INVOICE_CHANNELS, PRODUCT_TYPES } from '../../shared/kravia'
import { PHONE_PATTERN, validateCallbackUrl } from '../../shared/kravia-schema'
import { ISO_COUNTRIES } from './countries'

/**
 * The sandbox's checks of a `POST /v1/sessions/pay` body. Documented rules are always on;
 * rules Dintero's docs only imply (items add up to the amount, every address field of the
 * examples is required, NOK only, B2C without company fields, an e-mail shaped e-mail) are on
 * by default and switched off by `lenient`. Hand-written rather than zod so every problem names
 * its field the way Dintero's errors do, and so the hot path stays cheap.
 */

export interface FieldProblem {
  field: string
  message: string
}

export interface ValidPay {
  productType: (typeof PRODUCT_TYPES)[number]
  channel: (typeof INVOICE_CHANNELS)[number]
  daysUntilDue: number
  order: Record<string, unknown>
  session: Record<string, unknown>
}

const INT32_MAX = 2_147_483_647
const ADDRESS_FIELDS = [
  'first_name',
  'last_name',
  'email',
  'phone_number',
  'address_line',
  'postal_code',
  'postal_place',
  'country',
] as const
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const isOre = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= INT32_MAX

export function validatePay(
  body: unknown,
  lenient: boolean,
): { ok: ValidPay } | { problems: FieldProblem[] } {
  const problems: FieldProblem[] = []
  const bad = (field: string, message: string) => problems.push({ field, message })
  if (!isObj(body)) return { problems: [{ field: 'body', message: 'must be a JSON object' }] }
  const payment = body.payment
  const session = body.session
  if (!isObj(payment)) bad('payment', 'is required and must be an object')
  if (!isObj(session)) bad('session', 'is required and must be an object')
  if (!isObj(payment) || !isObj(session)) return { problems }

  const type = payment.payment_product_type
  if (!PRODUCT_TYPES.includes(type as never))
    bad('payment.payment_product_type', `must be one of ${PRODUCT_TYPES.join(', ')}`)
  if (payment.operation !== 'invoice_payment') bad('payment.operation', 'must be "invoice_payment"')
  const days = payment.days_until_due
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 0 || days > 365) {
    bad('payment.days_until_due', 'is required and must be a whole number from 0 to 365')
  }
  const channel = payment.invoice_channel ?? 'kravia'
  if (!INVOICE_CHANNELS.includes(channel as never))
    bad('payment.invoice_channel', 'must be "kravia" or "merchant"')

  if (session.url !== undefined) {
    if (!isObj(session.url)) bad('session.url', 'must be an object')
    else if (session.url.callback_url !== undefined) {
      const cb = session.url.callback_url
      const problem = typeof cb === 'string' ? validateCallbackUrl(cb) : 'must be a string'
      if (problem) bad('session.url.callback_url', problem)
    }
  }
  if (session.metadata !== undefined) {
    const m = session.metadata
    if (!isObj(m) || Object.keys(m).length > 10)
      bad('session.metadata', 'must be an object with at most 10 keys')
    else if (Object.values(m).some((v) => typeof v !== 'string' && typeof v !== 'number')) {
      bad('session.metadata', 'values must be strings or numbers')
    }
  }

  const order = session.order
  if (!isObj(order)) {
    bad('session.order', 'is required and must be an object')
    return { problems }
  }
  if (!isOre(order.amount))
    bad('session.order.amount', 'is required and must be a non-negative whole number of øre')
  if (typeof order.currency !== 'string' || !/^[A-Z]{3}$/.test(order.currency)) {
    bad('session.order.currency', 'is required and must be an ISO 4217 code such as NOK')
  } else if (!lenient && order.currency !== 'NOK') {
    bad('session.order.currency', 'must be NOK for Kravia invoices')
  }
  if (typeof order.merchant_reference !== 'string' || order.merchant_reference.length === 0) {
    bad('session.order.merchant_reference', 'is required and must be a non-empty string')
  }
  if (order.vat_amount !== undefined && !isOre(order.vat_amount)) {
    bad('session.order.vat_amount', 'must be a non-negative whole number of øre')
  }
  checkItems(order, lenient, bad)
  checkAddress(order.billing_address, typeof type === 'string' ? type : '', lenient, bad)

  if (problems.length > 0) return { problems }
  return {
    ok: {
      productType: type as ValidPay['productType'],
      channel: channel as ValidPay['channel'],
      daysUntilDue: days as number,
      order,
      session,
    },
  }
}

function checkItems(order: Obj, lenient: boolean, bad: (f: string, m: string) => void) {
  const items = order.items
  if (items === undefined) {
    if (!lenient) bad('session.order.items', 'is required: a Kravia invoice needs at least one line')
    return
  }
  if (!Array.isArray(items)) return bad('session.order.items', 'must be an array')
  if (items.length === 0 && !lenient) return bad('session.order.items', 'must have at least one line')
  const seen = new Set<string>()
  let sum = 0
  let sumKnown = true
  items.forEach((item: unknown, i) => {
    const at = `session.order.items[${i}]`
    if (!isObj(item)) {
      bad(at, 'must be an object')
      return
    }
    if (typeof item.line_id !== 'string' || item.line_id === '') bad(`${at}.line_id`, 'is required')
    else if (seen.has(item.line_id)) bad(`${at}.line_id`, `"${item.line_id}" is not unique within the order`)
    else seen.add(item.line_id)
    if (!isOre(item.amount)) {
      bad(`${at}.amount`, 'is required and must be a non-negative whole number of øre')
      sumKnown = false
    } else sum += item.amount
    if (item.vat_amount !== undefined && !isOre(item.vat_amount)) {
      bad(`${at}.vat_amount`, 'must be a non-negative whole number of øre')
    }
    if (item.quantity !== undefined && (typeof item.quantity !== 'number' || !(item.quantity > 0))) {
      bad(`${at}.quantity`, 'must be a positive number')
    }
    if (item.vat !== undefined && (typeof item.vat !== 'number' || item.vat < 0 || item.vat > 100)) {
      bad(`${at}.vat`, 'must be a percentage from 0 to 100')
    }
    if (!lenient && (typeof item.description !== 'string' || item.description === '')) {
      bad(`${at}.description`, 'is required on a Kravia invoice line')
    }
  })
  if (!lenient && sumKnown && isOre(order.amount) && sum !== order.amount) {
    bad('session.order.amount', `is ${order.amount} but the items add up to ${sum}`)
  }
}

function checkAddress(address: unknown, type: string, lenient: boolean, bad: (f: string, m: string) => void) {
  const at = 'session.order.billing_address'
  if (!isObj(address)) return bad(at, 'is required for Kravia invoices')
  for (const [key, value] of Object.entries(address)) {
    if (value !== undefined && typeof value !== 'string' && key !== 'latitude' && key !== 'longitude') {
      bad(`${at}.${key}`, 'must be a string')
    }
  }
  const has = (k: string) => typeof address[k] === 'string' && (address[k] as string).trim() !== ''
  if (!lenient) {
    for (const k of ADDRESS_FIELDS) if (!has(k)) bad(`${at}.${k}`, 'is required for Kravia invoices')
    const b2c = type === 'kravia.invoice_b2c'
    const known = PRODUCT_TYPES.includes(type as never)
    for (const k of known ? ['business_name', 'organization_number'] : []) {
      if (!b2c && !has(k)) bad(`${at}.${k}`, `is required for ${type}`)
      if (b2c && address[k] !== undefined) bad(`${at}.${k}`, 'must be left out for kravia.invoice_b2c')
    }
    if (has('email') && !EMAIL.test(address.email as string)) bad(`${at}.email`, 'is not an e-mail address')
  }
  if (typeof address.phone_number === 'string' && !PHONE_PATTERN.test(address.phone_number)) {
    bad(`${at}.phone_number`, 'must match ^\\+?\\d{5,15}$ (international format, e.g. +4799999999)')
  }
  if (typeof address.country === 'string' && !ISO_COUNTRIES.has(address.country)) {
    bad(`${at}.country`, 'must be an ISO 3166 alpha-2 country code such as NO')
  }
}

/** Parses `Dintero-Feature-Toggles` (CSV). Unknown values are refused, as the spec's enum says. */
export function parseToggles(
  header: string | undefined,
): { toggles: Set<string> } | { problem: FieldProblem } {
  const toggles = new Set<string>()
  if (!header) return { toggles }
  for (const raw of header.split(',')) {
    const t = raw.trim()
    if (t === '') continue
    if (!FEATURE_TOGGLES.includes(t as never)) {
      return {
        problem: {
          field: 'Dintero-Feature-Toggles',
          message: `unknown toggle "${t}" (known: ${FEATURE_TOGGLES.join(', ')})`,
        },
      }
    }
    toggles.add(t)
  }
  return { toggles }
}
