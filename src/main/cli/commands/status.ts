import { formatOre } from '../../../shared/money'
import { openAppDb } from '../../db/store'
import { getBatch, listInvoices, resolveBatchId } from '../../journal/reads'
import { leaseHolder } from '../../engine/lease'
import { iterateLeftOut } from '../../journal/left-out'
import type { InvoiceListItem } from '../../journal/types'
import { type CliContext, type Command, Exit } from '../context'
import { optionalBatchArg, parseCommandArgs } from '../options'
import { counted } from '../../values/words'

const usage = `Usage: npm run -s cli -- status [BATCH] [--json]

Shows a batch (default: the latest) and the state of every invoice in it: pending, sending,
unknown, authorized, awaiting_capture, failed, cancelled, void_pending, voided, part_paid, paid.
Invoices left out when the batch was made (invalid, or already invoiced) are listed after them.
With --json: {"batch": {...}, "invoices": [...], "left_out": [...]}.`

const PAGE = 5000

function* allInvoices(db: Parameters<typeof listInvoices>[0], batchId: string): Generator<InvoiceListItem> {
  let afterId = 0
  for (;;) {
    const page = listInvoices(db, batchId, { afterId, limit: PAGE })
    yield* page
    if (page.length < PAGE) return
    afterId = page[page.length - 1].id
  }
}

/** The items of a JSON array, one line each (`,` leading all but the first). */
function outJsonItems<T>(ctx: CliContext, items: Iterable<T>, shape: (item: T) => unknown): void {
  let first = true
  for (const item of items) {
    const line = JSON.stringify(shape(item))
    ctx.out(first ? line : `,${line}`)
    first = false
  }
}

export const command: Command = {
  name: 'status',
  summary: 'show a batch and the state of each of its invoices',
  usage,
  async run(args, ctx) {
    const { positionals } = parseCommandArgs('status', args, {})
    const ref = optionalBatchArg('status', positionals)
    const db = openAppDb(ctx.dataDir)
    try {
      const id = resolveBatchId(db, ref)
      const b = getBatch(db, id)!
      if (ctx.json) {
        // Written invoice by invoice: a 100k-invoice batch must not be built as one string.
        ctx.out(
          `{"batch":${JSON.stringify({
            id: b.id,
            state: b.state,
            pause_reason: b.pause_reason,
            env: b.env,
            account: b.account,
            created_at: b.created_at,
            finished_at: b.finished_at,
            parent_batch_id: b.parent_batch_id,
            total_amount: b.total_amount,
            counts: b.counts,
          })},"invoices":[`,
        )
        outJsonItems(ctx, allInvoices(db, id), (i) => ({
          merchant_reference: i.merchant_reference,
          rows: i.rows,
          status: i.state,
          transaction_id: i.transaction_id,
          invoice_number: i.invoice_number,
          kid: i.kid,
          due_date: i.kravia_due_date ?? i.due_date,
          amount: i.amount,
          error: i.error_message,
          superseded_by: i.superseded_by_batch,
        }))
        ctx.out('],"left_out":[')
        outJsonItems(ctx, iterateLeftOut(db, id), (l) => ({
          merchant_reference: l.merchant_reference,
          rows: l.rows,
          reason: l.reason,
          error: l.error,
          superseded_by: l.superseded_by,
        }))
        ctx.out(']}')
        return Exit.ok
      }
      const counts = Object.entries(b.counts)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ')
      ctx.out(
        `batch ${b.id}: ${b.state}${b.pause_reason ? ` (${b.pause_reason})` : ''} · ${b.env} ${b.account} · created ${b.created_at}`,
      )
      ctx.out(
        `  ${counted(b.invoice_count, 'invoice', 'invoices')}, ${formatOre(b.total_amount, 'en')} NOK, from ${b.source_name}: ${counts}`,
      )
      const holder = leaseHolder(db, id)
      if (holder) ctx.out(`  being sent by process ${holder.pid} on ${holder.host}`)
      for (const i of allInvoices(db, id)) {
        const extra = i.error_message
          ? ` — ${i.error_message}`
          : i.invoice_number
            ? ` invoice ${i.invoice_number}, KID ${i.kid ?? '–'}`
            : ''
        ctx.out(
          `  ${i.merchant_reference.padEnd(16)} ${i.state.padEnd(16)} ${formatOre(i.amount, 'en').padStart(12)}${extra}`,
        )
      }
      for (const l of iterateLeftOut(db, id)) {
        const why = l.reason === 'already_invoiced' ? 'left out (already invoiced)' : 'left out (invalid)'
        ctx.out(
          `  ${(l.merchant_reference || '–').padEnd(16)} ${why} — rows ${l.rows.join(', ')}: ${l.error}`,
        )
      }
      return Exit.ok
    } finally {
      db.close()
    }
  },
}
