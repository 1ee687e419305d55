/**
 * Rows → grouped, validated Kravia pay requests. The library the CLI (`validate`), the UI and
 * the runs engine use.
 *
 * Whole file (reader + mapping + validation):
 *   validateFile(file, { sheet?, mappingFile?, remembered? | rememberedFor?(headers), constants?,
 *                        defaults?, callbackUrl?, now?, invoicedLookup?, invoicedScope?, read?, hooks? })
 *     → Promise<FileValidation { info, suggestion (mapping), constants, session, result, rowCount }>
 *   Throws AppError (exit code 2) for unusable files (the reader's errors, duplicate headers
 *   without a mapping file, a mapping file naming absent columns).
 *
 * Rows you already have (e.g. the UI after the mapping screen):
 *   const s = new ValidationSession(headers, { columns, constants?, defaults?, callbackUrl?, now?,
 *                                              decimalCommaHint?, invoicedLookup?, invoicedScope? })
 *   s.addRows(rows)            // any number of times, as chunks arrive (line-level parsing happens here)
 *   s.finish(readIssues?)      // → ValidationResult; settles `1,500`-style numbers per column, groups, checks
 *   s.editCell(line, column, value) → { changed: InvoiceOutcome[], removed: string[] }
 *                              // review-grid edit: re-checks only the invoice(s) the row touches
 *   s.result()                 // the full result again after edits (cheap, cached)
 *   s.invoice(ref)             // one invoice's outcome
 *   validateRows(headers, rows, options) → ValidationResult   (one call)
 *
 * ValidationResult = { invoices: ValidatedInvoice[], invalid: InvalidInvoice[], errors: Issue[],
 *                      warnings: Issue[], summary: Summary }
 * ValidatedInvoice = { merchant_reference, rows, request: PayRequest (exactly Dintero's shape),
 *                      due_date? (recount days at send time with daysUntilDue), amount, vat_amount,
 *                      product_type, customer: { name, email, organization_number? }, warnings }
 * Issue = { severity, code, rows, column, field, value, message, message_nb, merchant_reference? }
 * Results are read-only: empty issue lists are one shared frozen array (copy before changing).
 * For the app, pass `worker: true` to validateFile so parsing runs off the main thread.
 *
 * daysUntilDue(dueDate, now) → number   (Europe/Oslo calendar days; the engine calls it when sending)
 * buildTemplate('csv' | 'xlsx') → Buffer  (the canonical template with example rows and notes)
 */
export type { InvoiceOutcome } from './group'
export { ISSUE_CODES, type IssueCode } from './messages'
export {
  type ChosenMapping,
  chooseMapping,
  MAPPING_SAMPLE_ROWS,
  type MappingChoices,
  readIssueToIssue,
  startValidation,
  type ValidationScope,
} from './import-path'
export { type FileValidation, type ReadFn, type ValidateFileOptions, validateFile } from './pipeline'
export type { ColumnIndexes, Constants } from './field-sources'
export { summarize } from './summary'
export { buildTemplate, TEMPLATE_NOTES_SHEET } from './template'
export type * from './types'
export { type ValidateOptions, ValidationSession, validateRows } from './validate'
export { daysUntilDue, osloToday } from '../values/oslo-date'
