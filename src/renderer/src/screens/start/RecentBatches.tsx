import type { BatchSummary, RunBatchState } from '../../../../shared/contract'
import { useNavigate } from '../../app/navigation'
import { errorText, useResource } from '../../app/use-api'
import { EnvBadge } from '../../app/TopBar'
import { Button } from '../../components/Button'
import type { MessageKey } from '../../i18n/catalog'
import { formatDateTime } from '../../i18n/format'
import { useI18n } from '../../i18n/I18nProvider'
import { InvoiceStates } from './InvoiceStates'

const stateLabel: Record<RunBatchState, MessageKey> = {
  running: 'start.stateRunning',
  paused: 'start.statePaused',
  cancelled: 'start.stateCancelled',
  finished: 'start.stateFinished',
}
const stateTag: Record<RunBatchState, string> = {
  running: 'tag-info',
  paused: 'tag-warning',
  cancelled: 'tag',
  finished: 'tag-ok',
}

/** The last batches with their state; an unfinished one continues in the Run screen. */
export function RecentBatches() {
  const { t, lang, money, num } = useI18n()
  const navigate = useNavigate()
  const batches = useResource((a) => a.batches.list({}), [])
  const list: BatchSummary[] = (batches.data ?? []).slice(0, 8)
  const when = (iso: string) => formatDateTime(iso, lang)
  return (
    <section className="panel" aria-labelledby="recent-title" data-testid="recent-batches">
      <h2 id="recent-title">{t('start.recentTitle')}</h2>
      {batches.error && (
        <p className="muted">{t('start.recentLoadFailed', { message: errorText(batches.error, lang) })}</p>
      )}
      {!batches.error && !batches.loading && list.length === 0 && (
        <p className="muted">{t('start.recentEmpty')}</p>
      )}
      {list.length > 0 && (
        <table className="simple">
          <thead>
            <tr>
              <th>{t('start.colBatch')}</th>
              <th>{t('start.colFile')}</th>
              <th>{t('start.colCreated')}</th>
              <th>{t('start.colEnv')}</th>
              <th>{t('start.colState')}</th>
              <th className="num">{t('start.colInvoices')}</th>
              <th className="num">{t('start.colAmount')}</th>
              <th>
                <span className="visually-hidden">{t('start.open')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((b) => {
              const unfinished = b.state === 'running' || b.state === 'paused'
              return (
                <tr key={b.id} data-testid="recent-batch">
                  <td className="mono">{b.id}</td>
                  <td>{b.sourceName}</td>
                  <td>{when(b.createdAt)}</td>
                  <td>
                    <EnvBadge env={b.environment} short />
                  </td>
                  <td>
                    <span className={`tag ${stateTag[b.state]}`}>{t(stateLabel[b.state])}</span>{' '}
                    <InvoiceStates counts={b.counts} />
                  </td>
                  <td className="num">{num(b.total)}</td>
                  <td className="num">{money(b.totalAmount)}</td>
                  <td>
                    <Button
                      variant={unfinished ? 'primary' : 'secondary'}
                      onClick={() =>
                        navigate(
                          unfinished
                            ? { screen: 'run', batchId: b.id }
                            : { screen: 'history', batchId: b.id },
                        )
                      }
                    >
                      {unfinished ? t('start.continue') : t('start.open')}
                    </Button>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
    </section>
  )
}
