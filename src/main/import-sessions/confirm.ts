import type { PayRequest } from '../../shared/kravia'
import { AppError } from '../../shared/errors'
import type { Db } from '../db/open'
import type { ValidatedInvoice } from '../invoice/types'
import { rememberMapping } from '../mapping'
import { type BatchInvoiceInput, createBatch } from '../journal/freeze'
import { leftOutFromResult, sourceCells } from '../journal/left-out-source'
import type { BatchSettings } from '../journal/types'
import { planResult } from './plan-compare'
import type { ImportScope, ImportSession, Validated } from './session'

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

/** Production is sent only after the user typed the account id (or SEND); case and spaces do not matter. */
export function checkConfirmation(scope: ImportScope, typed: string): void {
  if (scope.env !== 'production') return
  const word = (scope.account || 'SEND').toUpperCase()
  if (typed.trim().toUpperCase() !== word) {
    throw new AppError('confirmation_required', `Type ${word} to send real invoices from production.`, {
      message_nb: `Skriv ${word} for å sende ekte fakturaer fra produksjon.`,
    })
  }
}

/** Freezes the validated import into a batch (paused as new; the Run screen starts it). */
export function confirmPlan(
  db: Db,
  s: ImportSession,
  v: Validated,
  scope: ImportScope,
  settings: BatchSettings,
  baseUrl: string,
  now: Date,
): string {
  const table = s.loadedTable
  // Without the invoices the user left out on the Plan.
  const result = planResult(s, v)
  if (result.invoices.length === 0) {
    throw new AppError('nothing_to_send', 'There are no valid invoices to send.', {
      message_nb: 'Det er ingen gyldige fakturaer å sende.',
    })
  }
  // The left-out invoices keep the values shown in the review grid (cell edits included).
  const rowAt = (line: number) => {
    const i = table?.lineIndex.get(line)
    return i === undefined ? undefined : table?.rows[i]
  }
  const leftOut = leftOutFromResult(result, v.session.plan, rowAt)
  const batchId = createBatch(db, {
    source: { name: s.fileName, sha256: s.sha256 ?? table?.info.sha256 ?? '' },
    sheet: table?.info.sheet ?? null,
    sourceHeaders: table?.info.headers,
    mapping: v.mapping.mapping,
    constants: v.mapping.constants,
    settings,
    env: scope.env,
    account: scope.account,
    baseUrl,
    // Each invoice keeps its rows as the user wrote them (cell edits included) for the failed-rows export.
    invoices: result.invoices.map((inv) => ({
      ...toBatchInvoice(inv),
      source: sourceCells(inv.rows, rowAt),
    })),
    leftOut,
    parentBatchId: s.followUpOf,
    now,
  })
  // Sent with this mapping: remember it for this source next time (never from a discarded import).
  if (table) rememberMapping(db, table.info.headers, v.mapping.mapping, v.mapping.constants)
  return batchId
}
