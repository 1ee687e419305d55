import { voidInvoices, previewVoid } from '../../after-send/void'
import { actionCommand } from './after-send-common'

const usage = `Usage: npm run -s cli -- void BATCH (--all | --ref REF [--ref REF…]) --yes [--api-url URL]

Cancels invoices of a batch in Dintero/Kravia. Only authorized, awaiting-capture and part-paid
invoices can be voided; for a part-paid invoice the unpaid rest is cancelled. Voids Dintero
accepts but has not finished yet are confirmed by "refresh". BATCH may be "latest".

Options:
  --all           every eligible invoice of the batch
  --ref REF       one invoice by its merchant reference (repeatable)
  --yes           do it (without it, nothing is sent: the command says what it would void, exit 2)
  --api-url URL   a Dintero sandbox on this machine to use instead of the batch's stored address

Test/production batches need DINTERO_CLIENT_ID and DINTERO_CLIENT_SECRET.
Exit codes: 0 done, 1 some invoices could not be voided, 2 usage/confirmation/credentials, 3 interrupted.`

export const command = actionCommand({
  name: 'void',
  summary: 'cancel (void) invoices of a batch',
  usage,
  verb: 'voided',
  wouldDo: 'cancel',
  preview: previewVoid,
  act: voidInvoices,
})
