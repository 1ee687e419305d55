import type { RunBatchState, RunInvoiceState } from '../../../../shared/contract'
import type { MessageKey } from '../../i18n/catalog'

export const stateLabel = (s: RunInvoiceState): MessageKey => `run.st_${s}` as MessageKey

export const batchStateLabel: Record<RunBatchState, MessageKey> = {
  running: 'run.stateRunning',
  paused: 'run.statePaused',
  cancelled: 'run.stateCancelled',
  finished: 'run.stateFinished',
}

export function pauseReasonLabel(reason: string | null): MessageKey {
  switch (reason) {
    case 'new':
      return 'run.pausedNew'
    case 'canary':
      return 'run.pausedCanary'
    case 'auth':
      return 'run.pausedAuth'
    case 'unresolved':
      return 'run.pausedUnresolved'
    case 'crash':
      return 'run.pausedCrash'
    case 'signal':
      return 'run.pausedSignal'
    default:
      return 'run.pausedOther'
  }
}

/** States the user can void or capture (the engine checks again before sending). */
export const VOIDABLE: readonly RunInvoiceState[] = ['authorized', 'awaiting_capture', 'part_paid']
export const CAPTURABLE: readonly RunInvoiceState[] = ['awaiting_capture']

/** "14:32" for an ETA in seconds from now, in the UI's language. */
export function etaClock(seconds: number, lang: 'nb' | 'en', now = Date.now()): string {
  return new Intl.DateTimeFormat(lang === 'nb' ? 'nb-NO' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(now + seconds * 1000))
}
