import { randomBytes, randomUUID } from 'node:crypto'
import type { ValidPay } from './validate'

/**
 * How the sandbox makes Dintero-shaped transactions and events. Formats Dintero does not
 * document (invoice number, KID, invoice id) are the sandbox's own and listed in docs/sandbox.md.
 */

/** Stands for the sandbox's base URL in stored JSON; swapped for the live one on the way out, so
 * invoice links keep working when a persisted sandbox restarts on another port. */
export const BASE_MARK = 'http://sandbox-base.invalid'

/** The bank account every sandbox invoice is paid to (the docs' example account). */
export const SANDBOX_BANK = {
  bban: '15063092174',
  iban: 'NO0215063092174',
  swift: 'DNBANOKKXXX',
}

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'

/** `{account}.{22 base58 chars}`, the shape of Dintero's transaction and session ids. */
export function checkoutId(accountId: string): string {
  const bytes = randomBytes(22)
  let out = `${accountId}.`
  for (const b of bytes) out += BASE58[b % 58]
  return out
}

/** MOD10 (Luhn) check digit, as Norwegian KIDs use. */
export function mod10CheckDigit(digits: string): string {
  let sum = 0
  let double = true
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48
    if (double) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
    double = !double
  }
  return String((10 - (sum % 10)) % 10)
}

const osloDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

let cachedMinute = Number.NaN
let cachedDate = ''

/** The invoice date is the calendar day in Norway when the invoice was made (Intl formatting is
 * slow next to everything else a pay does, so it is done once a minute). */
export function invoiceDate(nowMs: number): string {
  const minute = Math.floor(nowMs / 60_000)
  if (minute !== cachedMinute) {
    cachedMinute = minute
    cachedDate = osloDate.format(new Date(nowMs))
  }
  return cachedDate
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

export interface InvoiceNumbers {
  number: string
  invoiceId: string
  kid: string
}

export function invoiceNumbers(seq: number, date: string): InvoiceNumbers {
  const base = `3${String(seq).padStart(13, '0')}`
  return {
    number: `INV-${date.slice(0, 4)}-${String(seq).padStart(6, '0')}`,
    invoiceId: String(100000 + seq),
    kid: base + mod10CheckDigit(base),
  }
}

export type Json = Record<string, unknown>

export function event(name: string, status: string, amount: number, at: string, extra: Json = {}): Json {
  return {
    id: randomUUID(),
    event: name,
    success: true,
    transaction_status: status,
    amount,
    created_at: at,
    request_id: randomUUID(),
    ...extra,
  }
}

export function initiateCaptureEvent(tx: Json, numbers: InvoiceNumbers, at: string): Json {
  return event('INITIATE_CAPTURE', String(tx.status), Number(tx.amount), at, {
    metadata: {
      'kravia:invoice_number': numbers.number,
      'kravia:invoice_id': numbers.invoiceId,
      'kravia:payment_details:bank_account:bban': SANDBOX_BANK.bban,
      'kravia:payment_details:bank_account:iban': SANDBOX_BANK.iban,
      'kravia:payment_details:bank_account:swift': SANDBOX_BANK.swift,
      'kravia:payment_details:kid': numbers.kid,
    },
  })
}

export interface NewTransaction {
  tx: Json
  numbers: InvoiceNumbers
}

/** The transaction a successful (or, with the failed-status fault, a FAILED) pay creates. */
export function newTransaction(
  pay: ValidPay,
  accountId: string,
  seq: number,
  nowMs: number,
  failed: boolean,
): NewTransaction {
  const at = new Date(nowMs).toISOString()
  const date = invoiceDate(nowMs)
  const numbers = invoiceNumbers(seq, date)
  const order = pay.order
  const id = checkoutId(accountId)
  const grouped = pay.productType === 'kravia.invoice_b2b_grouped'
  const amount = order.amount as number
  const tx: Json = {
    id,
    session_id: checkoutId(accountId),
    status: failed ? 'FAILED' : 'AUTHORIZED',
    payment_product: 'kravia',
    payment_product_type: pay.productType,
    amount,
    currency: order.currency,
    merchant_reference: order.merchant_reference,
    ...(order.merchant_reference_2 !== undefined && { merchant_reference_2: order.merchant_reference_2 }),
    items: order.items ?? [],
    billing_address: order.billing_address,
    ...(order.shipping_address !== undefined && { shipping_address: order.shipping_address }),
    ...(pay.session.customer !== undefined && { customer: pay.session.customer }),
    ...(pay.session.url !== undefined && { url: pay.session.url }),
    channel: 'ecommerce',
    created_at: at,
    updated_at: at,
  }
  const sessionMeta = (pay.session.metadata as Json | undefined) ?? {}
  if (failed) {
    tx.metadata = sessionMeta
    tx.events = [
      event('AUTHORIZE', 'FAILED', amount, at, {
        success: false,
        error: {
          code: 'KRAVIA_INVOICE_REFUSED',
          message: 'Kravia refused to create the invoice (sandbox fault: failed-status-rate)',
          retry_policy: { retry_codes: ['DO_NOT_RETRY'] },
        },
      }),
    ]
    return { tx, numbers }
  }
  if (grouped) {
    // The consolidated invoice is made later: no number, link, KID or INITIATE_CAPTURE yet.
    tx.metadata = sessionMeta
    tx.events = [event('AUTHORIZE', 'AUTHORIZED', amount, at)]
    return { tx, numbers }
  }
  tx.metadata = {
    ...sessionMeta,
    'kravia:invoice_number': numbers.number,
    'kravia:invoice_url': `${BASE_MARK}/__sandbox/invoices/${id}`,
  }
  const events: Json[] = [
    event('AUTHORIZE', 'AUTHORIZED', amount, at, {
      metadata: {
        'kravia:invoice_date': date,
        'kravia:invoice_due_date': addDays(date, pay.daysUntilDue),
        'kravia:invoice_number': numbers.number,
      },
    }),
  ]
  if (pay.channel === 'kravia') events.push(initiateCaptureEvent(tx, numbers, at))
  tx.events = events
  return { tx, numbers }
}
