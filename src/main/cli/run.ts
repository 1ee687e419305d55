import { createInterface } from 'node:readline/promises'
import type { RunProgress } from '../../shared/contract'
import { customerTypeWords } from '../../shared/canonical'
import { formatOre } from '../../shared/money'
import type { CliContext, ExitCode } from './context'
import { type RunDeps, type RunSummary, startRun } from '../engine/engine'
import type { Comparison } from '../../shared/comparison'
import { comparisonLines } from '../compare/text'
import type { Issue } from '../invoice/types'
import { silentNotice, transientNotice } from '../engine/notice'
import type { PreSendSummary } from '../journal/batch-summary'
import { counted } from '../values/words'

/** The CLI side of a run (submit and resume): progress lines or JSON events, SIGINT → pause. */

const nok = (ore: number) => `${formatOre(ore, 'en')} NOK`

/** The plan, and (submit) its comparison with the previous run and the warnings it gives. */
export function printPlan(
  ctx: CliContext,
  plan: PreSendSummary,
  target: string,
  compared?: { comparison: Comparison; warnings: Issue[] },
): void {
  if (ctx.json) {
    const extra = compared
      ? {
          comparison: compared.comparison,
          warnings: compared.warnings.map((w) => ({
            code: w.code,
            rows: w.rows,
            merchant_reference: w.merchant_reference ?? null,
            message: w.message,
            message_nb: w.message_nb,
          })),
        }
      : {}
    ctx.out(JSON.stringify({ event: 'plan', ...plan, ...extra }))
    return
  }
  ctx.out(
    `Plan: ${counted(plan.invoices, 'invoice', 'invoices')}, total ${nok(plan.total_amount)}, to ${target}`,
  )
  for (const [pt, x] of Object.entries(plan.by_product_type))
    ctx.out(`  ${customerTypeWords(pt)}: ${counted(x.invoices, 'invoice', 'invoices')}, ${nok(x.amount)}`)
  for (const [rate, x] of Object.entries(plan.by_vat_rate)) {
    ctx.out(
      `  VAT ${rate} %: ${counted(x.lines, 'line', 'lines')}, ${nok(x.amount)} (VAT ${nok(x.vat_amount)})`,
    )
  }
  if (plan.price_basis?.basis) ctx.out(`  ${plan.price_basis.message}`)
  if (plan.left_out.length > 0) {
    ctx.out(
      `  left out: ${plan.invalid - plan.already_invoiced} invalid, ${plan.already_invoiced} already invoiced`,
    )
    for (const l of plan.left_out.slice(0, 20))
      ctx.out(`    ${l.merchant_reference} (rows ${l.rows.join(', ')}): ${l.message}`)
    if (plan.left_out.length > 20) ctx.out(`    … and ${plan.left_out.length - 20} more`)
  }
  if (compared) for (const line of comparisonLines(compared.comparison, compared.warnings)) ctx.out(line)
}

/** Asks on the terminal; only called when a person is there (ctx.interactive). */
export async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr })
  try {
    const answer = await rl.question(`${question} [y/N] `)
    return /^(y|yes|j|ja)$/i.test(answer.trim())
  } finally {
    rl.close()
  }
}

function progressLine(p: RunProgress): string {
  const eta = p.etaSeconds === null ? '' : ` · about ${p.etaSeconds} s left`
  const notice = p.notice ? ` · ${p.notice.message}` : ''
  return `  ${p.done}/${p.total} done · ${p.failed} failed · ${p.rate}/s${p.done < p.total ? eta : ''}${notice}`
}

function endLine(s: RunSummary): string {
  const counts = Object.entries(s.counts)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ')
  switch (s.state) {
    case 'finished':
      return `batch ${s.batchId} finished: ${counts}`
    case 'cancelled':
      return `batch ${s.batchId} cancelled: ${counts}`
    default: {
      const why: Record<string, string> = {
        canary: `canary sent; check those invoices, then run: resume ${s.batchId}`,
        signal: `paused on request; continue with: resume ${s.batchId}`,
        user: `paused; continue with: resume ${s.batchId}`,
        auth: 'Dintero refused the credentials; nothing more was sent',
        unresolved: `${s.unresolved} invoice(s) could not be settled (outcome unknown or blocked); run resume ${s.batchId} later`,
        crash: `stopped early; run resume ${s.batchId}`,
        transient: `${transientNotice(s.counts.pending ?? 0).message} (resume ${s.batchId})`,
        unreachable: `${silentNotice(null).message} (resume ${s.batchId})`,
      }
      return `batch ${s.batchId} paused: ${counts} — ${why[s.pauseReason ?? ''] ?? 'paused'}`
    }
  }
}

/** Runs a batch to its end (or a stop) while printing; returns the exit code. */
export async function driveRun(
  ctx: CliContext,
  deps: RunDeps,
  batchId: string,
  options: { ignoreCanary?: boolean } = {},
): Promise<ExitCode> {
  let lastLine = 0
  let lastNotice = ''
  const handle = startRun(deps, batchId, {
    ignoreCanary: options.ignoreCanary,
    onEvent: ({ progress, rows }) => {
      const now = Date.now()
      if (ctx.json) {
        for (const r of rows) {
          if (r.state === 'sending' || r.state === 'pending') continue
          ctx.out(
            JSON.stringify({
              event: 'invoice',
              id: r.id,
              merchant_reference: r.reference,
              state: r.state,
              error: r.error,
            }),
          )
        }
        const notice = progress.notice?.message ?? ''
        if (now - lastLine >= 500 || progress.state !== 'running' || notice !== lastNotice) {
          lastNotice = notice
          lastLine = now
          ctx.out(JSON.stringify({ event: 'progress', ...progress }))
        }
        return
      }
      for (const r of rows) {
        if (r.state === 'failed') ctx.out(`  failed ${r.reference}: ${r.error ?? ''}`)
      }
      // A new notice (Dintero unreachable, an outage) is shown at once, not at the next second.
      const notice = progress.notice?.message ?? ''
      const news = notice !== '' && notice.replace(/\d+/g, '') !== lastNotice.replace(/\d+/g, '')
      lastNotice = notice
      if ((now - lastLine >= 1000 || news) && progress.state === 'running') {
        lastLine = now
        ctx.out(progressLine(progress))
      }
    },
  })
  const onAbort = () => handle.pause('signal')
  ctx.signal.addEventListener('abort', onAbort, { once: true })
  if (ctx.signal.aborted) onAbort()
  try {
    const summary = await handle.done
    if (ctx.json) {
      ctx.out(
        JSON.stringify({
          event: 'end',
          batch: summary.batchId,
          state: summary.state,
          pause_reason: summary.pauseReason,
          counts: summary.counts,
          unresolved: summary.unresolved,
          exit_code: summary.exitCode,
        }),
      )
    } else ctx.out(endLine(summary))
    if (summary.pauseReason === 'auth')
      ctx.err(
        'kravia-batch: Dintero refused the client id and secret (401/403); check DINTERO_CLIENT_ID and DINTERO_CLIENT_SECRET. Nothing more was sent.',
      )
    return summary.exitCode
  } finally {
    ctx.signal.removeEventListener('abort', onAbort)
  }
}
