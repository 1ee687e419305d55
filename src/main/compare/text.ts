import type { Comparison } from '../../shared/comparison'
import { formatOre } from '../../shared/money'
import type { Issue } from '../invoice/types'

const nok = (ore: number) => `${formatOre(ore, 'en')} NOK`
const pct = (p: number | null) => (p === null ? '' : `, ${p > 0 ? '+' : ''}${p.toFixed(1)} %`)

/** The CLI's short comparison section (English, as the rest of its human output). */
export function comparisonLines(c: Comparison, warnings: readonly Issue[], max = 20): string[] {
  const out: string[] = []
  const t = c.totals
  const p = c.previous_batch
  if (p && t.previous) {
    const day = (p.finished_at ?? p.created_at).slice(0, 10)
    out.push(`Compared with the previous run ${p.id} (${p.source_name}, ${day}):`)
    out.push(
      `  invoices ${t.this.invoices} (previous ${t.previous.invoices}${pct(t.change_percent.invoices)}), total ${nok(t.this.amount)} (previous ${nok(t.previous.amount)}${pct(t.change_percent.amount)})`,
    )
  } else
    out.push('Compared: no previous run in this environment and account; only the batch itself was checked.')
  out.push(
    `  possible duplicates ${c.possible_duplicates.length}, customers missing ${c.customers_missing.length}, new customers ${c.customers_new.length}, amounts changed ${c.amounts_changed.length}, unusual amounts ${c.amount_outliers.length}`,
  )
  for (const w of warnings.slice(0, max)) out.push(`  [${w.code}] ${w.message}`)
  if (warnings.length > max) out.push(`  … and ${warnings.length - max} more (use --json for all)`)
  return out
}
