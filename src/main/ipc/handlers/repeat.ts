import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { RepeatPreview } from '../../../shared/contract'
import { writeCsvFile } from '../../reports/csv'
import { repeatBatch } from '../../reports/repeat'
import type { AreaHandlers, HandlerContext } from './context'
import { importRuntimeFor } from './import-runtime'

type RepeatHandlers = Pick<AreaHandlers<'import'>, 'import:repeatPreview' | 'import:openRepeat'>

/** "A new run based on this": preview the choices, then open the new run on Review. */
export function repeatHandlers(ctx: HandlerContext): RepeatHandlers {
  const run = (input: Parameters<RepeatHandlers['import:openRepeat']>[0]) =>
    repeatBatch(ctx.db, input.batchId, { ...input, now: ctx.clock() })
  return {
    'import:repeatPreview': (input): RepeatPreview => {
      const r = run(input)
      return {
        invoices: r.invoices,
        amount: r.amount,
        left: r.left,
        available: r.available,
        examples: r.references.slice(0, 3),
      }
    },
    'import:openRepeat': async (input) => {
      const r = run(input)
      // Written as a template-shaped file in the data dir: it maps by itself, and the user can
      // edit the new run on Review like any import before it is planned and sent.
      const dir = join(ctx.dataDir, 'repeats')
      mkdirSync(dir, { recursive: true })
      const stamp = ctx.clock().toISOString().replace(/[:.]/g, '-')
      const file = join(dir, `${r.batch.id}-repeat-${stamp}.csv`)
      await writeCsvFile(file, r.table, { delimiter: ';' })
      const { sessions } = importRuntimeFor(ctx)
      return sessions.info(await sessions.open(file, { step: 'review' }))
    },
  }
}
