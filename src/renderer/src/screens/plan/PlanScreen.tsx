import { useEffect, useState } from 'react'
import type { PlanView } from '../../../../shared/contract'
import type { RouteOf } from '../../app/routes'
import { EnvBadge } from '../../app/TopBar'
import { useApi } from '../../app/use-api'
import { Alert } from '../../components/Alert'
import { ImportSteps } from '../../components/ImportSteps'
import { CustomerTypeTable, VatTable } from '../../components/FigureTables'
import { useI18n } from '../../i18n/I18nProvider'
import { etaParts } from './eta'
import { PlanComparison } from './PlanComparison'
import { PlanDecision } from './PlanDecision'
import { PlanLeftOut } from './PlanLeftOut'
import './plan.css'

/** Step 4: exactly what will be sent, where, and how fast; production needs a typed confirmation. */
export function PlanScreen({ route }: { route: RouteOf<'plan'> }) {
  const { t, lang, money, num } = useI18n()
  const { api, call } = useApi()
  const sessionId = route.sessionId
  const [plan, setPlan] = useState<PlanView | null>(null)

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

  return (
    <main className="screen plan-screen" data-testid="plan-screen" aria-busy={!plan}>
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
            <VatTable lines={plan.byVat} testId="plan-vat" />
            <h2>{t('plan.byType')}</h2>
            <CustomerTypeTable lines={plan.byProductType} testId="plan-types" />
          </section>
          <PlanLeftOut plan={plan} />
        </div>
      )}
      {plan && <PlanComparison plan={plan} onPlan={setPlan} />}
      <PlanDecision plan={plan} sessionId={sessionId} />
    </main>
  )
}
