import { AppError } from '../../../shared/errors'
import { formatOre } from '../../../shared/money'
import type { Db } from '../../db/open'
import type { Batch } from '../../journal/types'
import type { HandlerContext } from './context'

export type ProductionAction = 'send' | 'void' | 'capture'

/** What a production action would touch: the count and the total in øre. */
export interface ActionScope {
  count: number
  amount: number
}

/** The invoices a start or resume would still send: the ones not yet settled one way or the other. */
export function sendScope(db: Db, batchId: string): ActionScope {
  const r = db
    .prepare(
      `SELECT COUNT(*) AS count, COALESCE(SUM(amount), 0) AS amount FROM invoices
       WHERE batch_id = ? AND state IN ('pending','sending','unknown') AND superseded_by_batch IS NULL`,
    )
    .get(batchId) as ActionScope
  return { count: r.count, amount: r.amount }
}

const TEXT = {
  en: {
    send: (n: number, kr: string) =>
      `Send ${n} ${n === 1 ? 'invoice' : 'invoices'} totalling ${kr} kr to your customers?`,
    void: (n: number, kr: string) => `Void ${n} ${n === 1 ? 'invoice' : 'invoices'} totalling ${kr} kr?`,
    capture: (n: number, kr: string) =>
      `Capture ${n} ${n === 1 ? 'invoice' : 'invoices'} totalling ${kr} kr, so ${n === 1 ? 'it is' : 'they are'} sent to your customers?`,
    detail: (account: string) =>
      `This is production (account ${account}): the invoices are real and cannot be taken back by cancelling here.`,
    confirm: { send: 'Send', void: 'Void', capture: 'Capture' },
    cancel: 'Cancel',
    refused: 'Nothing was done: the production confirmation was cancelled.',
  },
  nb: {
    send: (n: number, kr: string) =>
      `Sende ${n} ${n === 1 ? 'faktura' : 'fakturaer'} på til sammen ${kr} kr til kundene dine?`,
    void: (n: number, kr: string) =>
      `Annullere ${n} ${n === 1 ? 'faktura' : 'fakturaer'} på til sammen ${kr} kr?`,
    capture: (n: number, kr: string) =>
      `Belaste ${n} ${n === 1 ? 'faktura' : 'fakturaer'} på til sammen ${kr} kr, så de sendes til kundene dine?`,
    detail: (account: string) =>
      `Dette er produksjon (konto ${account}): fakturaene er ekte og kan ikke trekkes tilbake ved å avbryte her.`,
    confirm: { send: 'Send', void: 'Annuller', capture: 'Belast' },
    cancel: 'Avbryt',
    refused: 'Ingenting ble gjort: bekreftelsen for produksjon ble avbrutt.',
  },
}

/**
 * Production sends, voids and captures are confirmed by a native dialog from main, naming the
 * count and the total, whatever the page showed before: a page (or a script in it) can only ask,
 * never decide. Other environments and empty selections pass without a dialog. Throws
 * `not_confirmed` when the user says no.
 */
export async function confirmProductionAction(
  ctx: Pick<HandlerContext, 'dialogs' | 'system' | 'log'>,
  batch: Pick<Batch, 'id' | 'env' | 'account'>,
  action: ProductionAction,
  scope: ActionScope,
): Promise<void> {
  if (batch.env !== 'production' || scope.count === 0) return
  const lang = /^(nb|nn|no)\b/i.test(ctx.system.locale()) ? 'nb' : 'en'
  const t = TEXT[lang]
  const ok = await ctx.dialogs.confirm({
    message: t[action](scope.count, formatOre(scope.amount, lang)),
    detail: t.detail(batch.account),
    confirmLabel: t.confirm[action],
    cancelLabel: t.cancel,
    danger: true,
  })
  ctx.log.info(`production ${action} in ${batch.id} ${ok ? 'confirmed' : 'cancelled'} in the native dialog`, {
    count: scope.count,
  })
  if (!ok) throw new AppError('not_confirmed', TEXT.en.refused, { message_nb: TEXT.nb.refused })
}
