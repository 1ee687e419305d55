import { basename, resolve } from 'node:path'
import { formatOre } from '../../../shared/money'
import { openAppDb } from '../../db/store'
import { type Issue, validateFile } from '../../invoice'
import { loadRememberedMapping } from '../../mapping'
import { freezeBatch } from '../../journal/freeze-validated'
import { confirm, driveRun, printPlan } from '../run'
import { checkApiUrl } from '../../environments/connect'
import { findInvoicedReferences } from '../../journal/invoiced'
import { leftOutLineNumbers, readSourceLines } from '../../journal/left-out-source'
import { summarizeBeforeSend } from '../../journal/batch-summary'
import { comparePlan } from '../../compare'
import { parseToggle, resolveSettings } from '../../engine/settings'
import type { RunEnv } from '../../journal/types'
import { type Command, Exit, usageError } from '../context'
import { importOptionSpec, parseImportOptions } from '../import-options'
import { apiUrlOption, fileArg, opt, parseCommandArgs, requireYesWithoutTerminal } from '../options'
import { counted } from '../../values/words'

const usage = `Usage: npm run -s cli -- submit FILE --env sandbox|test|production [options]

Reads and validates FILE exactly as validate does, shows the plan, freezes the valid invoices into
a batch and sends them to Dintero — each at most once, journaled so a crash or Ctrl-C can be
resumed (resume). Prints "batch <id>" first, then progress.

Import options (as validate): --sheet NAME, --mapping FILE, --no-remembered, --days-until-due N,
  --product-type b2b|b2c|b2b_grouped, --invoice-channel kravia|merchant, --callback-url URL,
  --business-day-due (a due date on a weekend or public holiday moves to the next business day,
  counted on the day each invoice is sent; without it the days are sent exactly as given),
  --prices incl|excl (the VAT basis of price columns whose header does not say; see validate --help)
Run options:
  --env E             sandbox (built-in, no account needed), test or production
  --account ID        Dintero account (T… for test, P… for production; sandbox: T12345678)
  --api-url URL       a sandbox on this machine (http://127.0.0.1:PORT), e.g. one started by sim
  --rate N            requests per second at most (default: 50 sandbox, 5 test/production)
  --concurrency N     requests in flight at most (default: 16 sandbox, 4 test/production)
  --toggle T          duplicate protection: strict-success (default), strict, off (sandbox only)
  --canary N          send the first N invoices, then stop for a check (continue with resume)
  --skip-invalid      send the valid invoices even if some are invalid (they are left out)
  --yes               do not ask for confirmation (required without a terminal and for production)
Credentials for test/production: DINTERO_CLIENT_ID and DINTERO_CLIENT_SECRET (never as options).

Exit codes: 0 every invoice created, 1 invalid input (nothing sent) or some invoices failed,
2 usage, unusable file, missing confirmation or credentials refused, 3 stopped before the end
(Ctrl-C, canary, outcome unknown), 4 internal error.`

const ENVS: readonly RunEnv[] = ['sandbox', 'test', 'production']

function printIssues(ctx: Parameters<Command['run']>[1], errors: Issue[]) {
  if (ctx.json) {
    const issues = errors.map((i) => ({
      code: i.code,
      rows: i.rows,
      column: i.column,
      message: i.message,
      message_nb: i.message_nb,
    }))
    ctx.out(JSON.stringify({ event: 'invalid', errors: issues }))
    return
  }
  ctx.err(
    `kravia-batch: ${errors.length} error(s); nothing was sent (use --skip-invalid to send the valid invoices):`,
  )
  for (const i of errors.slice(0, 50)) ctx.err(`  [${i.code}] ${i.message}`)
  if (errors.length > 50) ctx.err(`  … and ${errors.length - 50} more (validate --json lists all)`)
}

