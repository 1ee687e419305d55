import { useEffect, useState } from 'react'
import type { PlanView } from '../../../../shared/contract'
import { useNavigate } from '../../app/navigation'
import type { RouteOf } from '../../app/routes'
import { EnvBadge } from '../../app/TopBar'
import { useApi } from '../../app/use-api'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { ImportSteps } from '../../components/ImportSteps'
import { customerType, formatRate } from '../../i18n/format'
import { useI18n } from '../../i18n/I18nProvider'
import { confirmationMatches, etaParts } from './eta'
import { PlanComparison } from './PlanComparison'

/** Step 4: exactly what will be sent, where, and how fast; production needs a typed confirmation. */
export function PlanScreen({ route }: { route: RouteOf<'plan'> }) {
  const { t, lang, money, num } = useI18n()
  const { api, call } = useApi()
  const navigate = useNavigate()
  const sessionId = route.sessionId
  const [plan, setPlan] = useState<PlanView | null>(null)
  const [canaryOn, setCanaryOn] = useState(false)
  const [canary, setCanary] = useState(5)
  const [typed, setTyped] = useState('')
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    void call(api.plan.get({ sessionId })).then((p) => p && setPlan(p))
  }, [api, call, sessionId])

  const eta = (seconds: number) => {
    const e = etaParts(seconds)
    const time =
      e.unit === 'seconds'
        ? t('plan.seconds', { n: e.n })
        : e.unit === 'minutes'
          ? t('plan.minutes', { n: e.n })
          : t('plan.hours', { h: e.h, m: e.m })
    return t('plan.etaValue', { time })
  }

  const confirmed = plan ? confirmationMatches(typed, plan.confirmWord) : false
  const canaryValid = !canaryOn || (Number.isInteger(canary) && canary >= 1 && canary <= 1000)
  const send = async () => {
    if (!plan || !confirmed || !canaryValid) return
    setBusy(true)
    const r = await call(
      api.plan.confirm({ sessionId, confirmation: typed, canary: canaryOn ? canary : null }),
    )
    setBusy(false)
    if (r) navigate({ screen: 'run', batchId: r.batchId })
  }

  return (
    <main className="screen" data-testid="plan-screen" aria-busy={!plan}>
      <ImportSteps current="plan" sessionId={sessionId} />
      <h1 tabIndex={-1}>{t('plan.title')}</h1>
      <p className="muted intro">{t('plan.intro')}</p>
      {!plan && <p className="muted">{t('common.loading')}</p>}
      {plan && (
        <div className="cols">
          <section className="panel" aria-labelledby="plan-what">
            <h2 id="plan-what" className="visually-hidden">
              {t('plan.title')}
            </h2>
            {plan.followUpOf && <Alert kind="info">{t('plan.followUp', { batch: plan.followUpOf })}</Alert>}
            {plan.notices.map((n) => (
              <Alert key={n.code} kind="info" testId={`plan-notice-${n.code}`}>
                {lang === 'nb' ? n.message_nb : n.message}
              </Alert>
            ))}
            <dl className="kv plan-kv">
              <dt>{t('plan.environment')}</dt>
              <dd>
                <EnvBadge env={plan.environment} short />
              </dd>
              <dt>{t('plan.account')}</dt>
              <dd className="mono" data-testid="plan-account">
                {plan.account}
              </dd>
              <dt>{t('plan.file')}</dt>
              <dd>{plan.fileName}</dd>
              <dt>{t('plan.invoices')}</dt>
              <dd data-testid="plan-invoices">
                <strong>{num(plan.invoices)}</strong>
              </dd>
              <dt>{t('plan.lines')}</dt>
              <dd data-testid="plan-lines">{num(plan.lines)}</dd>
              <dt>{t('plan.total')}</dt>
              <dd data-testid="plan-total">
                <strong>{money(plan.totalAmount)}</strong>
              </dd>
              <dt>{t('plan.vat')}</dt>
              <dd>{money(plan.vatAmount)}</dd>
              <dt>{t('plan.prices')}</dt>
              <dd data-testid="plan-price-basis" data-basis={plan.priceBasis.basis ?? ''}>
                {lang === 'nb' ? plan.priceBasis.message_nb : plan.priceBasis.message}
              </dd>
              <dt>{t('plan.rate')}</dt>
              <dd>{t('plan.rateValue', { rate: num(plan.rate), concurrency: num(plan.concurrency) })}</dd>
              <dt>{t('plan.eta')}</dt>
              <dd data-testid="plan-eta">{eta(plan.etaSeconds)}</dd>
            </dl>
          </section>
          <section className="panel" aria-labelledby="plan-breakdown">
            <h2 id="plan-breakdown">{t('plan.byVat')}</h2>
            <table className="simple" data-testid="plan-vat">
              <tbody>
                {plan.byVat.map((v) => (
                  <tr key={v.rate}>
                    <th scope="row">{formatRate(v.rate, lang)}</th>
                    <td className="num">{num(v.lines)}</td>
                    <td className="num">{money(v.amount)}</td>
                    <td className="num muted">{money(v.vatAmount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <h2>{t('plan.byType')}</h2>
            <table className="simple">
              <tbody>
                {plan.byProductType.map((p) => (
                  <tr key={p.type}>
                    <th scope="row">{customerType(p.type, lang)}</th>
                    <td className="num">{num(p.invoices)}</td>
                    <td className="num">{money(p.amount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          {(plan.duplicates.length > 0 || plan.leftOut.length > 0) && (
            <section className="panel" aria-label={t('plan.leftOut', { count: num(plan.leftOut.length) })}>
              {plan.duplicates.length > 0 && (
                <>
                  <h2>{t('plan.duplicates', { count: num(plan.duplicates.length) })}</h2>
                  <ul data-testid="plan-duplicates">
                    {plan.duplicates.slice(0, 50).map((d) => (
                      <li key={d.reference}>
                        {t('plan.duplicateLine', { reference: d.reference, batch: d.batchId })}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {plan.leftOut.length > 0 && (
                <>
                  <h2>{t('plan.leftOut', { count: num(plan.leftOut.length) })}</h2>
                  <ul data-testid="plan-left-out">
                    {plan.leftOut.slice(0, 100).map((l) => (
                      <li key={l.reference}>
                        {t('plan.leftOutLine', {
                          reference: l.reference,
                          message: lang === 'nb' ? l.message_nb : l.message,
                        })}
                      </li>
                    ))}
                    {plan.leftOut.length > 100 && <li>…</li>}
                  </ul>
                </>
              )}
            </section>
          )}
        </div>
      )}
      {plan && <PlanComparison plan={plan} onPlan={setPlan} />}
      {plan && (
        <section
          className="panel plan-confirm"
          aria-label={
            plan.invoices === 1 ? t('plan.confirmOne') : t('plan.confirm', { count: num(plan.invoices) })
          }
        >
          <label className="row">
            <input
              type="checkbox"
              checked={canaryOn}
              data-testid="plan-canary"
              onChange={(e) => setCanaryOn(e.target.checked)}
            />
            {t('plan.canary')}
          </label>
          {canaryOn && (
            <label className="field plan-canary-n">
              <span>{t('plan.canaryCount')}</span>
              <input
                type="number"
                min={1}
                max={1000}
                value={canary}
                data-testid="plan-canary-count"
                onChange={(e) => setCanary(Number.parseInt(e.target.value, 10))}
              />
            </label>
          )}
          {plan.environment === 'production' && <Alert kind="warning">{t('plan.prodWarning')}</Alert>}
          {plan.confirmWord !== null && (
            <label className="field">
              <span>{t('plan.confirmPrompt', { word: plan.confirmWord })}</span>
              <input
                value={typed}
                autoComplete="off"
                spellCheck={false}
                data-testid="plan-confirm-word"
                aria-invalid={typed !== '' && !confirmed}
                onChange={(e) => setTyped(e.target.value)}
              />
              {typed !== '' && !confirmed && (
                <span className="muted">{t('plan.confirmMismatch', { word: plan.confirmWord })}</span>
              )}
            </label>
          )}
        </section>
      )}
      <div className="screen-actions">
        {plan && plan.invoices === 0 && <span className="muted">{t('plan.nothing')}</span>}
        <Button onClick={() => navigate({ screen: 'review', sessionId })}>{t('plan.backToReview')}</Button>
        <Button
          variant={plan?.environment === 'production' ? 'danger' : 'primary'}
          disabled={!plan || plan.invoices === 0 || !confirmed || !canaryValid || busy}
          data-testid="plan-send"
          onClick={() => void send()}
        >
          {busy
            ? t('plan.confirming')
            : plan?.invoices === 1
              ? t('plan.confirmOne')
              : t('plan.confirm', { count: num(plan?.invoices ?? 0) })}
        </Button>
      </div>
    </main>
  )
}
