import { paymentSummary, refreshBatch } from '../../runs/refresh'
import { type Command, parseCommandArgs } from '../context'
import { batchArg, finishRun, nok, openBatch, withBatchClient } from './after-send-common'

const usage = `Usage: npm run -s cli -- refresh BATCH [--api-url URL] [--json]

Re-reads the batch's transactions from Dintero and updates each invoice: paid, part-paid, voided
(also voids done elsewhere), voids and captures Dintero has finished. Invoices of unknown outcome
are left to "resume", which looks them up by reference. BATCH may be "latest".

Options:
  --api-url URL   a Dintero sandbox on this machine to use instead of the batch's stored address

Test/production batches need DINTERO_CLIENT_ID and DINTERO_CLIENT_SECRET.
Exit codes: 0 done, 1 some transactions could not be read, 2 usage/credentials, 3 interrupted.`

export const command: Command = {
  name: 'refresh',
  summary: 'update a batch with payments and voids from Dintero',
  usage,
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs('refresh', args, { 'api-url': { type: 'string' } })
    const ref = batchArg('refresh', positionals)
    const { db, batch } = openBatch(ctx, ref)
    try {
      const s = await withBatchClient(ctx, batch, values['api-url'], (api) =>
        refreshBatch(db, api, batch.id, { signal: ctx.signal }),
      )
      const pay = paymentSummary(db, batch.id)
      ctx.log.info(`refresh batch ${batch.id}`, { ...s, errors: s.errors.length })
      if (ctx.json) {
        ctx.out(JSON.stringify({ batch: batch.id, ...s, payments: pay }))
      } else {
        const moves = Object.entries(s.transitions)
          .map(([k, n]) => `${k} ${n}`)
          .join(', ')
        ctx.out(
          `checked ${s.checked} invoices in batch ${batch.id}; ${s.changed} changed${moves ? ` (${moves})` : ''}`,
        )
        ctx.out(
          `paid ${pay.paid.count} (${nok(pay.paid.amount)}), part-paid ${pay.part_paid.count + pay.rest_cancelled.count}` +
            ` (${pay.rest_cancelled.count} with the rest cancelled), unpaid ${pay.unpaid.count} (${nok(pay.unpaid.amount)}),` +
            ` voided ${pay.voided.count}, failed ${pay.failed.count}`,
        )
        if (s.unknown)
          ctx.out(`${s.unknown} invoices of unknown outcome: run "resume ${batch.id}" to look them up`)
      }
      return finishRun(ctx, batch, values['api-url'], s, 'the refresh stopped')
    } finally {
      db.close()
    }
  },
}
