/**
 * Which VAT basis the prices of an import were read on, and from which columns, in words. The
 * CLI summary (`summary.price_basis`), Review and Plan all show this one text.
 */
import { type CanonicalField, FIELD_BY_NAME, PRICE_FIELDS, type PriceBasis } from './canonical'

export interface PriceBasisColumn {
  field: CanonicalField
  /** The column's header. */
  column: string
  basis: PriceBasis
  label_en: string
  label_nb: string
  /** True when the header itself says including or excluding VAT. */
  stated: boolean
}

export interface PriceBasisSummary {
  /** The basis the amounts were computed from (excluding wins when a line has both); null without prices. */
  basis: PriceBasis | null
  columns: PriceBasisColumn[]
  message: string
  message_nb: string
}

const col = (xs: readonly unknown[]) => (xs.length === 1 ? 'column' : 'columns')
const kol = (xs: readonly unknown[]) => (xs.length === 1 ? 'kolonnen' : 'kolonnene')
const list = (xs: string[], and: string) =>
  xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} ${and} ${xs[xs.length - 1]}`

export function describePriceBasis(
  cols: readonly { field: CanonicalField; column: string; stated: boolean }[],
): PriceBasisSummary {
  const columns: PriceBasisColumn[] = []
  for (const c of cols) {
    const p = PRICE_FIELDS[c.field]
    const info = FIELD_BY_NAME.get(c.field)
    if (!p || !info) continue
    columns.push({ ...c, basis: p.basis, label_en: info.label_en, label_nb: info.label_nb })
  }
  if (columns.length === 0)
    return {
      basis: null,
      columns,
      message: 'No price column is mapped.',
      message_nb: 'Ingen priskolonne er koblet.',
    }
  const basis: PriceBasis = columns.some((c) => c.basis === 'excl') ? 'excl' : 'incl'
  const main = columns.filter((c) => c.basis === basis)
  const checks = columns.filter((c) => c.basis !== basis)
  const en = (c: PriceBasisColumn) => `"${c.column}" (${c.label_en})`
  const nb = (c: PriceBasisColumn) => `«${c.column}» (${c.label_nb})`
  let message =
    basis === 'excl'
      ? `Prices excluding VAT, from ${col(main)} ${list(main.map(en), 'and')}; VAT is added per line.`
      : `Prices including VAT, from ${col(main)} ${list(main.map(en), 'and')}.`
  let message_nb =
    basis === 'excl'
      ? `Priser eksklusiv mva, fra ${kol(main)} ${list(main.map(nb), 'og')}; mva legges til per linje.`
      : `Priser inkludert mva, fra ${kol(main)} ${list(main.map(nb), 'og')}.`
  if (checks.length > 0) {
    message += ` Checked against ${col(checks)} ${list(checks.map(en), 'and')}.`
    message_nb += ` Kontrollert mot ${kol(checks)} ${list(checks.map(nb), 'og')}.`
  }
  for (const c of columns.filter((x) => !x.stated)) {
    message += ` The header "${c.column}" does not say; read as ${c.basis === 'excl' ? 'excluding' : 'including'} VAT.`
    message_nb += ` Overskriften «${c.column}» sier ikke hvilken; lest som ${c.basis === 'excl' ? 'eksklusiv' : 'inkludert'} mva.`
  }
  return { basis, columns, message, message_nb }
}
