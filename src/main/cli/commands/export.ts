import { extname, resolve } from 'node:path'
import { type ExportFormat, exportBatch } from '../../reports/export'
import { checkApiUrl } from '../../runs/after-send/client'
import { type Command, Exit, parseCommandArgs, usageError } from '../context'
import { batchArg, openBatch } from './after-send-common'

const usage = `Usage: npm run -s cli -- export BATCH --out FILE [--format csv|xlsx] [--failed-only] [--delimiter ;]

Writes a batch report: one row per invoice with source rows, reference, customer, organisation
number, email, amount, VAT, product type, state, transaction id, invoice number and URL, KID,
account, due date, error and times. With --failed-only: the import template's columns plus
"error", one row per invoice line, for failed, unknown and left-out invoices — fix and import it as a
follow-up batch. BATCH may be "latest".

Options:
  --out FILE          where to write (replaced if it exists)
  --format csv|xlsx   default: from the file's extension
  --failed-only       failed, unknown and left-out invoices in the import template's columns
  --delimiter , | ;   CSV only (default ","); with ";" amounts use a decimal comma
  --api-url URL       accepted for symmetry with the other commands; export reads only the journal

CSV is UTF-8 with BOM and CRLF; text starting with = + - @ (a formula) gets a leading '.`

export const command: Command = {
  name: 'export',
  summary: 'write a batch report (CSV or XLSX), or its failed rows',
  usage,
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs('export', args, {
      out: { type: 'string' },
      format: { type: 'string' },
      'failed-only': { type: 'boolean' },
      delimiter: { type: 'string' },
      'api-url': { type: 'string' },
    })
    const ref = batchArg('export', positionals)
    if (!values.out) throw usageError('export needs --out FILE.')
    if (values['api-url'] !== undefined) checkApiUrl(values['api-url'])
    const ext = extname(values.out).slice(1).toLowerCase()
    const format = (values.format ?? ext) as ExportFormat
    if (format !== 'csv' && format !== 'xlsx') {
      throw usageError(
        values.format
          ? `--format must be csv or xlsx, got "${values.format}".`
          : `Cannot tell the format from "${values.out}": add --format csv or --format xlsx.`,
      )
    }
    const delimiter = values.delimiter ?? ','
    if (delimiter !== ',' && delimiter !== ';')
      throw usageError(`--delimiter must be , or ;, got "${delimiter}".`)
    if (values.delimiter !== undefined && format !== 'csv')
      throw usageError('--delimiter applies to CSV only.')
    const { db, batch } = openBatch(ctx, ref)
    try {
      const file = resolve(values.out)
      const failedOnly = values['failed-only'] ?? false
      const r = await exportBatch(db, batch.id, { format, file, failedOnly, delimiter })
      ctx.log.info(`export batch ${batch.id}`, { format, failedOnly, rows: r.rows, ms: r.ms })
      if (ctx.json) {
        ctx.out(JSON.stringify({ batch: batch.id, format, failedOnly, ...r }))
      } else {
        const what = failedOnly ? `${r.rows} failed invoice lines` : `${r.rows} invoices`
        ctx.out(`exported ${what} of batch ${batch.id} to ${file} (${format}, ${r.bytes} bytes, ${r.ms} ms)`)
      }
      return Exit.ok
    } finally {
      db.close()
    }
  },
}
