import { voidInvoices, previewVoid } from '../../after-send/void'
import { actionCommand } from './after-send-common'

export const command = actionCommand({
  name: 'void',
  summary: 'cancel (void) invoices of a batch',
  about: `Cancels invoices of a batch in Dintero/Kravia. Only authorized, awaiting-capture and part-paid
invoices can be voided; for a part-paid invoice the unpaid rest is cancelled. Voids Dintero
accepts but has not finished yet are confirmed by "refresh". BATCH may be "latest".`,
  all: 'every eligible invoice of the batch',
  verb: 'voided',
  wouldDo: 'cancel',
  preview: previewVoid,
  act: voidInvoices,
})
