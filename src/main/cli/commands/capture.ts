import { captureInvoices, previewCapture } from '../../after-send/capture'
import { actionCommand } from './after-send-common'

const usage = `Usage: npm run -s cli -- capture BATCH (--all | --ref REF [--ref REF…]) --yes [--api-url URL]

For invoices sent with invoice channel "merchant": captures the full amount, which tells Kravia to
start collecting (KID and bank account appear). Only invoices awaiting capture qualify.
BATCH may be "latest".

Options:
  --all           every invoice of the batch awaiting capture
  --ref REF       one invoice by its merchant reference (repeatable)
  --yes           do it (without it, nothing is sent: the command says what it would capture, exit 2)
  --api-url URL   a Dintero sandbox on this machine to use instead of the batch's stored address

Test/production batches need DINTERO_CLIENT_ID and DINTERO_CLIENT_SECRET.
Exit codes: 0 done, 1 some invoices could not be captured, 2 usage/confirmation/credentials, 3 interrupted.`

export const command = actionCommand({
  name: 'capture',
  summary: 'capture merchant-channel invoices so Kravia starts collecting',
  usage,
  verb: 'captured',
  wouldDo: 'start',
  preview: previewCapture,
  act: captureInvoices,
})
