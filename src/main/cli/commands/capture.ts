import { previewCapture, captureInvoices } from '../../runs/capture'
import { clientForBatch } from '../../runs/after-send/client'
import { requireSelection } from '../../runs/after-send/select'
import { type Command, Exit, parseCommandArgs } from '../context'
import { batchArg, nok, openBatch, reportAction } from './after-send-common'

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

export const command: Command = {
  name: 'capture',
  summary: 'capture merchant-channel invoices so Kravia starts collecting',
  usage,
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs('capture', args, {
      all: { type: 'boolean' },
      ref: { type: 'string', multiple: true },
      yes: { type: 'boolean' },
      'api-url': { type: 'string' },
    })
    const ref = batchArg('capture', positionals)
    const selection = requireSelection({ all: values.all, refs: values.ref })
    const { db, batch } = openBatch(ctx, ref)
    try {
      if (!values.yes) {
        const p = previewCapture(db, batch.id, selection)
        ctx.err(
          `kravia-batch: capture would start ${p.count} invoices (${nok(p.amount)}) in ${batch.env} batch ${batch.id}; nothing was sent. Add --yes to do it.`,
        )
        if (ctx.json) ctx.out(JSON.stringify({ batch: batch.id, action: 'capture', confirmed: false, ...p }))
        return Exit.usage
      }
      const conn = await clientForBatch(batch, {
        env: ctx.env,
        dataDir: ctx.dataDir,
        apiUrl: values['api-url'],
      })
      try {
        const summary = await captureInvoices(db, conn.api, batch.id, selection, { signal: ctx.signal })
        ctx.log.info(`capture batch ${batch.id}`, { ...summary, errors: summary.errors.length })
        return reportAction(ctx, batch, 'captured', summary, values['api-url'])
      } finally {
        await conn.close()
      }
    } finally {
      db.close()
    }
  },
}
