import type { SelectionPreview } from '../../../shared/contract'
import { formatOre } from '../../../shared/money'
import { openAppDb } from '../../db/store'
import type { Db } from '../../db/open'
import type { DinteroApi } from '../../dintero/types'
import type { ActionSummary, AfterSendOptions } from '../../after-send/common'
import { type AfterSendSelection, requireSelection } from '../../after-send/select'
import { getBatch, resolveBatchId } from '../../journal/reads'
import type { Batch } from '../../journal/types'
import { checkApiUrl } from '../../environments/connect'
import { type CliContext, type Command, Exit, type ExitCode } from '../context'
import { API_URL_HELP, apiUrlOption, batchArg, CREDENTIALS_HELP, opt, parseCommandArgs } from '../options'
import { counted } from '../../values/words'

/** Shared by the after-sending commands (void, capture, refresh, export) and resume. */

export const nok = (ore: number) => `${formatOre(ore, 'en')} NOK`

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

/**
 * Connects to Dintero where the batch was sent (`--api-url` overrides its stored address; a
 * sandbox batch without it uses the built-in sandbox on its data-dir file), runs `use` and always
 * closes the connection.
 */
export async function withBatchClient<T>(
  ctx: CliContext,
  batch: Batch,
  apiUrl: string | undefined,
  use: (api: DinteroApi) => Promise<T>,
): Promise<T> {
  const override = apiUrl === undefined ? undefined : checkApiUrl(apiUrl)
  const conn = await ctx.connector.connect({
    kind: batch.env,
    account: batch.account,
    baseUrl: override ?? (batch.env === 'sandbox' ? undefined : batch.base_url),
  })
  try {
    return await use(conn.api)
  } finally {
    conn.close()
  }
}

/** What differs between the void and capture commands; the rest is `actionCommand`. */
export interface ActionCommandSpec {
  name: 'void' | 'capture'
  summary: string
  /** The help's description, between the usage line and the options. */
  about: string
  /** The help's words for --all. */
  all: string
  /** Past participle for the outcome line: "voided", "captured". */
  verb: 'voided' | 'captured'
  /** Completes "kravia-batch: void would …": "cancel", "start". */
  wouldDo: string
  preview(db: Db, batchId: string, selection: AfterSendSelection): SelectionPreview
  act(
    db: Db,
    api: DinteroApi,
    batchId: string,
    selection: AfterSendSelection,
    options: AfterSendOptions,
  ): Promise<ActionSummary>
}

/**
 * `void`/`capture BATCH (--all | --ref REF…) --yes [--api-url URL]`: without --yes only says what
 * it would do (exit 2), so a typo in a reference never sends anything.
 */
export function actionCommand(spec: ActionCommandSpec): Command {
  return {
    name: spec.name,
    summary: spec.summary,
    usage: `Usage: npm run -s cli -- ${spec.name} BATCH (--all | --ref REF [--ref REF…]) --yes [--api-url URL]

${spec.about}

Options:
  --all           ${spec.all}
  --ref REF       one invoice by its merchant reference (repeatable)
  --yes           do it (without it, nothing is sent: the command says what it would ${spec.name}, exit 2)
${API_URL_HELP}

${CREDENTIALS_HELP}
Exit codes: 0 done, 1 some invoices could not be ${spec.verb}, 2 usage/confirmation/credentials, 3 interrupted.`,
    async run(args, ctx) {
      const { values, positionals } = parseCommandArgs(spec.name, args, {
        ...apiUrlOption,
        all: opt.flag,
        ref: opt.repeatable,
        yes: opt.flag,
      })
      const ref = batchArg(spec.name, positionals)
      const selection = requireSelection({ all: values.all, refs: values.ref })
      const { db, batch } = openBatch(ctx, ref)
      try {
        if (!values.yes) {
          const p = spec.preview(db, batch.id, selection)
          ctx.err(
            `kravia-batch: ${spec.name} would ${spec.wouldDo} ${counted(p.count, 'invoice', 'invoices')} (${nok(p.amount)}) in ${batch.env} batch ${batch.id}; nothing was sent. Add --yes to do it.`,
          )
          if (ctx.json)
            ctx.out(JSON.stringify({ batch: batch.id, action: spec.name, confirmed: false, ...p }))
          return Exit.usage
        }
        return await withBatchClient(ctx, batch, values['api-url'], async (api) => {
          const summary = await spec.act(db, api, batch.id, selection, { signal: ctx.signal })
          ctx.log.info(`${spec.name} batch ${batch.id}`, { ...summary, errors: summary.errors.length })
          return reportAction(ctx, batch, spec.verb, summary, values['api-url'])
        })
      } finally {
        db.close()
      }
    },
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
      `${verb} ${s.done} of ${counted(s.count, 'invoice', 'invoices')} (${nok(s.amount)} selected) in batch ${batch.id}`,
    ]
    if (s.pending) parts.push(`${s.pending} accepted by Dintero, not confirmed yet (run refresh)`)
    if (s.failed) parts.push(`${s.failed} failed`)
    ctx.out(parts.join('; '))
  }
  return finishRun(ctx, batch, apiUrl, s, 'the remaining invoices were not sent')
}

/**
 * The end of every after-sending command (void, capture, refresh): per-invoice errors on stderr,
 * one line each, the sandbox hint, and the exit code — credentials refused 2, interrupted 3,
 * any failure 1.
 */
export function finishRun(
  ctx: CliContext,
  batch: Batch,
  apiUrl: string | undefined,
  s: Pick<ActionSummary, 'errors' | 'failed' | 'authFailed' | 'stopped'>,
  /** What a refusal of the credentials left undone, e.g. "the refresh stopped". */
  afterAuthRefused: string,
): ExitCode {
  for (const e of s.errors) ctx.err(`kravia-batch: ${e.reference}: ${e.message}`)
  sandboxHint(
    ctx,
    batch,
    apiUrl,
    s.errors.map((e) => e.message),
  )
  if (s.authFailed) {
    ctx.err(`kravia-batch: Dintero refused the credentials; ${afterAuthRefused}.`)
    return Exit.usage
  }
  if (s.stopped) return Exit.stopped
  return s.failed > 0 ? Exit.invalid : Exit.ok
}

/**
 * A sandbox batch checked against the built-in sandbox's file that does not hold its transactions
 * (it was sent to a `sim` server, or the file was deleted): every read is a 404. Say what to do.
 */
function sandboxHint(ctx: CliContext, batch: Batch, apiUrl: string | undefined, messages: string[]): void {
  if (batch.env !== 'sandbox' || apiUrl !== undefined) return
  if (!messages.some((m) => m.includes('answered 404'))) return
  ctx.err(
    'kravia-batch: the built-in sandbox of this data folder does not know these transactions; if the batch was sent to a sandbox started with "sim", pass its address with --api-url.',
  )
}
