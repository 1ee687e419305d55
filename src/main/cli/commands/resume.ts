import { openAppDb } from '../../db/store'
import { confirm, driveRun } from '../run'
import { getBatch, resolveBatchId } from '../../journal/reads'
import { type Command, Exit, usageError } from '../context'
import { apiUrlOption, opt, optionalBatchArg, parseCommandArgs, requireYesWithoutTerminal } from '../options'
import { withBatchClient } from './after-send-common'
import { counted } from '../../values/words'

const usage = `Usage: npm run -s cli -- resume [BATCH] [--yes] [--api-url URL]

Continues a batch with its stored settings: the given one, "latest", or by default the newest
unfinished one. Invoices whose outcome is unknown are looked up first; nothing that has, or may
have, an invoice in Dintero is sent again. Invoices that gave up on temporary errors are retried.
After a canary stop, resume sends the rest.

Options:
  --api-url URL   a sandbox on this machine (http://127.0.0.1:PORT) instead of the stored address
  --yes           do not ask (required without a terminal and for production)

Exit codes as for submit: 0 all created, 1 some failed, 2 usage/credentials, 3 stopped again.`

export const command: Command = {
  name: 'resume',
  summary: 'continue an unfinished (or the given) batch where it stopped',
  usage,
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs('resume', args, { ...apiUrlOption, yes: opt.flag })
    const ref = optionalBatchArg('resume', positionals)
    const db = openAppDb(ctx.dataDir)
    try {
      const id = resolveBatchId(db, ref, { unfinished: true })
      const batch = getBatch(db, id)!
      requireYesWithoutTerminal('resume', values.yes, ctx.interactive)
      if (!values.yes && batch.env === 'production')
        throw usageError('Resuming a production batch needs --yes (nothing was sent).')
      if (!values.yes) {
        const open = (batch.counts.pending ?? 0) + (batch.counts.unknown ?? 0) + (batch.counts.sending ?? 0)
        const ok = await confirm(
          `Resume batch ${id} (${open} of ${counted(batch.invoice_count, 'invoice', 'invoices')} still open) on ${batch.env} ${batch.account}?`,
        )
        if (!ok) {
          ctx.err('kravia-batch: not confirmed; nothing was sent.')
          return Exit.usage
        }
      }
      return await withBatchClient(ctx, batch, values['api-url'], (client) => {
        ctx.out(ctx.json ? JSON.stringify({ event: 'batch', id }) : `batch ${id}`)
        return driveRun(ctx, { db, client, log: ctx.log }, id)
      })
    } finally {
      db.close()
    }
  },
}
