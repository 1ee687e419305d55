import { useEffect, useState } from 'react'
import type { BatchSummary, RefreshProgressView } from '../../../../shared/contract'
import { useApi } from '../../app/use-api'
import { Button } from '../../components/Button'
import { useToast } from '../../components/Toast'
import { formatDateTime } from '../../i18n/format'
import { useI18n } from '../../i18n/I18nProvider'
import './refresh-payments.css'

/**
 * "Refresh payments" for one batch (History and Run): while main reads the transactions it shows
 * how far it got ("1 200 av 2 000 sjekket · 14 betalt siden sist"), then when the batch was last
 * updated.
 */
export function RefreshPayments({
  batchId,
  refreshedAt,
  onDone,
}: {
  batchId: string
  refreshedAt: string | null
  onDone: (b: BatchSummary) => void
}) {
  const { t, num, lang } = useI18n()
  const { api, call } = useApi()
  const toast = useToast()
  const [refreshing, setRefreshing] = useState(false)
  const [progress, setProgress] = useState<RefreshProgressView | null>(null)

  useEffect(
    () =>
      window.api.on.batches.refreshProgress((p) => {
        if (p.batchId === batchId) setProgress(p)
      }),
    [batchId],
  )

  const refresh = async () => {
    setRefreshing(true)
    setProgress(null)
    const b = await call(api.batches.refresh({ batchId }))
    setRefreshing(false)
    if (b) {
      onDone(b)
      toast.show({ kind: 'success', text: t('history.refreshed') })
    }
  }

  const counted = progress
    ? t(progress.paid > 0 ? 'history.progressPaid' : 'history.progress', {
        checked: num(progress.checked),
        total: num(progress.total),
        paid: num(progress.paid),
      })
    : null

  return (
    <span className="refresh-payments">
      <Button onClick={refresh} disabled={refreshing} data-testid="refresh-payments">
        {refreshing ? t('history.refreshing') : t('history.refresh')}
      </Button>
      <span className="muted refresh-status" role="status" data-testid="refresh-status">
        {counted ??
          (refreshedAt
            ? t('history.lastRefreshed', { when: formatDateTime(refreshedAt, lang) })
            : t('history.neverRefreshed'))}
      </span>
    </span>
  )
}
