import { AppError } from '../../shared/errors'
import type { InvoiceState } from '../../shared/states'
import type { Db } from '../db/open'
import { getInvoice, getInvoiceByReference, listInvoices } from '../journal/reads'
import type { InvoiceListItem } from '../journal/types'

/** Which invoices an action is for: every eligible one, or named by journal id or merchant reference. */
export type AfterSendSelection = { all: true } | { ids: readonly number[] } | { refs: readonly string[] }

export interface Refusal {
  id: number | null
  reference: string
  message: string
}

export interface Selected {
  invoices: InvoiceListItem[]
  /** Named invoices that are missing or not in an eligible state (nothing is sent for them). */
  refused: Refusal[]
}

const LABEL: Record<InvoiceState, string> = {
  pending: 'not sent yet',
  sending: 'being sent',
  unknown: 'of unknown outcome',
  authorized: 'authorized',
  awaiting_capture: 'awaiting capture',
  failed: 'failed',
  cancelled: 'cancelled',
  void_pending: 'being voided',
  voided: 'already voided',
  part_paid: 'part-paid',
  paid: 'paid',
}

export function stateLabel(state: InvoiceState): string {
  return LABEL[state]
}

/**
 * Resolves a selection against the journal. `all` takes every invoice in an eligible state (and a
 * transaction id); named invoices in other states are refused with a sentence saying why.
 */
export function selectInvoices(
  db: Db,
  batchId: string,
  selection: AfterSendSelection,
  eligible: readonly InvoiceState[],
  action: string,
): Selected {
  const refused: Refusal[] = []
  let named: InvoiceListItem[]
  if ('all' in selection) {
    named = []
    let afterId = 0
    for (;;) {
      const page = listInvoices(db, batchId, { state: eligible, afterId, limit: 1000 })
      named.push(...page)
      if (page.length < 1000) break
      afterId = page[page.length - 1].id
    }
  } else if ('ids' in selection) {
    named = []
    for (const id of new Set(selection.ids)) {
      const inv = getInvoice(db, id)
      if (inv && inv.batch_id === batchId) named.push(inv)
      else refused.push({ id, reference: String(id), message: `Invoice ${id} is not in batch ${batchId}.` })
    }
  } else {
    named = []
    for (const ref of new Set(selection.refs)) {
      const inv = getInvoiceByReference(db, batchId, ref)
      if (inv) named.push(inv)
      else refused.push({ id: null, reference: ref, message: `Batch ${batchId} has no invoice "${ref}".` })
    }
  }
  const invoices: InvoiceListItem[] = []
  const allowed = eligible.map(stateLabel).join(', ')
  for (const inv of named) {
    if (!eligible.includes(inv.state)) {
      refused.push({
        id: inv.id,
        reference: inv.merchant_reference,
        message: `${inv.merchant_reference} is ${stateLabel(inv.state)}; only ${allowed} invoices can be ${action}.`,
      })
    } else if (!inv.transaction_id) {
      refused.push({
        id: inv.id,
        reference: inv.merchant_reference,
        message: `${inv.merchant_reference} has no Dintero transaction id; run refresh first.`,
      })
    } else invoices.push(inv)
  }
  return { invoices, refused }
}

export function requireSelection(selection: Partial<{ all: boolean; refs: string[] }>): AfterSendSelection {
  if (selection.all && selection.refs?.length) {
    throw new AppError('usage', 'Give either --all or --ref, not both.', { exitCode: 2 })
  }
  if (selection.all) return { all: true }
  if (selection.refs?.length) return { refs: selection.refs }
  throw new AppError('usage', 'Say which invoices: --all or --ref REF (repeatable).', { exitCode: 2 })
}
