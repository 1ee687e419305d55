import type { CanonicalField } from '../../shared/canonical'
import type { OrderItem, PayRequest } from '../../shared/kravia'
import type { Cell } from './table'

/** The template's short customer types (what the importer reads back), from Dintero's product types. */
export const SHORT_TYPE: Record<PayRequest['payment']['payment_product_type'], string> = {
  'kravia.invoice_b2b': 'b2b',
  'kravia.invoice_b2c': 'b2c',
  'kravia.invoice_b2b_grouped': 'b2b_grouped',
}

export type TemplateLine = Partial<Record<CanonicalField, Cell>>

/**
 * A frozen request body as import-template lines, one per invoice line: invoice-level fields
 * repeated on every line (the importer accepts repeats and groups lines by reference), the line
 * amount in øre as it was sent.
 */
export function requestLines(request: PayRequest): TemplateLine[] {
  const { payment, session } = request
  const order = session.order
  const a = order.billing_address
  const invoice: TemplateLine = {
    merchant_reference: order.merchant_reference,
    payment_product_type: SHORT_TYPE[payment.payment_product_type],
    days_until_due: payment.days_until_due,
    due_date: null,
    invoice_channel: payment.invoice_channel ?? 'kravia',
    first_name: a.first_name,
    last_name: a.last_name,
    business_name: a.business_name ?? null,
    organization_number: a.organization_number ?? null,
    email: a.email,
    phone_number: a.phone_number,
    address_line: a.address_line,
    address_line_2: a.address_line_2 ?? null,
    postal_code: a.postal_code,
    postal_place: a.postal_place,
    country: a.country,
    customer_reference: a.customer_reference ?? null,
    currency: order.currency,
  }
  return order.items.map((item: OrderItem) => ({
    ...invoice,
    line_id: item.line_id,
    id: item.id ?? null,
    description: item.description,
    quantity: item.quantity,
    // The line total is what was sent; a unit price would need a division that may not be exact.
    unit_price: null,
    amount: { ore: item.amount },
    vat: item.vat,
  }))
}
