import type { BatchSummary } from '../../../../shared/contract'
import type { MessageKey } from '../../i18n/catalog'
import { useI18n } from '../../i18n/I18nProvider'

const BUCKETS: { key: keyof BatchSummary['amounts']; label: MessageKey; cls: string }[] = [
  { key: 'paid', label: 'history.paid', cls: 'chart-paid' },
  { key: 'partPaid', label: 'history.partPaid', cls: 'chart-part' },
  { key: 'unpaid', label: 'history.unpaid', cls: 'chart-unpaid' },
  { key: 'voided', label: 'history.voided', cls: 'chart-voided' },
  { key: 'failed', label: 'history.failed', cls: 'chart-failed' },
]

/**
 * Amounts by payment state as horizontal bars in plain SVG (no chart library). The numbers are
 * also in the legend and the accessible name, so nothing depends on seeing the colours.
 */
export function PaymentChart({ amounts }: { amounts: BatchSummary['amounts'] }) {
  const { t, money } = useI18n()
  const max = Math.max(1, ...BUCKETS.map((b) => amounts[b.key]))
  const rowH = 26
  const labelW = 120
  const barW = 320
  const label = t('history.chartLabel', {
    paid: money(amounts.paid),
    part: money(amounts.partPaid),
    unpaid: money(amounts.unpaid),
    voided: money(amounts.voided),
    failed: money(amounts.failed),
  })
  return (
    <figure className="payment-chart" data-testid="payment-chart">
      <figcaption>{t('history.chartTitle')}</figcaption>
      <svg
        role="img"
        aria-label={label}
        viewBox={`0 0 ${labelW + barW + 140} ${BUCKETS.length * rowH}`}
        width={labelW + barW + 140}
        height={BUCKETS.length * rowH}
      >
        {BUCKETS.map((b, i) => {
          const value = amounts[b.key]
          // Width from integer øre: the ratio is only for drawing, never for money.
          const w = value === 0 ? 0 : Math.max(2, Math.round((value / max) * barW))
          const y = i * rowH
          return (
            <g key={b.key} data-bucket={b.key} data-amount={value}>
              <text x={0} y={y + 17} className="chart-label">
                {t(b.label)}
              </text>
              <rect x={labelW} y={y + 5} width={barW} height={rowH - 10} className="chart-track" rx={3} />
              <rect x={labelW} y={y + 5} width={w} height={rowH - 10} className={b.cls} rx={3} />
              <text x={labelW + barW + 8} y={y + 17} className="chart-value">
                {money(value)}
              </text>
            </g>
          )
        })}
      </svg>
    </figure>
  )
}
