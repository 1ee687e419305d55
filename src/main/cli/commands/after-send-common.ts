import { formatOre } from '../../../shared/money'
import { openAppDb } from '../../db/store'
import type { Db } from '../../db/open'
import type { ActionSummary } from '../../runs/after-send/common'
import { getBatch, resolveBatchId } from '../../runs/journal'
import type { Batch } from '../../runs/types'
import { type CliContext, Exit, type ExitCode, usageError } from '../context'

/** Shared by the after-sending commands (void, capture, refresh, export). */

export const nok = (ore: number) => `${formatOre(ore, 'en')} NOK`

export function batchArg(command: string, positionals: string[]): string {
  if (positionals.length === 0) throw usageError(`${command} needs a batch id (or "latest"). See --help.`)
  if (positionals.length > 1) throw usageError(`${command} takes one batch, got "${positionals.join(' ')}".`)
  return positionals[0]
}

export function openBatch(ctx: CliContext, ref: string): { db: Db; batch: Batch } {
  const db = openAppDb(ctx.dataDir)
  try {
    const id = resolveBatchId(db, ref)
    return { db, batch: getBatch(db, id)! }
  } catch (e) {
    db.close()
    throw e
  }
}

/** Prints a void/capture outcome; per-invoice errors go to stderr, one line each. */
export function reportAction(
  ctx: CliContext,
  batch: Batch,
  verb: 'voided' | 'captured',
  s: ActionSummary,
  apiUrl: string | undefined,
): ExitCode {
  if (ctx.json) {
    ctx.out(JSON.stringify({ batch: batch.id, action: verb === 'voided' ? 'void' : 'capture', ...s }))
  } else {
    const parts = [
      `${verb} ${s.done} of ${s.count} invoices (${nok(s.amount)} selected) in batch ${batch.id}`,
    ]
    if (s.pending) parts.push(`${s.pending} accepted by Dintero, not confirmed yet (run refresh)`)
    if (s.failed) parts.push(`${s.failed} failed`)
    ctx.out(parts.join('; '))
  }
  for (const e of s.errors) ctx.err(`kravia-batch: ${e.reference}: ${e.message}`)
  sandboxHint(
    ctx,
    batch,
    apiUrl,
    s.errors.map((e) => e.message),
  )
  if (s.authFailed) {
    ctx.err('kravia-batch: Dintero refused the credentials; the remaining invoices were not sent.')
    return Exit.usage
  }
  if (s.stopped) return Exit.stopped
  return s.failed > 0 ? Exit.invalid : Exit.ok
}

/**
 * A sandbox batch checked against the built-in sandbox's file that does not hold its transactions
 * (it was sent to a `sim` server, or the file was deleted): every read is a 404. Say what to do.
 */
export function sandboxHint(
  ctx: CliContext,
  batch: Batch,
  apiUrl: string | undefined,
  messages: string[],
): void {
  if (batch.env !== 'sandbox' || apiUrl !== undefined) return
  if (!messages.some((m) => m.includes('answered 404'))) return
  ctx.err(
    'kravia-batch: the built-in sandbox of this data folder does not know these transactions; if the batch was sent to a sandbox started with "sim", pass its address with --api-url.',
  )
}
