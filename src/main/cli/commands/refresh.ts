import {
  type RefreshSummary,
  batchesToRefresh,
  paymentSummary,
  refreshBatch,
  refreshBatches,
} from '../../after-send/refresh'
import { noRefreshCounts } from '../../after-send/refresh-rows'
import { getBatch, resolveBatchId } from '../../journal/reads'
import type { Batch } from '../../journal/types'
import { type CliContext, type Command, Exit, usageError } from '../context'
import { API_URL_HELP, apiUrlOption, batchArg, CREDENTIALS_HELP, opt, parseCommandArgs } from '../options'
import { finishRun, nok, openBatch, withBatchClient } from './after-send-common'
import { openAppDb } from '../../db/store'
import { counted } from '../../values/words'

const usage = `Usage: npm run -s cli -- refresh BATCH [--api-url URL] [--json]
       npm run -s cli -- refresh --all [--since 90d] [--env ENV --account ID] [--api-url URL] [--json]

Re-reads transactions from Dintero (up to 100 per request) and updates each invoice: paid,
part-paid, voided (also voids done elsewhere), voids and captures Dintero has finished. Invoices of
unknown outcome are left to "resume", which looks them up by reference. BATCH may be "latest".

With --all: every invoice that can still change, in every batch of one environment and account
sent in the last 90 days (or --since Nd), in one pass — for a scheduled job. The environment and
account are those of the newest batch unless --env and --account say otherwise.

Options:
${API_URL_HELP}
  --since Nd      with --all: how far back, in days (default 90d)

${CREDENTIALS_HELP}
Exit codes: 0 done, 1 some transactions could not be read, 2 usage/credentials, 3 interrupted.`

function parseSince(raw: string | undefined): number {
  if (raw === undefined) return 90
  const m = /^(\d{1,5})d?$/.exec(raw.trim())
  if (!m || Number(m[1]) < 1) throw usageError(`--since must be a number of days such as 90d, got "${raw}".`)
  return Number(m[1])
}

/** The lines every refresh prints: what was read and what moved, then where the batch(es) stand. */
function report(
  ctx: CliContext,
  what: string,
  s: RefreshSummary,
  payments: ReturnType<typeof paymentSummary>[],
) {
  const moves = Object.entries(s.transitions)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ')
  ctx.out(
    `checked ${s.checked} of ${counted(s.total, 'invoice', 'invoices')} in ${what}; ${s.changed} changed${moves ? ` (${moves})` : ''}`,
  )
  ctx.out(`${s.paid} paid since the last refresh (${nok(s.paidAmount)})`)
  const sum = (k: 'paid' | 'part_paid' | 'rest_cancelled' | 'unpaid' | 'voided' | 'failed') =>
    payments.reduce((acc, p) => ({ count: acc.count + p[k].count, amount: acc.amount + p[k].amount }), {
      count: 0,
      amount: 0,
    })
  const [paid, part, rest, unpaid, voided, failed] = (
    ['paid', 'part_paid', 'rest_cancelled', 'unpaid', 'voided', 'failed'] as const
  ).map(sum)
  ctx.out(
    `paid ${paid.count} (${nok(paid.amount)}), part-paid ${part.count + rest.count}` +
      ` (${rest.count} with the rest cancelled), unpaid ${unpaid.count} (${nok(unpaid.amount)}),` +
      ` voided ${voided.count}, failed ${failed.count}`,
  )
}

export const command: Command = {
  name: 'refresh',
  summary: 'update batches with payments and voids from Dintero',
  usage,
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs('refresh', args, {
      ...apiUrlOption,
      all: opt.flag,
      since: opt.string,
      env: opt.string,
      account: opt.string,
    })
    if (!values.all) {
      if (values.since || values.env || values.account)
        throw usageError('--since, --env and --account go with --all. See --help.')
      return refreshOne(ctx, batchArg('refresh', positionals), values['api-url'])
    }
    if (positionals.length) throw usageError(`refresh --all takes no batch, got "${positionals.join(' ')}".`)
    const days = parseSince(values.since)
    const db = openAppDb(ctx.dataDir)
    try {
      const newest = getBatch(db, resolveBatchId(db, 'latest'))!
      const env = values.env ?? newest.env
      const account = values.account ?? newest.account
      const since = new Date(Date.now() - days * 86_400_000)
      const batches = batchesToRefresh(db, env, account, since)
      const what = `${batches.length} ${env} batches of ${account} since ${since.toISOString().slice(0, 10)}`
      const s: RefreshSummary = batches.length
        ? await withBatchClient(ctx, batches[0], values['api-url'], (api) =>
            refreshBatches(db, api, batches, { signal: ctx.signal }),
          )
        : emptySummary()
      ctx.log.info(`refresh --all ${env} ${account}`, { ...s, errors: s.errors.length })
      const payments = batches.map((b) => paymentSummary(db, b.id))
      if (ctx.json)
        ctx.out(
          JSON.stringify({
            env,
            account,
            since: since.toISOString(),
            batches: batches.map((b) => b.id),
            ...s,
          }),
        )
      else report(ctx, what, s, payments)
      return batches.length
        ? finishRun(ctx, batches[0], values['api-url'], s, 'the refresh stopped')
        : Exit.ok
    } finally {
      db.close()
    }
  },
}

function emptySummary(): RefreshSummary {
  return { ...noRefreshCounts(), unknown: 0 }
}

async function refreshOne(ctx: CliContext, ref: string, apiUrl: string | undefined) {
  const { db, batch } = openBatch(ctx, ref)
  try {
    const s = await withBatchClient(ctx, batch, apiUrl, (api) =>
      refreshBatch(db, api, batch.id, { signal: ctx.signal }),
    )
    const pay = paymentSummary(db, batch.id)
    ctx.log.info(`refresh batch ${batch.id}`, { ...s, errors: s.errors.length })
    if (ctx.json) {
      ctx.out(JSON.stringify({ batch: batch.id, ...s, payments: pay }))
    } else {
      report(ctx, `batch ${batch.id}`, s, [pay])
      if (s.unknown)
        ctx.out(
          `${counted(s.unknown, 'invoice', 'invoices')} of unknown outcome: run "resume ${batch.id}" to look them up`,
        )
    }
    return finishRun(ctx, batch as Batch, apiUrl, s, 'the refresh stopped')
  } finally {
    db.close()
  }
}
