/** The one-step Kravia invoice request (`POST /v1/sessions/pay`), exactly as Dintero documents it. */

export const PRODUCT_TYPES = [
  'kravia.invoice_b2b',
  'kravia.invoice_b2b_grouped',
  'kravia.invoice_b2c',
] as const
export type ProductType = (typeof PRODUCT_TYPES)[number]

export const INVOICE_CHANNELS = ['kravia', 'merchant'] as const
export type InvoiceChannel = (typeof INVOICE_CHANNELS)[number]

export const FEATURE_TOGGLES = ['strict-success-merchant-reference', 'strict-merchant-reference'] as const
export type FeatureToggle = (typeof FEATURE_TOGGLES)[number]

export interface BillingAddress {
  first_name: string
  last_name: string
  business_name?: string
  organization_number?: string
  email: string
  phone_number: string
  address_line: string
  address_line_2?: string
  postal_code: string
  postal_place: string
  country: string
  customer_reference?: string
}

export interface OrderItem {
  id?: string
  line_id: string
  description: string
  quantity: number
  /** Line total including VAT, in øre. */
  amount: number
  /** Percent, e.g. 25. */
  vat: number
}

export interface PayRequest {
  payment: {
    payment_product_type: ProductType
    operation: 'invoice_payment'
    days_until_due: number
    invoice_channel?: InvoiceChannel
  }
  session: {
    url?: { callback_url: string }
    order: {
      amount: number
      currency: 'NOK'
      vat_amount: number
      merchant_reference: string
      items: OrderItem[]
      billing_address: BillingAddress
    }
  }
}
