import type { ComparedCustomer, Comparison } from '../../shared/comparison'
import { formatOre } from '../../shared/money'
import { describeRows } from '../invoice/messages'
import type { Issue } from '../invoice/types'

/** The comparison as warnings (codes as in COMPARISON_CODES), each naming its rows and references, in en and nb. */

const kr = (ore: number) => ({ en: `${formatOre(ore, 'en')} NOK`, nb: `${formatOre(ore, 'nb')} kr` })

function who(c: ComparedCustomer): { en: string; nb: string } {
  const id = c.organization_number ? `org. no. ${c.organization_number}` : c.email
  const id_nb = c.organization_number ? `org.nr. ${c.organization_number}` : c.email
  const same = !id || c.name === c.email
  return { en: same ? c.name : `${c.name} (${id})`, nb: same ? c.name : `${c.name} (${id_nb})` }
}

function list(items: readonly string[], and: string): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`
}

function pct(p: number, lang: 'nb' | 'en'): string {
  const s = `${p > 0 ? '+' : ''}${p.toFixed(1)} %`
  return lang === 'nb' ? s.replace('.', ',').replace('-', '−') : s
}

function warning(
  code: string,
  rows: number[],
  reference: string | undefined,
  message: string,
  message_nb: string,
): Issue {
  const w: Issue = {
    severity: 'warning',
    code,
    rows,
    column: null,
    field: null,
    value: null,
    message,
    message_nb,
  }
  if (reference !== undefined) w.merchant_reference = reference
  return w
}

export function comparisonWarnings(c: Comparison): Issue[] {
  const out: Issue[] = []
  for (const d of c.possible_duplicates) {
    const rows = d.invoices.flatMap((i) => i.rows)
    const where = describeRows(rows)
    const refs = d.invoices.map((i) => i.merchant_reference)
    const w = who(d.customer)
    const total = kr(d.amount)
    out.push(
      warning(
        'possible_duplicate',
        rows,
        refs[refs.length - 1],
        `${where.en}: invoices ${list(refs, 'and')} to ${w.en} may be the same invoice twice: same total ${total.en} and the same lines.`,
        `${where.nb}: fakturaene ${list(refs, 'og')} til ${w.nb} kan være samme faktura to ganger: samme sum ${total.nb} og de samme linjene.`,
      ),
    )
  }
  for (const m of c.customers_missing) {
    const w = who(m.customer)
    const total = kr(m.previous_amount)
    const refs = m.previous_references.join(', ')
    out.push(
      warning(
        'customer_missing',
        [],
        undefined,
        `${w.en} was invoiced in the previous run (${refs}, ${total.en}) but is not in this one.`,
        `${w.nb} ble fakturert i forrige kjøring (${refs}, ${total.nb}), men er ikke med i denne.`,
      ),
    )
  }
  for (const n of c.customers_new) {
    const where = describeRows(n.rows)
    const w = who(n.customer)
    const total = kr(n.amount)
    const refs = n.references.join(', ')
    out.push(
      warning(
        'customer_new',
        n.rows,
        n.references[0],
        `${where.en}: ${w.en} was not in the previous run (${refs}, ${total.en}).`,
        `${where.nb}: ${w.nb} var ikke med i forrige kjøring (${refs}, ${total.nb}).`,
      ),
    )
  }
  for (const a of c.amounts_changed) {
    const where = describeRows(a.rows)
    const w = who(a.customer)
    const now = kr(a.amount)
    const before = kr(a.previous_amount)
    out.push(
      warning(
        'amount_changed',
        a.rows,
        a.references[0],
        `${where.en}: ${w.en} is invoiced ${now.en}, against ${before.en} in the previous run (${pct(a.change_percent, 'en')}).`,
        `${where.nb}: ${w.nb} faktureres ${now.nb}, mot ${before.nb} i forrige kjøring (${pct(a.change_percent, 'nb')}).`,
      ),
    )
  }
  for (const o of c.amount_outliers) {
    const where = describeRows(o.rows)
    const amount = kr(o.amount)
    const median = kr(o.median)
    out.push(
      warning(
        'amount_outlier',
        o.rows,
        o.merchant_reference,
        `${where.en}: the line "${o.description}" on invoice ${o.merchant_reference} is ${amount.en}, more than 10 times the usual ${median.en} (median of ${o.lines} lines with that description).`,
        `${where.nb}: linjen «${o.description}» på faktura ${o.merchant_reference} er ${amount.nb}, over 10 ganger det vanlige ${median.nb} (median av ${o.lines} linjer med den teksten).`,
      ),
    )
  }
  return out
}
