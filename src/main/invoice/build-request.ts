import type { BillingAddress, InvoiceChannel, OrderItem, PayRequest, ProductType } from '../../shared/kravia'

export interface RequestParts {
  productType: ProductType
  daysUntilDue: number
  channel?: InvoiceChannel
  callbackUrl?: string
  reference: string
  amount: number
  vatAmount: number
  items: OrderItem[]
  billing: BillingAddress
}

/**
 * The one-step pay body with the key order of Dintero's own examples, so the JSON we log and
 * send reads exactly like the docs. Optional keys appear only when they have a value.
 */
export function buildPayRequest(p: RequestParts): PayRequest {
  const payment: PayRequest['payment'] = {
    payment_product_type: p.productType,
    operation: 'invoice_payment',
    days_until_due: p.daysUntilDue,
  }
  if (p.channel) payment.invoice_channel = p.channel
  const session = {} as PayRequest['session']
  if (p.callbackUrl) session.url = { callback_url: p.callbackUrl }
  session.order = {
    amount: p.amount,
    currency: 'NOK',
    vat_amount: p.vatAmount,
    merchant_reference: p.reference,
    items: p.items,
    billing_address: p.billing,
  }
  return { payment, session }
}

export function buildItem(
  description: string,
  quantity: number,
  amount: number,
  vat: number,
  lineId: string,
  sku: string,
): OrderItem {
  const item = { description, quantity, amount, vat, line_id: lineId } as OrderItem
  if (sku) item.id = sku
  return item
}

/** The billing address as the request carries it (the docs' fields; optional ones only when given). */
export type BillingParts = BillingAddress

/** Billing address in the docs' key order; b2c never carries business_name/organization_number. */
export function buildBilling(p: BillingParts, b2c: boolean): BillingAddress {
  const a = { first_name: p.first_name, last_name: p.last_name } as BillingAddress
  if (!b2c) {
    if (p.business_name) a.business_name = p.business_name
    if (p.organization_number) a.organization_number = p.organization_number
  }
  a.email = p.email
  a.phone_number = p.phone_number
  a.address_line = p.address_line
  if (p.address_line_2) a.address_line_2 = p.address_line_2
  a.postal_code = p.postal_code
  a.postal_place = p.postal_place
  a.country = p.country
  if (p.customer_reference) a.customer_reference = p.customer_reference
  return a
}