export const command: Command = {
  name: 'submit',
  summary: 'validate a spreadsheet and create its invoices in Dintero (journaled, resumable)',
  usage,
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs('submit', args, {
      ...importOptionSpec,
      ...apiUrlOption,
      env: opt.string,
      account: opt.string,
      rate: opt.number(0.1, 1000),
      concurrency: opt.int(1, 64),
      toggle: opt.string,
      canary: opt.int(1, 1_000_000),
      'skip-invalid': opt.flag,
      yes: opt.flag,
    })
    const file = resolve(fileArg('submit', positionals))
    const env = values.env as RunEnv | undefined
    if (!env || !ENVS.includes(env)) throw usageError('submit needs --env sandbox, test or production.')
    const opts = await parseImportOptions(values)
    const settings = resolveSettings(env, {
      rate: values.rate,
      concurrency: values.concurrency,
      toggle: parseToggle(values.toggle, env),
      canary: values.canary ?? null,
      businessDayDue: opts.businessDayDue,
      defaults: {
        days_until_due: opts.defaults.days_until_due,
        product_type: opts.defaults.payment_product_type,
        invoice_channel: opts.defaults.invoice_channel,
      },
    })
    // Production always needs an explicit --yes.
    requireYesWithoutTerminal('submit', values.yes, ctx.interactive)
    if (!values.yes && env === 'production')
      throw usageError('Sending from production needs --yes (nothing was sent).')
    const apiUrl = values['api-url'] === undefined ? undefined : checkApiUrl(values['api-url'])
    const db = openAppDb(ctx.dataDir)
    // Credentials and the account are checked before reading the file: a typo costs nothing.
    const conn = await ctx.connector
      .connect({
        kind: env,
        account: values.account,
        baseUrl: apiUrl,
      })
      .catch((e: unknown) => {
        db.close()
        throw e
      })
    try {
      const v = await validateFile(file, {
        sheet: opts.sheet,
        mappingFile: opts.mappingFile,
        rememberedFor: opts.useRemembered ? (headers) => loadRememberedMapping(db, headers) : undefined,
        defaults: opts.defaults,
        callbackUrl: opts.callbackUrl,
        businessDayDue: opts.businessDayDue,
        prices: opts.prices,
        invoicedLookup: (refs) => findInvoicedReferences(db, env, conn.accountId, refs),
        invoicedScope: `${env}, account ${conn.accountId}`,
        hooks: { signal: ctx.signal },
        // Nothing edits cells here: rows are let go once checked (less garbage-collector work).
        keepRows: false,
      })
      const r = v.result
      const plan = summarizeBeforeSend(r, settings.rate)
      const compared = comparePlan(db, { env, account: conn.accountId }, r.invoices)
      const hasErrors = r.errors.length > 0 || r.invalid.length > 0
      if (hasErrors && !values['skip-invalid']) {
        printPlan(ctx, plan, `${env} ${conn.accountId}`, compared)
        printIssues(ctx, r.errors)
        return Exit.invalid
      }
      if (r.invoices.length === 0) {
        printIssues(ctx, r.errors)
        ctx.err('kravia-batch: there are no valid invoices to send.')
        return Exit.invalid
      }
      // Every invoice, sent or left out, goes into the batch with its rows as the user wrote them
      // (for the failed-rows export); validation let its rows go, so the lines are read again.
      const lines = leftOutLineNumbers(r)
      for (const inv of r.invoices) for (const l of inv.rows) lines.add(l)
      const sourceRows = await readSourceLines(file, { sheet: opts.sheet }, lines, v.info.sha256)
      const rowAt = (line: number) => sourceRows.get(line)
      const target = `${env} account ${conn.accountId}${env === 'sandbox' ? ' (sandbox — no real invoices are sent)' : ''}`
      if (!values.yes) {
        printPlan(ctx, plan, target, compared)
        const ok = await confirm(
          `Send ${counted(plan.invoices, 'invoice', 'invoices')} (${formatOre(plan.total_amount, 'en')} NOK) to ${target}?`,
        )
        if (!ok) {
          ctx.err('kravia-batch: not confirmed; nothing was sent.')
          return Exit.usage
        }
      }
      const batchId = freezeBatch(db, {
        result: r,
        plan: v.session.plan,
        rowAt,
        source: { name: basename(file), sha256: v.info.sha256 },
        sheet: v.info.sheet ?? null,
        sourceHeaders: v.info.headers,
        mapping: v.suggestion.mapping,
        constants: v.constants,
        settings,
        env,
        account: conn.accountId,
        baseUrl: conn.baseUrl,
      })
      // First line, written before any request leaves, so a wrapper always learns the id.
      ctx.out(ctx.json ? JSON.stringify({ event: 'batch', id: batchId }) : `batch ${batchId}`)
      if (values.yes) printPlan(ctx, plan, target, compared)
      return await driveRun(ctx, { db, client: conn.api, log: ctx.log }, batchId)
    } finally {
      conn.close()
      db.close()
    }
  },
}
