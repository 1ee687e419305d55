import type { ImportSummary } from '../../../../shared/contract'
import { customerType, formatRate } from '../../i18n/format'
import { useI18n } from '../../i18n/I18nProvider'

/** What the file adds up to: the numbers a bookkeeper checks before sending. */
export function TotalsPanel({ summary: s }: { summary: ImportSummary }) {
  const { t, lang, money, num } = useI18n()
  return (
    <aside className="panel totals" aria-labelledby="totals-title" data-testid="totals">
      <h2 id="totals-title">{t('review.totals')}</h2>
      <dl className="kv">
        <dt>{t('review.invoices')}</dt>
        <dd data-testid="totals-invoices">{num(s.invoices)}</dd>
        <dt>{t('review.invalidInvoices')}</dt>
        <dd data-testid="totals-invalid">{num(s.invalidInvoices)}</dd>
        <dt>{t('review.lines')}</dt>
        <dd data-testid="totals-lines">{num(s.lines)}</dd>
        <dt>{t('review.total')}</dt>
        <dd data-testid="totals-amount">
          <strong>{money(s.totalAmount)}</strong>
        </dd>
        <dt>{t('review.vat')}</dt>
        <dd>{money(s.vatAmount)}</dd>
        {s.byVat.map((v) => (
          <div key={v.rate} className="kv-sub" data-testid="totals-vat">
            <dt>{t('review.vatRate', { rate: formatRate(v.rate, lang) })}</dt>
            <dd>
              {money(v.vatAmount)} <span className="muted">({money(v.amount)})</span>
            </dd>
          </div>
        ))}
      </dl>
      <p className="muted" data-testid="totals-price-basis" data-basis={s.priceBasis.basis ?? ''}>
        {lang === 'nb' ? s.priceBasis.message_nb : s.priceBasis.message}
      </p>
      <h3>{t('review.byType')}</h3>
      <dl className="kv">
        {s.byProductType.map((p) => (
          <div key={p.type} className="kv-sub">
            <dt>{customerType(p.type, lang)}</dt>
            <dd>
              {num(p.invoices)} · {money(p.amount)}
            </dd>
          </div>
        ))}
      </dl>
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
