import { useEffect, useRef } from 'react'
import type { InvoiceDetail } from '../../../../shared/contract'
import { useApi, useResource } from '../../app/use-api'
import { Button } from '../../components/Button'
import { useToast } from '../../components/Toast'
import { formatDate, formatDateTime } from '../../i18n/format'
import { useI18n } from '../../i18n/I18nProvider'
import { norwegianAccountNumber } from './bank-account'
import { attemptText, CAPTURABLE, reasonText, stateLabel, VOIDABLE } from './labels'
import { refusalText } from './refusal'
import { TechnicalDetails } from './TechnicalDetails'

interface Props {
  batchId: string
  invoiceId: number
  /** Bumped when a push changed this row, so the drawer re-reads it. */
  version: string
  onClose: () => void
  /** Void or capture this one invoice (through the same confirmation as the toolbar). */
  onAction: (kind: 'void' | 'capture') => void
}

function Field({
  label,
  value,
  testId,
}: {
  label: string
  value: string | null | undefined
  testId?: string
}) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value || '—'}</dd>
    </>
  )
}

/** One invoice: its Kravia details, every attempt with Dintero's answers, and the request sent. */
export function RowDrawer({ batchId, invoiceId, version, onClose, onAction }: Props) {
  const { t, money, lang } = useI18n()
  const { api, call } = useApi()
  const toast = useToast()
  const ref = useRef<HTMLElement>(null)
  const { data } = useResource<InvoiceDetail>(
    (a) => a.batches.invoice({ batchId, invoiceId }),
    [batchId, invoiceId, version],
  )

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null
    ref.current?.focus()
    return () => before?.focus?.()
  }, [])

  const bban = norwegianAccountNumber(data?.account)
  // Dintero's own code and message when it refused; otherwise the outcome in words.
  const answer = (a: InvoiceDetail['attempts'][number]) =>
    (a.message && refusalText(a.message, t, lang)) ||
    [a.code, a.message].filter(Boolean).join(': ') ||
    (a.httpStatus !== null && a.httpStatus < 300 ? t('run.attemptOk') : '—')

  const open = async () => {
    const r = await call(api.batches.openInvoice({ batchId, invoiceId }))
    if (r && !r.opened) toast.show({ kind: 'error', text: t('run.openInvoiceFailed') })
  }

  return (
    <aside
      ref={ref}
      className="run-drawer"
      tabIndex={-1}
      aria-label={t('run.drawerTitle', { ref: data?.row.reference ?? '' })}
      data-testid="row-drawer"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation()
          onClose()
        }
      }}
    >
      <header className="run-drawer-head">
        <h2>{t('run.drawerTitle', { ref: data?.row.reference ?? '' })}</h2>
        <Button
          variant="ghost"
          onClick={onClose}
          aria-label={t('run.drawerClose')}
          data-testid="drawer-close"
        >
          ×
        </Button>
      </header>
      {data && (
        <div className="run-drawer-body">
          <p>
            <span className={`state-chip state-${data.row.state}`} data-testid="drawer-state">
              {t(stateLabel(data.row.state))}
            </span>{' '}
            {data.row.customer} · {money(data.row.amount)}
          </p>
          {data.row.error && <p className="run-error">{reasonText(data.row.error, t, lang)}</p>}
          <h3>{t('run.details')}</h3>
          <dl className="run-facts">
            <Field
              label={t('run.invoiceNumber')}
              value={data.row.invoiceNumber}
              testId="drawer-invoice-number"
            />
            <Field label={t('run.kid')} value={data.kid} testId="drawer-kid" />
            {bban && <Field label={t('run.account')} value={bban} testId="drawer-account" />}
            <Field label={t('run.iban')} value={data.account} testId="drawer-iban" />
            <Field label={t('run.dueDate')} value={data.dueDate && formatDate(data.dueDate, lang)} />
            <Field label={t('run.sourceRows')} value={data.sourceRows.join(', ')} />
          </dl>
          <div className="run-drawer-actions">
            {data.invoiceUrl && (
              <Button onClick={open} data-testid="open-invoice">
                {t('run.openInvoice')}
              </Button>
            )}
            {VOIDABLE.includes(data.row.state) && (
              <Button variant="danger" onClick={() => onAction('void')} data-testid="drawer-void">
                {t('run.voidOne')}
              </Button>
            )}
            {CAPTURABLE.includes(data.row.state) && (
              <Button onClick={() => onAction('capture')} data-testid="drawer-capture">
                {t('run.captureOne')}
              </Button>
            )}
          </div>
          <h3>{t('run.attempts')}</h3>
          {data.attempts.length === 0 ? (
            <p className="muted">{t('run.noAttempts')}</p>
          ) : (
            <table className="run-attempts" data-testid="drawer-attempts">
              <thead>
                <tr>
                  <th scope="col">{t('run.attemptAt')}</th>
                  <th scope="col">{t('run.attemptKind')}</th>
                  <th scope="col">{t('run.attemptAnswer')}</th>
                </tr>
              </thead>
              <tbody>
                {data.attempts.map((a, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: attempts are append-only and never reordered
                  <tr key={i}>
                    <td>{formatDateTime(a.at, lang, true)}</td>
                    <td>{attemptText(a.kind, t)}</td>
                    <td>{answer(a)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <TechnicalDetails detail={data} />
        </div>
      )}
    </aside>
  )
}
