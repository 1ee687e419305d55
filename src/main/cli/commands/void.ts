import { clientForBatch } from '../../runs/after-send/client'
import { requireSelection } from '../../runs/after-send/select'
import { previewVoid, voidInvoices } from '../../runs/void'
import { type Command, Exit, parseCommandArgs } from '../context'
import { batchArg, nok, openBatch, reportAction } from './after-send-common'

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

export const command: Command = {
  name: 'void',
  summary: 'cancel (void) invoices of a batch',
  usage,
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs('void', args, {
      all: { type: 'boolean' },
      ref: { type: 'string', multiple: true },
      yes: { type: 'boolean' },
      'api-url': { type: 'string' },
    })
    const ref = batchArg('void', positionals)
    const selection = requireSelection({ all: values.all, refs: values.ref })
    const { db, batch } = openBatch(ctx, ref)
    try {
      if (!values.yes) {
        const p = previewVoid(db, batch.id, selection)
        ctx.err(
          `kravia-batch: void would cancel ${p.count} invoices (${nok(p.amount)}) in ${batch.env} batch ${batch.id}; nothing was sent. Add --yes to do it.`,
        )
        if (ctx.json) ctx.out(JSON.stringify({ batch: batch.id, action: 'void', confirmed: false, ...p }))
        return Exit.usage
      }
      const conn = await clientForBatch(batch, {
        env: ctx.env,
        dataDir: ctx.dataDir,
        apiUrl: values['api-url'],
      })
      try {
        const summary = await voidInvoices(db, conn.api, batch.id, selection, { signal: ctx.signal })
        ctx.log.info(`void batch ${batch.id}`, { ...summary, errors: summary.errors.length })
        return reportAction(ctx, batch, 'voided', summary, values['api-url'])
      } finally {
        await conn.close()
      }
    } finally {
      db.close()
    }
  },
}
