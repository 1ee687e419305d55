import { extname, resolve } from 'node:path'
import { exportBatch, type ReportColumns } from '../../reports/export'
import { checkApiUrl } from '../../environments/connect'
import { type Command, Exit, usageError } from '../context'
import { apiUrlOption, batchArg, opt, parseCommandArgs } from '../options'
import { openBatch } from './after-send-common'
import { counted } from '../../values/words'

const usage = `Usage: npm run -s cli -- export BATCH --out FILE [--format csv|xlsx] [--lang nb|en]
       [--columns accountant|machine] [--failed-only] [--delimiter ;]

Writes a batch report an accountant can file: one row per invoice with invoice number, customer,
org. number, email, customer type (business/private), amount excl. VAT, VAT, amount incl. VAT,
status in words, amount paid and date paid (from Dintero's payments, as the last refresh saw them),
outstanding, invoice and due date, KID, Kravia invoice number, account, transaction, link and error.
XLSX adds a totals row and a second sheet with the batch's summary: counts and sums per status, per
VAT rate and per customer type, paid against outstanding. BATCH may be "latest".

With --columns machine: the journal's own columns for scripts, unchanged between versions
(source_rows, merchant_reference, customer, organization_number, email, amount, vat_amount,
product_type, invoice_channel, state, payment, transaction_id, transaction_status, invoice_number,
invoice_url, kid, account, iban, invoice_date, due_date, error, superseded_by_batch, first_sent_at,
completed_at, updated_at), raw values, one sheet.

With --failed-only: the import template's columns plus "error", one row per invoice line, for
failed, unknown and left-out invoices — fix and import it as a follow-up batch.

Options:
  --out FILE          where to write (replaced if it exists)
  --format csv|xlsx   default: from the file's extension
  --lang nb|en        the report's language (default nb: Norwegian bokmål)
  --columns C         accountant (default) or machine
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
      ...apiUrlOption,
      out: opt.string,
      format: opt.choice(['csv', 'xlsx']),
      'failed-only': opt.flag,
      delimiter: opt.choice([',', ';']),
      lang: opt.choice(['nb', 'en']),
      columns: opt.choice(['accountant', 'machine']),
    })
    const ref = batchArg('export', positionals)
    if (!values.out) throw usageError('export needs --out FILE.')
    if (values['api-url'] !== undefined) checkApiUrl(values['api-url'])
    const ext = extname(values.out).slice(1).toLowerCase()
    const format: string = values.format ?? ext
    if (format !== 'csv' && format !== 'xlsx') {
      throw usageError(`Cannot tell the format from "${values.out}": add --format csv or --format xlsx.`)
    }
    const delimiter = values.delimiter ?? ','
    if (values.delimiter !== undefined && format !== 'csv')
      throw usageError('--delimiter applies to CSV only.')
    const lang = values.lang ?? 'nb'
    const columns: ReportColumns = values.columns ?? 'accountant'
    const { db, batch } = openBatch(ctx, ref)
    try {
      const file = resolve(values.out)
      const failedOnly = values['failed-only'] ?? false
      const r = await exportBatch(db, batch.id, {
        format,
        file,
        failedOnly,
        delimiter,
        columns,
        lang,
      })
      ctx.log.info(`export batch ${batch.id}`, { format, failedOnly, columns, lang, rows: r.rows, ms: r.ms })
      if (ctx.json) {
        ctx.out(JSON.stringify({ batch: batch.id, format, failedOnly, ...r }))
      } else {
        const what = failedOnly
          ? counted(r.rows, 'failed invoice line', 'failed invoice lines')
          : counted(r.rows, 'invoice', 'invoices')
        ctx.out(`exported ${what} of batch ${batch.id} to ${file} (${format}, ${r.bytes} bytes, ${r.ms} ms)`)
      }
      return Exit.ok
    } finally {
      db.close()
    }
  },
}
