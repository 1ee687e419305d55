import { captureInvoices, previewCapture } from '../../after-send/capture'
import { actionCommand } from './after-send-common'

export const command = actionCommand({
  name: 'capture',
  summary: 'capture merchant-channel invoices so Kravia starts collecting',
  about: `For invoices sent with invoice channel "merchant": captures the full amount, which tells Kravia to
start collecting (KID and bank account appear). Only invoices awaiting capture qualify.
BATCH may be "latest".`,
  all: 'every invoice of the batch awaiting capture',
  verb: 'captured',
  wouldDo: 'start',
  preview: previewCapture,
  act: captureInvoices,
})
