/**
 * Findings about the whole file rather than one invoice: required fields with no column and no
 * default, and columns whose `1,500`-style numbers only the file's locale could settle.
 */
import type { CanonicalField } from '../../shared/canonical'
import { type Dec, decToString, parseNumberText } from '../../shared/money'
import type { RawCell } from '../import/types'
import { fieldLabels, makeIssue, type Plan } from './field-sources'
import type { NumberField, SeparatorVotes } from './number-cells'
import type { Issue } from './types'

const REQUIRED_FIELDS: { field: CanonicalField; alt?: CanonicalField[] }[] = [
  { field: 'merchant_reference' },
  { field: 'days_until_due', alt: ['due_date'] },
  { field: 'description' },
  { field: 'amount', alt: ['unit_price', 'amount_excl_vat', 'unit_price_excl_vat'] },
  { field: 'vat', alt: ['vat_code'] },
]

/** Labels as `A`, `A or B`, `A, B or C` (`eller` in Norwegian). */
function listed(names: readonly { en: string; nb: string }[], lang: 'en' | 'nb'): string {
  const words = names.map((n) => n[lang])
  const or = lang === 'en' ? 'or' : 'eller'
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} ${or} ${words.at(-1)}`
}

/** A row with no reference belongs to no invoice. */
export function referenceMissing(plan: Plan, line: number): Issue {
  return makeIssue(plan, {
    severity: 'error',
    code: 'reference_missing',
    rows: [line],
    field: 'merchant_reference',
    value: null,
  })
}

/** One error per required field (or set of alternatives) with neither a column nor a fixed value. */
export function missingFields(plan: Plan): Issue[] {
  const out: Issue[] = []
  for (const r of REQUIRED_FIELDS) {
    const fields = [r.field, ...(r.alt ?? [])]
    if (fields.some((f) => plan.col[f] >= 0 || plan.fill[f] !== undefined)) continue
    const names = fields.map((f) => fieldLabels(f))
    out.push(
      makeIssue(plan, {
        severity: 'error',
        code: 'field_not_mapped',
        rows: [],
        field: r.field,
        column: null,
        labels: { en: listed(names, 'en'), nb: listed(names, 'nb') },
        ...(names.length > 1 && { extra: '(one of them is needed)', extra_nb: '(ett av dem trengs)' }),
      }),
    )
  }
  return out
}

/** One warning per column whose `1,500`-style values were settled by the file's locale. */
export function ambiguityWarnings(
  plan: Plan,
  ambiguous: readonly { field: NumberField; line: number; value: RawCell | undefined }[],
  votes: SeparatorVotes,
): Issue[] {
  const rowsBy = new Map<NumberField, { rows: number[]; value: RawCell | undefined; read?: Dec }>()
  for (const a of ambiguous) {
    const decided = votes.decided.get(a.field)
    if (!decided?.byLocale) continue
    let e = rowsBy.get(a.field)
    if (!e) {
      const p =
        typeof a.value === 'string' ? parseNumberText(a.value.replace('%', ''), decided.sep) : undefined
      e = { rows: [], value: a.value, read: p?.kind === 'ok' ? p.value : undefined }
      rowsBy.set(a.field, e)
    }
    e.rows.push(a.line)
  }
  const out: Issue[] = []
  for (const [field, e] of rowsBy) {
    const sep = votes.decided.get(field)?.sep
    const read = e.read ? decToString(e.read) : '?'
    out.push(
      makeIssue(plan, {
        severity: 'warning',
        code: 'number_ambiguous',
        rows: e.rows,
        field,
        value: e.value,
        extra: read,
        extra_nb: read.replace('.', ','),
        comma: sep === ',',
      }),
    )
  }
  return out
}
