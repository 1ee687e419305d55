import type { InvoiceDetail } from '../../../../shared/contract'
import { formatDateTime } from '../../i18n/format'
import { useI18n } from '../../i18n/I18nProvider'
import { attemptText } from './labels'
import { isDinteroAnswer } from './refusal'

/**
 * What support or a developer asks for, folded away: the transaction id, each attempt's HTTP status
 * and duration, and the request that was sent.
 */
export function TechnicalDetails({ detail }: { detail: InvoiceDetail }) {
  const { t, num, lang } = useI18n()
  return (
    <details className="run-technical" data-testid="drawer-technical">
      <summary>{t('run.technical')}</summary>
      <dl className="run-facts">
        <dt>{t('run.transaction')}</dt>
        <dd data-testid="drawer-transaction">{detail.transactionId || '—'}</dd>
        {isDinteroAnswer(detail.row.error) && (
          <>
            <dt>{t('run.dinteroAnswer')}</dt>
            <dd data-testid="drawer-dintero-answer">
              <code>{detail.row.error}</code>
            </dd>
          </>
        )}
      </dl>
      {detail.attempts.length > 0 && (
        <table className="run-attempts" data-testid="drawer-attempts-technical">
          <thead>
            <tr>
              <th scope="col">{t('run.attemptAt')}</th>
              <th scope="col">{t('run.attemptKind')}</th>
              <th scope="col">{t('run.attemptStatus')}</th>
              <th scope="col">{t('run.attemptMs')}</th>
            </tr>
          </thead>
          <tbody>
            {detail.attempts.map((a, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: attempts are append-only and never reordered
              <tr key={i}>
                <td>{formatDateTime(a.at, lang, true)}</td>
                <td>{attemptText(a.kind, t)}</td>
                <td>{a.httpStatus ?? '—'}</td>
                <td>{a.durationMs === null ? '—' : num(a.durationMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h4>{t('run.request')}</h4>
      <pre className="run-json">{JSON.stringify(detail.request, null, 2)}</pre>
    </details>
  )
}
