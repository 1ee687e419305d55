import { useEffect, useRef, useState } from 'react'
import type { BatchSummary } from '../../../../shared/contract'
import { INVOICE_STATES } from '../../../../shared/states'
import { useNavigate } from '../../app/navigation'
import { useApi } from '../../app/use-api'
import { Button } from '../../components/Button'
import { useToast } from '../../components/Toast'
import { useI18n } from '../../i18n/I18nProvider'
import { batchStateLabel, stateLabel } from '../run/labels'
import { PaymentChart } from './PaymentChart'
import { RefreshPayments } from './RefreshPayments'
import { RepeatDialog } from './RepeatDialog'

/** One batch: totals, state counts, the payment chart, refresh and the exports. */
export function BatchDetail({
  batch,
  onChange,
  focusOnOpen = false,
}: {
  batch: BatchSummary
  onChange: (b: BatchSummary) => void
  /** Opened by the user (not by the route): take focus so the keyboard lands on its actions. */
  focusOnOpen?: boolean
}) {
  const { t, money, num, lang } = useI18n()
  const { api, call } = useApi()
  const toast = useToast()
  const navigate = useNavigate()
  const heading = useRef<HTMLHeadingElement>(null)
  const [repeating, setRepeating] = useState(false)
  // biome-ignore lint/correctness/useExhaustiveDependencies: on open only (the component is keyed by batch)
  useEffect(() => {
    if (focusOnOpen) heading.current?.focus()
  }, [])

  const exportAs = async (format: 'csv' | 'xlsx', failedOnly: boolean) => {
    const r = await call(api.batches.export({ batchId: batch.id, format, failedOnly, delimiter: ';', lang }))
    if (r?.path) {
      const text =
        r.rows === 1
          ? t('history.exportedOne', { path: r.path })
          : t('history.exported', { rows: num(r.rows), path: r.path })
      toast.show({ kind: 'success', text })
    }
  }

  return (
    <section className="batch-detail" aria-labelledby="batch-detail-title" data-testid="batch-detail">
      <h2 id="batch-detail-title" ref={heading} tabIndex={-1} data-testid="batch-detail-title">
        {t('history.detailTitle', { id: batch.id })}
      </h2>
      <p>
        <span className={`run-state run-state-${batch.state}`}>{t(batchStateLabel[batch.state])}</span>{' '}
        {batch.sourceName} · {num(batch.total)} · {money(batch.totalAmount)}
      </p>
      <ul className="state-counts" data-testid="state-counts">
        {INVOICE_STATES.filter((s) => batch.counts[s]).map((s) => (
          <li key={s} data-state={s}>
            <span className={`state-chip state-${s}`}>{t(stateLabel(s))}</span> {num(batch.counts[s] ?? 0)}
          </li>
        ))}
      </ul>
      <PaymentChart amounts={batch.amounts} />
      <div className="batch-actions">
        <Button
          variant="primary"
          onClick={() => navigate({ screen: 'run', batchId: batch.id })}
          data-testid="open-run"
        >
          {t('history.openRun')}
        </Button>
        <RefreshPayments batchId={batch.id} refreshedAt={batch.refreshedAt} onDone={onChange} />
        <Button
          onClick={() => setRepeating(true)}
          disabled={batch.state === 'running' || batch.state === 'paused'}
          data-testid="repeat-batch"
        >
          {t('repeat.button')}
        </Button>
      </div>
      {repeating && <RepeatDialog batch={batch} onClose={() => setRepeating(false)} />}
      <h3>{t('history.exportHeading')}</h3>
      <div className="batch-actions">
        <Button onClick={() => exportAs('csv', false)} data-testid="export-csv">
          {t('history.exportCsv')}
        </Button>
        <Button onClick={() => exportAs('xlsx', false)} data-testid="export-xlsx">
          {t('history.exportXlsx')}
        </Button>
        <Button
          onClick={() => exportAs('csv', true)}
          disabled={batch.fixable === 0}
          data-testid="export-failed"
        >
          {t('history.exportFailed')}
        </Button>
      </div>
    </section>
  )
}
