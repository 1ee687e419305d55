/**
 * Who an invoice is for: the customer type (its column, a fixed value or default, else the
 * organisation number decides), the person's name (first and last name columns, a full-name
 * column split in two, or on a private invoice the customer-name column), and the company fields
 * a business invoice needs.
 */
import type { ProductType } from '../../shared/kravia'
import { CUSTOMER_NAME_KEYS, normalizeHeader } from '../mapping/synonyms'
import type { Collector } from './collector'
import type { Picked } from './pick'
import type { IssueInput } from './field-sources'
import { parseOrgNumber, parseProductType } from '../values/parse'

export interface Customer {
  productType?: ProductType
  /** Set when no type was given and the organisation number decided it. */
  inferred?: ProductType
  first_name: string
  last_name: string
  business_name?: string
  organization_number?: string
}

/**
 * `Nordmann, Ola` (one comma) → Ola + Nordmann; otherwise the last word is the last name:
 * `Ole Martin Hansen` → Ole Martin + Hansen. Undefined for one word (both names are needed).
 */
export function splitFullName(text: string): { first: string; last: string } | undefined {
  const t = text.trim().replace(/\s+/g, ' ')
  const parts = t.split(',')
  if (parts.length === 2) {
    const last = parts[0].trim()
    const first = parts[1].trim()
    return last && first ? { first, last } : undefined
  }
  const words = t.split(' ')
  if (words.length < 2) return undefined
  return { first: words.slice(0, -1).join(' '), last: words[words.length - 1] }
}

function requiredFor(t: ProductType): Partial<IssueInput> {
  return t === 'kravia.invoice_b2b_grouped'
    ? { extra: 'required for grouped business invoices', extra_nb: 'påkrevd for samlefakturaer' }
    : { extra: 'required for business customers', extra_nb: 'påkrevd for bedriftskunder' }
}

/** The business-name column is headed like a customer name (`Kundenavn`, `Kunde`, `Customer`). */
function customerNameColumn(b: Collector): boolean {
  const col = b.plan.col.business_name
  return col >= 0 && CUSTOMER_NAME_KEYS.has(normalizeHeader(b.plan.headers[col] ?? ''))
}

function splitOrError(b: Collector, p: Picked, field: 'full_name' | 'business_name') {
  const s = splitFullName(p.text)
  if (!s) b.err('name_one_word', field, b.at(p), p.cell)
  return s
}

function personName(b: Collector, c: Customer, b2c: boolean, bn: Picked | undefined): boolean {
  const fn = b.get('first_name')
  const ln = b.get('last_name')
  const full = b.get('full_name')
  if (fn?.text && ln?.text) {
    c.first_name = fn.text
    c.last_name = ln.text
    return false
  }
  let fromCustomerName = false
  let s: { first: string; last: string } | undefined
  if (full?.text) s = splitOrError(b, full, 'full_name')
  else if (!fn?.text && !ln?.text && b2c && bn?.text && customerNameColumn(b)) {
    fromCustomerName = true
    s = splitOrError(b, bn, 'business_name')
  } else if (b.plan.col.full_name >= 0 && b.plan.col.first_name < 0 && b.plan.col.last_name < 0)
    b.err('missing_value', 'full_name', b.rows)
  else {
    if (!fn?.text) b.err('missing_value', 'first_name', b.rows)
    if (!ln?.text) b.err('missing_value', 'last_name', b.rows)
  }
  if (s) {
    c.first_name = s.first
    c.last_name = s.last
  }
  return fromCustomerName
}

export function customerOf(b: Collector): Customer {
  const c: Customer = { first_name: '', last_name: '' }
  const pt = b.get('payment_product_type')
  const on = b.get('organization_number')
  const bn = b.get('business_name')
  if (pt && pt.text !== '') {
    c.productType = parseProductType(pt.text)
    if (!c.productType) b.err('product_type_invalid', 'payment_product_type', b.at(pt), pt.cell)
  } else {
    // No type given: an organisation number makes it a business invoice (never grouped).
    c.inferred = on?.text ? 'kravia.invoice_b2b' : 'kravia.invoice_b2c'
    c.productType = c.inferred
  }
  const b2c = c.productType === 'kravia.invoice_b2c'
  const nameFromCustomer = personName(b, c, b2c, bn)
  if (b2c) {
    if (bn?.text && !nameFromCustomer) b.warn('b2c_business_ignored', 'business_name', b.at(bn), bn.cell)
    if (on?.text) b.warn('b2c_business_ignored', 'organization_number', b.at(on), on.cell)
  } else if (c.productType) {
    const why = bn?.text && on?.text ? undefined : requiredFor(c.productType)
    if (!bn?.text) b.err('missing_value', 'business_name', b.rows, null, why)
    else c.business_name = bn.text
    if (!on?.text) b.err('missing_value', 'organization_number', b.rows, null, why)
    else {
      const r = parseOrgNumber(on.text)
      if (!r.ok) b.err('org_number_invalid', 'organization_number', b.at(on), on.cell)
      else {
        c.organization_number = r.value
        if (!r.checksum) b.warn('org_number_checksum', 'organization_number', b.at(on), on.cell)
      }
    }
  }
  return c
}
