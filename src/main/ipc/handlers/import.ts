import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { isCanonicalField, PRICE_FIELDS } from '../../../shared/canonical'
import { AppError } from '../../../shared/errors'
import { checkConfirmation, confirmPlan } from '../../import-sessions/confirm'
import { checkOpenPath } from '../../import/open-path'
import { headerBasis } from '../../mapping/basis'
import { planView, readView, rowsByLines, rowsPage, summaryView } from '../../import-sessions/views'
import { writeCsvFile } from '../../reports/csv'
import { countFailedForExport, failedRowsReport } from '../../reports/failed-rows'
import { getBatch } from '../../journal/reads'
import { resolveSettings } from '../../engine/settings'
import type { AreaHandlers, HandlerContext } from './context'
import { dialogText } from './dialog-text'
import { importRuntimeFor } from './import-runtime'
import { repeatHandlers } from './repeat'

export const IMPORT_EXTENSIONS = ['csv', 'tsv', 'txt', 'xlsx', 'xlsm', 'xls', 'ods']

function field(name: string) {
  if (!isCanonicalField(name)) throw new AppError('invalid_input', `Unknown field ${name}.`)
  return name
}

export function importHandlers(ctx: HandlerContext): AreaHandlers<'import'> & AreaHandlers<'plan'> {
  const { sessions, scope } = importRuntimeFor(ctx)
  const { settings, environments } = ctx
  const pace = () => resolveSettings(settings.environment(), settings.batchSettings())

  return {
    'import:openDialog': async () => {
      const text = dialogText(ctx)
      const path = await ctx.dialogs.openFile({
        title: text.openSpreadsheet,
        filters: [
          { name: text.spreadsheets, extensions: IMPORT_EXTENSIONS },
          { name: text.allFiles, extensions: ['*'] },
        ],
      })
      if (!path) return null
      return sessions.info(await sessions.open(path))
    },
    // A path from the page (a dropped file) or from the OS ("Open with"): checked before any read.
    'import:openPath': async ({ path }) => sessions.info(await sessions.open(checkOpenPath(path))),
    'import:openFailed': async ({ batchId }) => {
      const batch = getBatch(ctx.db, batchId)
      if (!batch) throw new AppError('no_batch', `There is no batch ${batchId}.`)
      if (countFailedForExport(ctx.db, batchId, { resendable: true }) === 0) {
        throw new AppError('nothing_failed', `Batch ${batchId} has no failed invoices to fix.`, {
          message_nb: `Kjøring ${batchId} har ingen feilede fakturaer å rette.`,
        })
      }
      // The failed invoices become a template-shaped file in the data dir: it maps by itself, and
      // it holds the rows of the "failed rows" export that can be sent again, so both ways of
      // fixing agree (a sum line or an invoice already invoiced is not offered for fixing).
      const dir = join(ctx.dataDir, 'follow-ups')
      mkdirSync(dir, { recursive: true })
      const stamp = ctx.clock().toISOString().replace(/[:.]/g, '-')
      const file = join(dir, `${batchId}-failed-${stamp}.csv`)
      await writeCsvFile(file, failedRowsReport(ctx.db, batchId, { resendable: true }), { delimiter: ';' })
      const s = await sessions.open(file, { followUpOf: batchId, step: 'review' })
      return sessions.info(s)
    },
    ...repeatHandlers(ctx),
    'import:read': async ({ sessionId, overrides }) => {
      const s = sessions.get(sessionId)
      s.setStep('read')
      const r = await s.inspect(overrides)
      return readView(s, r, s.sizeBytes)
    },
    'import:mapping': async ({ sessionId }) => {
      const s = sessions.get(sessionId)
      s.setStep('map')
      return s.mappingView()
    },
    'import:setMapping': async ({ sessionId, field: name, column, constant }) => {
      const s = sessions.get(sessionId)
      const f = field(name)
      const refusal = constant === null ? await s.refusal(f, column) : null
      if (!refusal) s.setField(f, column, constant)
      const view = await s.mappingView()
      return refusal ? { ...view, refusal } : view
    },
    'import:setPriceBasis': async ({ sessionId, field: name, basis }) => {
      const s = sessions.get(sessionId)
      const f = field(name)
      const price = PRICE_FIELDS[f]
      const view = await s.mappingView()
      const column = view.fields.find((x) => x.field === f)?.column
      // Only a column whose header does not say its basis can be read on the other one.
      if (!price || !column || price.basis === basis || headerBasis(column)) return view
      s.setField(f, null, null)
      s.setField(price.other, column, null)
      return s.mappingView()
    },
    'import:validate': async ({ sessionId }) => {
      const s = sessions.get(sessionId)
      s.setStep('review')
      const v = await s.validate()
      return summaryView(ctx.db, s, await s.loadTable(), v, scope())
    },
    'import:rows': async ({ sessionId, problemsOnly, offset, limit }) => {
      const s = sessions.get(sessionId)
      const v = await s.validate()
      return rowsPage(await s.loadTable(), v, problemsOnly, offset, limit)
    },
    'import:findProblem': async ({ sessionId, problemsOnly, from, direction }) => {
      const s = sessions.get(sessionId)
      const v = await s.validate()
      return { index: s.findProblem(v, problemsOnly, from, direction) }
    },
    'import:editCell': async ({ sessionId, line, field: name, value }) => {
      const s = sessions.get(sessionId)
      const { lines, v } = await s.editCell(line, field(name), value)
      const table = await s.loadTable()
      return { rows: rowsByLines(table, v, lines), summary: summaryView(ctx.db, s, table, v, scope()) }
    },
    'import:close': ({ sessionId }) => ({ closed: sessions.close(sessionId) }),
    'plan:get': async ({ sessionId }) => {
      const s = sessions.get(sessionId)
      s.setStep('plan')
      const v = await s.validate()
      return planView(ctx.db, s, v, scope(), pace())
    },
    'plan:leaveOut': async ({ sessionId, reference, leave }) => {
      const s = sessions.get(sessionId)
      const v = await s.validate()
      s.leaveOut(reference, leave)
      return planView(ctx.db, s, v, scope(), pace())
    },
    'plan:confirm': async ({ sessionId, confirmation, canary }) => {
      const s = sessions.get(sessionId)
      const v = await s.validate()
      const sc = scope()
      checkConfirmation(sc, confirmation)
      // Also checks that the environment has credentials before anything is frozen.
      const conn = await environments.forKind(sc.env)
      const batchSettings = resolveSettings(sc.env, { ...settings.batchSettings(), canary })
      const batchId = confirmPlan(ctx.db, s, v, sc, batchSettings, conn.baseUrl, ctx.clock())
      sessions.close(sessionId)
      ctx.log.info('batch created from import', { batchId, invoices: v.session.result().invoices.length })
      return { batchId }
    },
  }
}
