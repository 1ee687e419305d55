import type { VatLine } from '../../../shared/contract'
import { customerType, formatRate } from '../i18n/format'
import { useI18n } from '../i18n/I18nProvider'
import './figure-tables.css'

/**
 * What the invoices add up to per VAT rate, with its column headings: rate, lines, amount including
 * VAT and the VAT in it. The same table wherever the breakdown is shown (Review, Plan).
 */
export function VatTable({ lines, testId }: { lines: readonly VatLine[]; testId?: string }) {
  const { t, lang, money, num } = useI18n()
  return (
    <table className="simple figures" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{t('figures.rate')}</th>
          <th scope="col" className="num">
            {t('figures.lines')}
          </th>
          <th scope="col" className="num">
            {t('figures.amountInclVat')}
          </th>
          <th scope="col" className="num">
            {t('figures.vat')}
          </th>
        </tr>
      </thead>
      <tbody>
        {lines.map((v) => (
          <tr key={v.rate} data-testid={testId && `${testId}-row`} data-rate={v.rate}>
            <th scope="row">{formatRate(v.rate, lang)}</th>
            <td className="num">{num(v.lines)}</td>
            <td className="num">{money(v.amount)}</td>
            <td className="num">{money(v.vatAmount)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export interface TypeLine {
  type: string
  invoices: number
  amount: number
}

/** Invoices and amount per customer type, the type in words (Bedrift, Privat …). */
export function CustomerTypeTable({ lines, testId }: { lines: readonly TypeLine[]; testId?: string }) {
  const { t, lang, money, num } = useI18n()
  return (
    <table className="simple figures" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{t('figures.customerType')}</th>
          <th scope="col" className="num">
            {t('figures.invoices')}
          </th>
          <th scope="col" className="num">
            {t('figures.amountInclVat')}
          </th>
        </tr>
      </thead>
      <tbody>
        {lines.map((p) => (
          <tr key={p.type} data-testid={testId && `${testId}-row`} data-type={p.type}>
            <th scope="row">{customerType(p.type, lang)}</th>
            <td className="num">{num(p.invoices)}</td>
            <td className="num">{money(p.amount)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
