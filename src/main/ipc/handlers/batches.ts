import { AppError } from '../../../shared/errors'
import { exportBatch } from '../../reports/export'
import { countInvoices, getInvoiceDetail, listBatches, listInvoices } from '../../journal/reads'
import { batchAfterSend } from './after-send'
import { toRunRow } from '../../engine/progress'
import { pageByPosition, requireBatch, toDetailView, toSummary } from './batch-view'
import type { AreaHandlers, HandlerContext } from './context'
import { dialogText } from './dialog-text'

/** History and the run grid's data: batches, pages of invoices, one invoice's detail, export. */
export function batchesHandlers(ctx: HandlerContext): AreaHandlers<'batches'> {
  const { db } = ctx
  const detail = (batchId: string, invoiceId: number) => {
    const d = getInvoiceDetail(db, invoiceId)
    if (!d || d.batch_id !== batchId) {
      throw new AppError('no_invoice', `Invoice ${invoiceId} is not in batch ${batchId}.`, {
        message_nb: `Faktura ${invoiceId} finnes ikke i kjøring ${batchId}.`,
      })
    }
    return d
  }
  return {
    'batches:list': () => listBatches(db).map((b) => toSummary(db, b)),
    'batches:get': ({ batchId }) => toSummary(db, requireBatch(db, batchId)),
    'batches:rows': ({ batchId, state, search, offset, limit }) => {
      requireBatch(db, batchId)
      const filter = { state, search }
      const total = countInvoices(db, batchId, filter)
      const rows = search?.trim()
        ? listInvoices(db, batchId, { ...filter, offset, limit }).map(toRunRow)
        : pageByPosition(db, batchId, state, offset, limit)
      return { total, offset, rows }
    },
    'batches:invoice': ({ batchId, invoiceId }) => toDetailView(detail(batchId, invoiceId)),
    'batches:openInvoice': async ({ batchId, invoiceId }) => {
      const d = detail(batchId, invoiceId)
      if (!d.invoice_url) return { opened: false }
      // Test and production links must be on Dintero's hosts (the opener's rule). A sandbox invoice
      // page lives on the sandbox's current port, which changes between starts: only that port.
      if (requireBatch(db, batchId).env !== 'sandbox') return { opened: await ctx.opener.open(d.invoice_url) }
      const at = d.invoice_url.indexOf('/__sandbox/invoices/')
      if (at < 0) return { opened: false }
      const base = await ctx.environments.sandboxUrl()
      const sandboxPort = Number(new URL(base).port)
      return { opened: await ctx.opener.open(base + d.invoice_url.slice(at), { sandboxPort }) }
    },
    'batches:refresh': async ({ batchId }) => {
      await batchAfterSend(ctx).refresh(batchId)
      return toSummary(db, requireBatch(db, batchId))
    },
    'batches:export': async ({ batchId, format, failedOnly, delimiter, lang, columns }) => {
      const b = requireBatch(db, batchId)
      const suffix = failedOnly ? '-failed' : ''
      const file = await ctx.dialogs.saveFile({
        title: failedOnly ? dialogText(ctx).exportFailed : dialogText(ctx).exportReport,
        defaultPath: `kravia-${b.id}${suffix}.${format}`,
        filters: [
          format === 'csv' ? { name: 'CSV', extensions: ['csv'] } : { name: 'Excel', extensions: ['xlsx'] },
        ],
      })
      if (!file) return { path: null, rows: 0 }
      const r = await exportBatch(db, batchId, { format, file, failedOnly, delimiter, lang, columns })
      ctx.log.info(`exported batch ${batchId}`, { format, failedOnly, rows: r.rows })
      return { path: r.file, rows: r.rows }
    },
  }
}
