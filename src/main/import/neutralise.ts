/**
 * CSV formula-injection guard (OWASP "CSV injection"): a spreadsheet program runs a cell that
 * starts with `=`, `+`, `-` or `@` (and some also after a leading tab or CR) as a formula, so a
 * customer name like `=HYPERLINK(…)` in an export could run when the user opens it.
 *
 * Rule (the importer applies the exact inverse, see `unneutraliseCsvCell`):
 * - A text cell whose first character after any leading apostrophes is one of `= + - @ \t \r`,
 *   a line feed, NUL, or the full-width `＝ ＋ － ＠` (which some spreadsheet programs fold to their
 *   ASCII forms before deciding whether a cell is a formula) gets one `'` in front — unless it is a plain number (`-12,50`, `-1299.5`, `+5`) or an
 *   E.164 phone number (`+4799999999`), which spreadsheets read as values, not formulas.
 * - Cells that already start with apostrophes before such a character get one more, so that
 *   stripping exactly one `'` on import gives back the original text for every string.
 */

/** The characters that can start a formula, or hide one behind a line break or NUL. */
const TRIGGER_CHARS = '=+\\-@\\t\\r\\n\\0\\uFF1D\\uFF0B\\uFF0D\\uFF20'
const TRIGGER = new RegExp(`^'*[${TRIGGER_CHARS}]`)
/** A cell our own export prefixed with one `'`; the importer removes exactly that one. */
export const NEUTRALISED = new RegExp(`^'+[${TRIGGER_CHARS}]`)
/** A signed decimal number, decimal point or comma, optional space/NBSP thousands groups. */
const PLAIN_NUMBER = /^[+-]?(?:\d+|\d{1,3}(?:[ \u00a0]\d{3})+)(?:[.,]\d+)?$/
/** E.164: `+`, a non-zero country digit, at most 15 digits in all. */
const E164_PHONE = /^\+[1-9]\d{4,14}$/

export function isPlainNumber(text: string): boolean {
  return PLAIN_NUMBER.test(text)
}

export function isE164Phone(text: string): boolean {
  return E164_PHONE.test(text)
}

/** Whether a CSV text cell needs the `'` prefix. */
export function needsNeutralising(text: string): boolean {
  if (!TRIGGER.test(text)) return false
  return !(isPlainNumber(text) || isE164Phone(text))
}

export function neutraliseCsvCell(text: string): string {
  return needsNeutralising(text) ? `'${text}` : text
}

/**
 * The importer's side: removes the one `'` the exporter added. Only cells the exporter could
 * have prefixed are touched, so an ordinary `'quoted'` text stays as it is.
 */
export function unneutraliseCsvCell(text: string): string {
  return NEUTRALISED.test(text) ? text.slice(1) : text
}
