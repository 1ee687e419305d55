import { useState } from 'react'
import type { ImportIssueView, PlanView } from '../../../../shared/contract'
import { useApi } from '../../app/use-api'
import { Button } from '../../components/Button'
import type { MessageKey } from '../../i18n/catalog'
import type { Lang } from '../../i18n/define'
import { formatDate } from '../../i18n/format'
import { useI18n } from '../../i18n/I18nProvider'
import './plan-comparison.css'

/** The local calendar date of an instant, as the UI writes dates. */
function localDate(iso: string, lang: Lang): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const ymd = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
  return formatDate(ymd, lang)
}

/** A change in % with its sign and one decimal at most (the number is computed in main from whole øre). */
function percent(p: number | null, lang: Lang): string {
  if (p === null) return '–'
  const n = new Intl.NumberFormat(lang === 'nb' ? 'nb-NO' : 'en-GB', {
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(p)
  return `${n} %`
}

const LISTS: [code: string, key: MessageKey][] = [
  ['customer_missing', 'compare.missing'],
  ['customer_new', 'compare.added'],
  ['amount_changed', 'compare.changed'],
  ['amount_outlier', 'compare.outliers'],
]

function Messages({ issues, code }: { issues: ImportIssueView[]; code: string }) {
  const { lang } = useI18n()
  return (
    <ul className="compare-list" data-testid={`compare-${code}`}>
      {issues.map((w, n) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: findings have no identity of their own
        <li key={n} data-code={w.code}>
          {lang === 'nb' ? w.message_nb : w.message}
        </li>
      ))}
    </ul>
  )
}

/**
 * The Plan's check of this month against itself and the previous run: the totals side by side, each
 * finding as a count that opens, one click to leave out a likely duplicate, and due dates moved to a
 * business day. Everything here is a warning; sending stays the user's choice.
 */
export function PlanComparison({ plan, onPlan }: { plan: PlanView; onPlan: (p: PlanView) => void }) {
  const { t, lang, money, num } = useI18n()
  const { api, call } = useApi()
  const [busy, setBusy] = useState(false)
  const c = plan.comparison
  const prev = c.previous_batch
  const byCode = (code: string) => plan.comparisonWarnings.filter((w) => w.code === code)
  const duplicates = byCode('possible_duplicate')

  const leaveOut = async (reference: string, leave: boolean) => {
    setBusy(true)
    const next = await call(api.plan.leaveOut({ sessionId: plan.sessionId, reference, leave }))
    setBusy(false)
    if (next) onPlan(next)
  }

  const findings = plan.comparisonWarnings.length
  return (
    <section
      className="panel plan-comparison"
      aria-labelledby="plan-compare-title"
      data-testid="plan-comparison"
    >
      <h2 id="plan-compare-title">
        {prev
          ? t('compare.title', { date: localDate(prev.finished_at ?? prev.created_at, lang) })
          : t('compare.titleNone')}
      </h2>
      {prev && c.totals.previous ? (
        <table className="simple compare-totals" data-testid="compare-totals">
          <thead>
            <tr>
              <td />
              <th scope="col">{t('compare.column')}</th>
              <th scope="col">{t('compare.columnPrevious')}</th>
              <th scope="col">{t('compare.columnChange')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('compare.invoices')}</th>
              <td className="num">{num(c.totals.this.invoices)}</td>
              <td className="num">{num(c.totals.previous.invoices)}</td>
              <td className="num">{percent(c.totals.change_percent.invoices, lang)}</td>
            </tr>
            <tr>
              <th scope="row">{t('compare.total')}</th>
              <td className="num">{money(c.totals.this.amount)}</td>
              <td className="num">{money(c.totals.previous.amount)}</td>
              <td className="num">{percent(c.totals.change_percent.amount, lang)}</td>
            </tr>
          </tbody>
        </table>
      ) : (
        <p className="muted">{t('compare.noPrevious')}</p>
      )}
      {prev && (
        <p className="muted" data-testid="compare-previous">
          {t('compare.previousFile', { batch: prev.id, file: prev.source_name })}
        </p>
      )}
      {findings === 0 && plan.dueMoved.length === 0 && (
        <p data-testid="compare-nothing">{t('compare.nothing')}</p>
      )}
      {duplicates.length > 0 && (
        <details open className="compare-group compare-warning">
          <summary>{t('compare.duplicates', { count: num(c.possible_duplicates.length) })}</summary>
          <ul className="compare-list" data-testid="compare-possible_duplicate">
            {c.possible_duplicates.map((d, i) => (
              <li key={d.invoices.map((x) => x.merchant_reference).join('|')} data-code="possible_duplicate">
                <span>{lang === 'nb' ? duplicates[i]?.message_nb : duplicates[i]?.message}</span>
                <span className="compare-actions">
                  {d.invoices.slice(1).map((x) => (
                    <Button
                      key={x.merchant_reference}
                      disabled={busy}
                      data-testid={`leave-out-${x.merchant_reference}`}
                      onClick={() => void leaveOut(x.merchant_reference, true)}
                    >
                      {t('compare.leaveOut', { reference: x.merchant_reference })}
                    </Button>
                  ))}
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}
      {LISTS.map(([code, key]) => {
        const list = byCode(code)
        if (list.length === 0) return null
        return (
          <details key={code} className="compare-group compare-warning">
            <summary>{t(key, { count: num(list.length) })}</summary>
            <Messages issues={list} code={code} />
          </details>
        )
      })}
      {plan.dueMoved.length > 0 && (
        <details className="compare-group">
          <summary>{t('compare.dueMoved', { count: num(plan.dueMoved.length) })}</summary>
          <Messages issues={plan.dueMoved} code="due_moved" />
        </details>
      )}
      {plan.leftOutByUser.length > 0 && (
        <div className="compare-group" data-testid="compare-left-out">
          <h3>{t('compare.leftOutByUser', { count: num(plan.leftOutByUser.length) })}</h3>
          <ul className="compare-list">
            {plan.leftOutByUser.map((l) => (
              <li key={l.reference}>
                <span>{t('compare.leftOutLine', { reference: l.reference, rows: l.rows.join(', ') })}</span>
                <Button
                  variant="ghost"
                  disabled={busy}
                  data-testid={`take-back-${l.reference}`}
                  onClick={() => void leaveOut(l.reference, false)}
                >
                  {t('compare.takeBack', { reference: l.reference })}
                </Button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {findings > 0 && <p className="muted compare-note">{t('compare.warningsOnly')}</p>}
    </section>
  )
}
