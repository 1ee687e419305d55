import type { StateCounts } from '../../../../shared/contract'
import { INVOICE_STATES } from '../../../../shared/states'
import { useI18n } from '../../i18n/I18nProvider'
import { stateLabel } from '../run/labels'

/**
 * How a batch's invoices stand now, in words ("Betalt 2 · Fakturert 5 · Kansellert 1"): the journal's
 * current states, so a void or a payment shows as soon as it is known, not the count at the end of sending.
 */
export function InvoiceStates({ counts }: { counts: StateCounts }) {
  const { t, num } = useI18n()
  const present = INVOICE_STATES.filter((s) => (counts[s] ?? 0) > 0)
  return (
    <span className="muted invoice-states" data-testid="recent-states">
      {present.map((s, i) => (
        <span key={s} data-state={s}>
          {i > 0 && ' · '}
          {t(stateLabel(s))} {num(counts[s] ?? 0)}
        </span>
      ))}
    </span>
  )
}
