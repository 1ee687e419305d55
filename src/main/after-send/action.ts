import type { SelectionPreview } from '../../shared/contract'
import { AppError } from '../../shared/errors'
import type { InvoiceState } from '../../shared/states'
import type { Db } from '../db/open'
import type { DinteroApi, Transaction } from '../dintero/types'
import { DinteroError } from '../dintero/types'
import { getBatch, getInvoice } from '../journal/reads'
import type { InvoiceListItem } from '../journal/types'
import { beginAttempt, finishAttempt } from './attempts'
import {
  type ActionSummary,
  type AfterSendOptions,
  batchPace,
  emptySummary,
  errorMessage,
  isAuthError,
  linkedStop,
} from './common'
import { forEachPaced } from './limiter'
import { type AfterSendSelection, selectInvoices } from './select'
import { type InvoicePatch, patchFromTransaction, setInvoiceState } from '../journal/invoice-state'

/** One after-sending action (void, capture) as the shared runner needs it. */
export interface ActionSpec {
  kind: 'void' | 'capture'
  eligible: readonly InvoiceState[]
  /** Past participle for messages: "voided", "captured". */
  done: string
  call(
    api: DinteroApi,
    inv: InvoiceListItem,
    signal?: AbortSignal,
  ): Promise<{ accepted: boolean; transaction: Transaction }>
  /**
   * Journals Dintero's answer with `patch` (what the transaction read fills in, the row's error
   * cleared); returns whether the action is finished or only accepted.
   */
  apply(
    db: Db,
    inv: InvoiceListItem,
    answer: { accepted: boolean; transaction: Transaction },
    patch: InvoicePatch,
    now: Date,
  ): 'done' | 'pending'
  /**
   * After Dintero refused: whether the transaction shows the action already happened (a retry after
   * a lost answer is refused as "already voided"); if so `apply` runs with the fresh transaction.
   */
  alreadyDone(tx: Transaction): boolean
}

export class NotEligible extends Error {}

/** An action's two entry points, for the IPC handlers and the CLI. */
export interface AfterSendAction {
  /** How many invoices (and how much, in øre) the action would be sent for with this selection. */
  preview(db: Db, batchId: string, selection: AfterSendSelection): SelectionPreview
  run(
    db: Db,
    api: DinteroApi,
    batchId: string,
    selection: AfterSendSelection,
    options?: AfterSendOptions,
  ): Promise<ActionSummary>
}

export function afterSendAction(spec: ActionSpec): AfterSendAction {
  return {
    preview(db, batchId, selection) {
      const { invoices, amount } = select(spec, db, batchId, selection)
      return { count: invoices.length, amount, ids: invoices.map((i) => i.id) }
    },
    run: (db, api, batchId, selection, options = {}) => runAction(spec, db, api, batchId, selection, options),
  }
}

/** The eligible invoices of the selection and their total; the named ones that are not, refused. */
function select(spec: ActionSpec, db: Db, batchId: string, selection: AfterSendSelection) {
  const { invoices, refused } = selectInvoices(db, batchId, selection, spec.eligible, spec.done)
  return { invoices, refused, amount: invoices.reduce((sum, inv) => sum + inv.amount, 0) }
}

/** Selection, pacing, retries, journaling and the summary — the same for every action. */
async function runAction(
  spec: ActionSpec,
  db: Db,
  api: DinteroApi,
  batchId: string,
  selection: AfterSendSelection,
  options: AfterSendOptions = {},
): Promise<ActionSummary> {
  const now = options.now ?? (() => new Date())
  const batch = getBatch(db, batchId)
  if (!batch) throw new AppError('no_batch', `Batch "${batchId}" does not exist.`)
  const { invoices, refused, amount } = select(spec, db, batchId, selection)
  const summary = emptySummary()
  summary.errors.push(...refused)
  summary.failed = refused.length
  summary.count = invoices.length
  summary.amount = amount
  const apply = (inv: InvoiceListItem, answer: { accepted: boolean; transaction: Transaction }) => {
    const patch = { ...patchFromTransaction(answer.transaction), error_code: null, error_message: null }
    if (spec.apply(db, inv, answer, patch, now()) === 'done') summary.done++
    else summary.pending++
  }

  const { stop, release } = linkedStop(options.signal)
  let handled = 0

  const fail = (inv: InvoiceListItem, message: string, code: string | null) => {
    summary.failed++
    summary.errors.push({ id: inv.id, reference: inv.merchant_reference, message })
    const current = getInvoice(db, inv.id)
    // The state stays; the error is kept on the row so reports and the UI show why.
    if (current)
      setInvoiceState(db, inv.id, current.state, { error_code: code, error_message: message }, now())
  }

  await forEachPaced(
    invoices,
    async (inv) => {
      const current = getInvoice(db, inv.id)
      if (!current || !spec.eligible.includes(current.state)) {
        throw new NotEligible(
          `${inv.merchant_reference} changed to ${current?.state ?? 'missing'} meanwhile.`,
        )
      }
      const attempt = beginAttempt(db, current, spec.kind, current.transaction_id, now())
      let answer: { accepted: boolean; transaction: Transaction }
      try {
        answer = await spec.call(api, current, stop.signal)
      } catch (e) {
        finishAttempt(db, attempt, { error: e })
        throw e
      }
      finishAttempt(db, attempt, {
        httpStatus: answer.accepted ? 202 : 200,
        outcome: answer.accepted ? 'accepted' : spec.done,
      })
      apply(current, answer)
      handled++
    },
    async (inv, e) => {
      handled++
      if (e instanceof NotEligible) {
        // Moved on meanwhile (another window, a refresh): nothing was sent, the row is not ours to mark.
        summary.failed++
        summary.errors.push({ id: inv.id, reference: inv.merchant_reference, message: e.message })
        return
      }
      if (isAuthError(e)) {
        summary.authFailed = true
        stop.abort()
      }
      // Did it happen anyway? A refusal after a lost answer ("already voided"), or retries that
      // never got an answer although Dintero did the work: one read tells.
      if (e instanceof DinteroError && e.kind !== 'auth' && inv.transaction_id) {
        const tx = await api.getTransaction(inv.transaction_id, stop.signal).catch(() => null)
        if (tx && spec.alreadyDone(tx)) {
          const current = getInvoice(db, inv.id)
          if (current && spec.eligible.includes(current.state)) {
            apply(current, { accepted: false, transaction: tx })
            return
          }
        }
      }
      const { code, message } = errorMessage(e)
      fail(inv, `${spec.kind === 'void' ? 'Void' : 'Capture'} failed: ${message}`, code)
    },
    batchPace(batch, options, stop.signal),
  )
  release()
  summary.stopped = handled < invoices.length
  return summary
}
