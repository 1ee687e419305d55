import { CANONICAL_FIELDS, type CanonicalField } from '../../shared/canonical'
import { AppError } from '../../shared/errors'
import { readTable } from '../import'
import { shown } from '../import/errors'
import type { RawCell, ReadOptions, SourceRow } from '../import/types'
import { cellOf, type Plan } from '../invoice/field-sources'
import { issueFields } from '../invoice/issue-fields'
import type { Issue, ValidationResult } from '../invoice/types'
import type { LeftOutInput, LeftOutIssue, LeftOutLine, LineValue, SourceCell } from './left-out'

/** From a validation result to the left-out list createBatch stores (CLI submit and the app's confirm). */

const NUMBER_FIELDS: ReadonlySet<CanonicalField> = new Set([
  'days_until_due',
  'quantity',
  'unit_price',
  'amount',
  'unit_price_excl_vat',
  'amount_excl_vat',
  'discount_percent',
  'vat',
])

function lineValue(field: CanonicalField, c: RawCell | undefined): LineValue | undefined {
  if (c === null || c === undefined) return undefined
  if (typeof c === 'string') return c.trim() === '' ? undefined : c
  if ('n' in c) {
    if (!NUMBER_FIELDS.has(field)) return c.text ?? String(c.n)
    // 0.25 shown as 25 %: the template's vat and discount columns take the percent (rounded like the validator shows it).
    return c.pct ? Math.round(c.n * 1e8) / 1e6 : c.n
  }
  if ('date' in c) return c.date
  return c.b ? 'TRUE' : 'FALSE'
}

/** A cell as written, for the failed-rows export (a percent cell as its percent, like lineValue). */
function cellAsWritten(c: RawCell | undefined): SourceCell {
  if (c === null || c === undefined || c === '') return null
  if (typeof c === 'string') return c
  if ('n' in c) return c.pct ? Math.round(c.n * 1e8) / 1e6 : c.n
  if ('date' in c) return c.date
  return c.b ? 'TRUE' : 'FALSE'
}

/**
 * The cells of the given source lines as written, every column (lines the caller cannot give
 * back are skipped): what the failed-rows export hands back in the user's own columns.
 */
export function sourceCells(
  rows: readonly number[],
  rowAt: (line: number) => SourceRow | undefined,
): SourceCell[][] {
  const out: SourceCell[][] = []
  for (const line of rows) {
    const row = rowAt(line)
    if (row) out.push(row.cells.map(cellAsWritten))
  }
  return out
}

/** Every canonical field's value on one source row, through the validation's mapping plan. */
export function lineValues(plan: Plan, row: SourceRow): LeftOutLine {
  const out: LeftOutLine = {}
  for (const f of CANONICAL_FIELDS) {
    const v = lineValue(f, cellOf(plan, row, f))
    if (v !== undefined) out[f] = v
  }
  return out
}

const toLeftOutIssue: (i: Issue) => LeftOutIssue = issueFields

/**
 * The left-out list of a validation result, in sheet order: every invalid invoice (already invoiced
 * when the validator says so, as the plan counts it) and every row without a reference, with its lines'
 * values from `rowAt` (a line the caller cannot give back gets no values; the error still shows).
 */
export function leftOutFromResult(
  result: Pick<ValidationResult, 'invalid' | 'errors'>,
  plan: Plan,
  rowAt: (line: number) => SourceRow | undefined,
): LeftOutInput[] {
  const linesOf = (rows: readonly number[]): LeftOutLine[] => {
    const out: LeftOutLine[] = []
    for (const line of rows) {
      const row = rowAt(line)
      if (row) out.push(lineValues(plan, row))
    }
    return out
  }
  const out: LeftOutInput[] = result.invalid.map((inv) => ({
    merchant_reference: inv.merchant_reference,
    rows: inv.rows,
    reason: inv.errors.some((e) => e.code === 'already_invoiced') ? 'already_invoiced' : 'invalid',
    issues: inv.errors.map(toLeftOutIssue),
    lines: linesOf(inv.rows),
    cells: sourceCells(inv.rows, rowAt),
  }))
  for (const e of result.errors) {
    if (e.code !== 'reference_missing' || e.rows.length !== 1) continue
    out.push({
      merchant_reference: '',
      rows: e.rows,
      reason: 'invalid',
      issues: [toLeftOutIssue(e)],
      lines: linesOf(e.rows),
      cells: sourceCells(e.rows, rowAt),
    })
  }
  // Sheet order (an edit in the review grid re-files its invoice at the end of the session's list).
  return out.sort((x, y) => (x.rows[0] ?? 0) - (y.rows[0] ?? 0))
}

/** The source lines a left-out list needs (for reading them back from the file). */
export function leftOutLineNumbers(result: Pick<ValidationResult, 'invalid' | 'errors'>): Set<number> {
  const lines = new Set<number>()
  for (const inv of result.invalid) for (const l of inv.rows) lines.add(l)
  for (const e of result.errors) if (e.code === 'reference_missing') for (const l of e.rows) lines.add(l)
  return lines
}

/**
 * Reads the given lines of a file again (the CLI validates while streaming and keeps no rows of
 * its own). The file must still be the one validated: otherwise the values would not be the ones
 * the errors describe, and nothing is frozen.
 */
export async function readSourceLines(
  file: string,
  options: ReadOptions,
  lines: ReadonlySet<number>,
  sha256: string,
): Promise<Map<number, SourceRow>> {
  const found = new Map<number, SourceRow>()
  if (lines.size === 0) return found
  const res = await readTable(file, options, (rows) => {
    for (const r of rows) if (lines.has(r.line)) found.set(r.line, r)
  })
  if (res.info.sha256 !== sha256) {
    throw new AppError('file_changed', `${shown(file)} changed while it was being read; nothing was sent.`, {
      message_nb: `${shown(file)} ble endret mens den ble lest; ingenting ble sendt.`,
      file,
      exitCode: 2,
    })
  }
  return found
}
