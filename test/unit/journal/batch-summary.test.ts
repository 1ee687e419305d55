import { describe, expect, it } from 'vitest'
import type { InvalidInvoice, Issue, ValidatedInvoice } from '../../../src/main/invoice/types'
import { summarizeBeforeSend } from '../../../src/main/journal/batch-summary'
import { payRequest } from '../../support/journal-fixtures'

const valid = (
  ref: string,
  amount: number,
  productType: ValidatedInvoice['product_type'],
): ValidatedInvoice => {
  const request = payRequest(ref, amount, { payment_product_type: productType })
  return {
    merchant_reference: ref,
    rows: [2],
    request,
    amount,
    vat_amount: request.session.order.vat_amount,
    item_vat: [request.session.order.vat_amount],
    product_type: productType,
    customer: { name: 'Kari Nordmann', email: 'kari@example.no' },
    warnings: [],
  }
}
const issue = (code: string, message: string): Issue =>
  ({
    severity: 'error',
    code,
    rows: [9],
    column: null,
    field: null,
    value: null,
    message,
    message_nb: message,
  }) as Issue
const invalid = (ref: string, code: string): InvalidInvoice => ({
  merchant_reference: ref,
  rows: [9],
  errors: [issue(code, `${ref}: ${code}`)],
  warnings: [],
})

describe('summarizeBeforeSend', () => {
  it('sums count, total, product types and VAT rates, and lists what is left out and why', () => {
    const plan = summarizeBeforeSend(
      {
        invoices: [
          valid('A', 125_00, 'kravia.invoice_b2b'),
          valid('B', 250_00, 'kravia.invoice_b2c'),
          valid('C', 100, 'kravia.invoice_b2c'),
        ],
        invalid: [invalid('D', 'email_invalid'), invalid('E', 'already_invoiced')],
      },
      2,
    )
    expect(plan).toMatchObject({
      invoices: 3,
      total_amount: 125_00 + 250_00 + 100,
      invalid: 2,
      already_invoiced: 1,
      eta_seconds: 2,
      by_product_type: {
        'kravia.invoice_b2b': { invoices: 1, amount: 125_00 },
        'kravia.invoice_b2c': { invoices: 2, amount: 250_00 + 100 },
      },
    })
    expect(plan.by_vat_rate['25']).toMatchObject({
      lines: 3,
      amount: 125_00 + 250_00 + 100,
      vat_amount: 25_00 + 50_00 + 20,
    })
    expect(plan.left_out).toEqual([
      { merchant_reference: 'D', rows: [9], reason: 'invalid', message: 'D: email_invalid' },
      { merchant_reference: 'E', rows: [9], reason: 'already_invoiced', message: 'E: already_invoiced' },
    ])
  })
})
