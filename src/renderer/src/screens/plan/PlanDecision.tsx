import { useState } from 'react'
import type { PlanView } from '../../../../shared/contract'
import { useNavigate } from '../../app/navigation'
import { EnvBadge } from '../../app/TopBar'
import { useApi } from '../../app/use-api'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { useI18n } from '../../i18n/I18nProvider'
import { confirmationMatches } from './eta'

/**
 * The decision, kept at the bottom of the Plan screen however long the page above it is: what
 * will be sent (count, total, where), the trial-send option, production's typed confirmation,
 * and Send.
 */
export function PlanDecision({ plan, sessionId }: { plan: PlanView | null; sessionId: string }) {
  const { t, money, num } = useI18n()
  const { api, call } = useApi()
  const navigate = useNavigate()
  const [canaryOn, setCanaryOn] = useState(false)
  const [canary, setCanary] = useState(5)
  const [typed, setTyped] = useState('')
  const [busy, setBusy] = useState(false)

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
  const sendLabel =
    plan?.invoices === 1 ? t('plan.confirmOne') : t('plan.confirm', { count: num(plan?.invoices ?? 0) })
  const leftOut = plan ? plan.leftOut.length + plan.duplicates.length : 0

  return (
    <section className="plan-decision" aria-label={sendLabel} data-testid="plan-decision">
      {plan && (
        <div className="plan-decision-options">
          <p className="plan-decision-what" data-testid="plan-decision-summary">
            <strong>
              {plan.invoices === 1
                ? t('plan.oneInvoice')
                : t('plan.nInvoices', { count: num(plan.invoices) })}
            </strong>{' '}
            · <strong>{money(plan.totalAmount)}</strong> · <EnvBadge env={plan.environment} short />
            {leftOut > 0 && <span className="muted"> · {t('plan.nLeftOut', { count: num(leftOut) })}</span>}
          </p>
          <div className="row plan-canary">
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
              <label className="row plan-canary-n">
                {t('plan.canaryCount')}
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
          </div>
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
        </div>
      )}
      <div className="plan-decision-actions">
        {plan && plan.invoices === 0 && <span className="muted">{t('plan.nothing')}</span>}
        <Button onClick={() => navigate({ screen: 'review', sessionId })}>{t('plan.backToReview')}</Button>
        <Button
          variant={plan?.environment === 'production' ? 'danger' : 'primary'}
          disabled={!plan || plan.invoices === 0 || !confirmed || !canaryValid || busy}
          data-testid="plan-send"
          onClick={() => void send()}
        >
          {busy ? t('plan.confirming') : sendLabel}
        </Button>
      </div>
    </section>
  )
}
