import { extname, resolve } from 'node:path'
import { TEMPLATE_SHEET } from '../../invoice/template'
import { writeCsvFile } from '../../reports/csv'
import { repeatBatch } from '../../reports/repeat'
import { writeXlsxFile } from '../../reports/xlsx'
import { type Command, Exit, usageError } from '../context'
import { batchArg, opt, parseCommandArgs } from '../options'
import { nok, openBatch } from './after-send-common'
import { counted } from '../../values/words'

const usage = `Usage: npm run -s cli -- repeat BATCH --reference-pattern P --out FILE
       [--include-voided] [--include-failed] [--start N] [--date YYYY-MM-DD]

Writes a new run based on a finished batch: the same customers and invoice lines, under new
references, as a spreadsheet in the import template's columns. Edit it if you like, then check it
with "validate" and send it with "submit". BATCH may be "latest".

Voided and failed invoices are left out unless you ask for them. A reference the pattern makes that
this environment and account already invoiced is refused, so nobody is billed twice.

Reference pattern placeholders:
  {ref}                the invoice's reference in BATCH
  {yyyy} {yy} {mm} {dd} the new run's date (today in Norway, or --date)
  {n}  {n:4}           a counter from --start (default 1), {n:4} padded to 4 digits
Examples: "{ref}-{yyyy}{mm}" turns ABO-17 into ABO-17-202612; "MEDLEM-{yyyy}-{n:4}" numbers them.

Options:
  --reference-pattern P  how the new references are made (required)
  --out FILE             .csv (";" and decimal commas, as the template) or .xlsx
  --include-voided       also repeat invoices that were voided
  --include-failed       also repeat invoices that failed or were never sent
  --start N              the first counter value for {n} (default 1)
  --date YYYY-MM-DD      the date for {yyyy} {mm} {dd} (default today)`

export const command: Command = {
  name: 'repeat',
  summary: 'write a new run based on a finished batch, with new references',
  usage,
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs('repeat', args, {
      'reference-pattern': opt.string,
      out: opt.string,
      'include-voided': opt.flag,
      'include-failed': opt.flag,
      start: opt.string,
      date: opt.string,
    })
    const ref = batchArg('repeat', positionals)
    const pattern = values['reference-pattern']
    if (!pattern) throw usageError('repeat needs --reference-pattern, e.g. "{ref}-{yyyy}{mm}".')
    if (!values.out) throw usageError('repeat needs --out FILE (.csv or .xlsx).')
    const format = extname(values.out).slice(1).toLowerCase()
    if (format !== 'csv' && format !== 'xlsx') {
      throw usageError(`--out must end in .csv or .xlsx, got "${values.out}".`)
    }
    const start = values.start === undefined ? 1 : Number(values.start)
    if (!Number.isSafeInteger(start) || start < 0) {
      throw usageError(`--start must be a whole number, got "${values.start}".`)
    }
    const { db, batch } = openBatch(ctx, ref)
    try {
      const r = repeatBatch(db, batch.id, {
        pattern,
        includeVoided: values['include-voided'] ?? false,
        includeFailed: values['include-failed'] ?? false,
        start,
        date: values.date,
      })
      const file = resolve(values.out)
      if (format === 'csv') await writeCsvFile(file, r.table, { delimiter: ';' })
      else await writeXlsxFile(file, r.table, { sheetName: TEMPLATE_SHEET })
      ctx.log.info(`repeat batch ${batch.id}`, { invoices: r.invoices, lines: r.lines, left: r.left })
      if (ctx.json) {
        ctx.out(
          JSON.stringify({
            batch: batch.id,
            file,
            invoices: r.invoices,
            lines: r.lines,
            amount: r.amount,
            left_out: r.left,
            references: r.references,
          }),
        )
      } else {
        const first = r.references[0]
        ctx.out(
          `wrote ${counted(r.invoices, 'invoice', 'invoices')} (${counted(r.lines, 'line', 'lines')}, ${nok(r.amount)}) based on batch ${batch.id} to ${file}`,
        )
        ctx.out(`references: ${first.from} → ${first.to}${r.invoices > 1 ? ', …' : ''}`)
        if (r.left.voided > 0 || r.left.failed > 0) {
          ctx.out(
            `left out: ${r.left.voided} voided, ${r.left.failed} failed or not sent (--include-voided, --include-failed)`,
          )
        }
        ctx.out(`next: npm run -s cli -- validate ${JSON.stringify(file)}`)
      }
      return Exit.ok
    } finally {
      db.close()
    }
  },
}
