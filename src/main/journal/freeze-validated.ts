import { AppError } from '../../shared/errors'
import type { PayRequest } from '../../shared/kravia'
import type { Db } from '../db/open'
import type { SourceRow } from '../import/types'
import type { Plan } from '../invoice/field-sources'
import type { ValidatedInvoice, ValidationResult } from '../invoice/types'
import { type BatchInvoiceInput, type CreateBatchInput, createBatch } from './freeze'
import { leftOutFromResult, sourceCells } from './left-out-source'

/** A validated invoice as the journal keeps it (without its source cells). */
export function toBatchInvoice(inv: ValidatedInvoice): BatchInvoiceInput {
  return {
    merchant_reference: inv.merchant_reference,
    rows: inv.rows,
    request: inv.request as PayRequest,
    due_date: inv.due_date ?? null,
    amount: inv.amount,
    vat_amount: inv.vat_amount,
    product_type: inv.product_type,
    customer: {
      name: inv.customer.name,
      email: inv.customer.email,
      org: inv.customer.organization_number ?? null,
    },
  }
}

export interface FreezeInput extends Omit<CreateBatchInput, 'invoices' | 'leftOut'> {
  /** What validation gave (for the Plan screen: without the invoices the user left out). */
  result: Pick<ValidationResult, 'invoices' | 'invalid' | 'errors'>
  /** Where each field's value comes from (the left-out invoices keep their values by it). */
  plan: Plan
  /** A source line as the user wrote it (review-grid edits included), or undefined if not at hand. */
  rowAt: (line: number) => SourceRow | undefined
}

/**
 * Freezes a validated import into a batch: every invoice to send with its rows as written (for the
 * failed-rows export) and every invoice left out. The one way both the Plan screen and `submit`
 * make a batch; it refuses a batch with nothing to send.
 */
export function freezeBatch(db: Db, input: FreezeInput): string {
  const { result, plan, rowAt, ...batch } = input
  if (result.invoices.length === 0) {
    throw new AppError('nothing_to_send', 'There are no valid invoices to send.', {
      message_nb: 'Det er ingen gyldige fakturaer å sende.',
    })
  }
  return createBatch(db, {
    ...batch,
    invoices: result.invoices.map((inv) => ({
      ...toBatchInvoice(inv),
      source: sourceCells(inv.rows, rowAt),
    })),
    leftOut: leftOutFromResult(result, plan, rowAt),
  })
}
