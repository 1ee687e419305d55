import type { PlanView } from '../../../../shared/contract'
import { useI18n } from '../../i18n/I18nProvider'

/** How many lines a list shows when opened; the rest are counted ("… and 200 more"). */
const SHOWN = 100

/**
 * What the plan leaves out (invoices already invoiced, invoices with errors), each list a count
 * that opens, so hundreds of left-out invoices do not push the decision off the screen.
 */
export function PlanLeftOut({ plan }: { plan: PlanView }) {
  const { t, lang, num } = useI18n()
  const { duplicates, leftOut } = plan
  if (duplicates.length === 0 && leftOut.length === 0) return null
  const more = (n: number) =>
    n > SHOWN && <li className="muted">{t('plan.more', { count: num(n - SHOWN) })}</li>
  return (
    <section className="panel plan-left-out" aria-label={t('plan.leftOut', { count: num(leftOut.length) })}>
      {duplicates.length > 0 && (
        <details className="plan-list" data-testid="plan-duplicates-group">
          <summary>{t('plan.duplicates', { count: num(duplicates.length) })}</summary>
          <ul data-testid="plan-duplicates">
            {duplicates.slice(0, SHOWN).map((d) => (
              <li key={d.reference}>
                {t('plan.duplicateLine', { reference: d.reference, batch: d.batchId })}
              </li>
            ))}
            {more(duplicates.length)}
          </ul>
        </details>
      )}
      {leftOut.length > 0 && (
        <details className="plan-list" data-testid="plan-left-out-group">
          <summary>{t('plan.leftOut', { count: num(leftOut.length) })}</summary>
          <ul data-testid="plan-left-out">
            {leftOut.slice(0, SHOWN).map((l) => (
              <li key={`${l.reference}:${l.rows[0] ?? 0}`}>
                {t('plan.leftOutLine', {
                  reference: l.reference,
                  message: lang === 'nb' ? l.message_nb : l.message,
                })}
              </li>
            ))}
            {more(leftOut.length)}
          </ul>
        </details>
      )}
    </section>
  )
}
