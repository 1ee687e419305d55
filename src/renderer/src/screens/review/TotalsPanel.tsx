import type { ReactNode } from 'react'
import type { ImportSummary } from '../../../../shared/contract'
import { CustomerTypeTable, VatTable } from '../../components/FigureTables'
import { useI18n } from '../../i18n/I18nProvider'
import './totals-panel.css'

/** One figure: its label on the left, the value right-aligned on the same line. */
function Figure({ label, testId, children }: { label: string; testId?: string; children: ReactNode }) {
  return (
    <div className="totals-row">
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  )
}

/** What the file adds up to: the numbers a bookkeeper checks before sending. */
export function TotalsPanel({ summary: s }: { summary: ImportSummary }) {
  const { t, lang, money, num } = useI18n()
  return (
    <aside className="panel totals" aria-labelledby="totals-title" data-testid="totals">
      <h2 id="totals-title">{t('review.totals')}</h2>
      <dl className="totals-figures" data-testid="totals-figures">
        <Figure label={t('review.invoices')} testId="totals-invoices">
          {num(s.invoices)}
        </Figure>
        <Figure label={t('review.invalidInvoices')} testId="totals-invalid">
          {num(s.invalidInvoices)}
        </Figure>
        <Figure label={t('review.lines')} testId="totals-lines">
          {num(s.lines)}
        </Figure>
        <Figure label={t('review.total')} testId="totals-amount">
          <strong>{money(s.totalAmount)}</strong>
        </Figure>
        <Figure label={t('review.vat')} testId="totals-vat-amount">
          {money(s.vatAmount)}
        </Figure>
      </dl>
      {s.byVat.length > 0 && <VatTable lines={s.byVat} testId="totals-vat" />}
      <p className="muted" data-testid="totals-price-basis" data-basis={s.priceBasis.basis ?? ''}>
        {lang === 'nb' ? s.priceBasis.message_nb : s.priceBasis.message}
      </p>
      <h3>{t('review.byType')}</h3>
      <CustomerTypeTable lines={s.byProductType} testId="totals-types" />
      <h3>{t('review.duplicates')}</h3>
      {s.duplicates.length === 0 ? (
        <p className="muted">{t('review.duplicatesNone')}</p>
      ) : (
        <ul data-testid="totals-duplicates">
          {s.duplicates.slice(0, 20).map((d) => (
            <li key={d.reference}>
              {d.reference} <span className="muted">({d.batchId})</span>
            </li>
          ))}
          {s.duplicates.length > 20 && <li>…</li>}
        </ul>
      )}
    </aside>
  )
}
