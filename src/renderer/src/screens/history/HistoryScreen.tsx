import { useEffect, useState } from 'react'
import type { BatchSummary } from '../../../../shared/contract'
import type { RouteOf } from '../../app/routes'
import { errorText, useResource } from '../../app/use-api'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { formatDateTime } from '../../i18n/format'
import { useI18n } from '../../i18n/I18nProvider'
import { INVOICE_STATES } from '../../../../shared/states'
import { batchStateLabel, stateLabel } from '../run/labels'
import { BatchDetail } from './BatchDetail'
import '../run/run.css'
import './history.css'

const ENV_KEY = {
  sandbox: 'common.envSandboxShort',
  test: 'common.envTestShort',
  production: 'common.envProductionShort',
} as const

export function HistoryScreen({ route }: { route: RouteOf<'history'> }) {
  const { t, money, num, lang } = useI18n()
  const list = useResource((a) => a.batches.list({}), [])
  const [batches, setBatches] = useState<BatchSummary[]>([])
  const [openId, setOpenId] = useState<string | null>(route.batchId ?? null)
  const [userOpened, setUserOpened] = useState(false)
  useEffect(() => {
    if (list.data) setBatches(list.data)
  }, [list.data])
  // A run that ends while History is open updates its line.
  useEffect(() => window.api.on.runs.ended(() => list.reload()), [list.reload])
  // Payments read in the background move lines too.
  useEffect(() => window.api.on.batches.refreshed(() => list.reload()), [list.reload])

  const open = batches.find((b) => b.id === openId)
  const replace = (b: BatchSummary) => setBatches((xs) => xs.map((x) => (x.id === b.id ? b : x)))
  const when = (iso: string) => formatDateTime(iso, lang)

  return (
    <main className="screen history-screen" data-testid="history-screen">
      <h1 tabIndex={-1}>{t('history.title')}</h1>
      {list.error && <Alert kind="error">{errorText(list.error, lang)}</Alert>}
      {list.data && batches.length === 0 && <p className="muted">{t('history.empty')}</p>}
      {batches.length > 0 && (
        <div className="history-layout">
          <table className="history-table" aria-label={t('history.listLabel')} data-testid="history-table">
            <thead>
              <tr>
                <th scope="col">{t('history.colBatch')}</th>
                <th scope="col">{t('history.colCreated')}</th>
                <th scope="col">{t('history.colFile')}</th>
                <th scope="col">{t('history.colEnv')}</th>
                <th scope="col">{t('history.colState')}</th>
                <th scope="col" className="num">
                  {t('history.colInvoices')}
                </th>
                <th scope="col" className="num">
                  {t('history.colAmount')}
                </th>
                <th scope="col">{t('history.colCounts')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('history.open')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {batches.map((b) => (
                <tr key={b.id} className={b.id === openId ? 'is-open' : undefined} data-batch={b.id}>
                  <td>
                    {b.id}
                    {b.parentId && <div className="muted">{t('history.followUp', { id: b.parentId })}</div>}
                  </td>
                  <td>
                    {when(b.createdAt)}
                    {b.refreshedAt && (
                      <div className="muted" data-testid={`refreshed-${b.id}`}>
                        {t('history.refreshedAt', { when: when(b.refreshedAt) })}
                      </div>
                    )}
                  </td>
                  <td>{b.sourceName}</td>
                  <td>
                    <span className={`env-badge env-${b.environment}`}>{t(ENV_KEY[b.environment])}</span>
                  </td>
                  <td>
                    <span className={`run-state run-state-${b.state}`}>{t(batchStateLabel[b.state])}</span>
                  </td>
                  <td className="num">{num(b.total)}</td>
                  <td className="num">{money(b.totalAmount)}</td>
                  <td>
                    <div className="history-counts">
                      {INVOICE_STATES.filter((st) => b.counts[st]).map((st) => (
                        <span key={st} className={`state-chip state-${st}`} title={t(stateLabel(st))}>
                          {t(stateLabel(st))} {num(b.counts[st] ?? 0)}
                        </span>
                      ))}
                    </div>
                  </td>
                  <td>
                    <Button
                      variant={b.id === openId ? 'primary' : 'secondary'}
                      aria-pressed={b.id === openId}
                      onClick={() => {
                        setOpenId(b.id)
                        setUserOpened(true)
                      }}
                      data-testid={`open-batch-${b.id}`}
                    >
                      {t('history.open')}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {open && <BatchDetail key={open.id} batch={open} onChange={replace} focusOnOpen={userOpened} />}
        </div>
      )}
    </main>
  )
}
