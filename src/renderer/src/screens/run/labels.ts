import type { RunBatchState, RunInvoiceState } from '../../../../shared/contract'
import { INVOICE_STATES } from '../../../../shared/states'
import type { MessageKey, TFunction } from '../../i18n/catalog'
import type { Lang } from '../../i18n/define'
import { refusalText } from './refusal'

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

const ATTEMPT_KINDS: Record<string, MessageKey> = {
  pay: 'run.attempt_pay',
  lookup: 'run.attempt_lookup',
  void: 'run.attempt_void',
  capture: 'run.attempt_capture',
  refresh: 'run.attempt_refresh',
}
const OUTCOMES: Record<string, MessageKey> = {
  error: 'run.attemptOutcomeError',
  interrupted: 'run.attemptOutcomeInterrupted',
  none: 'run.attemptOutcomeNone',
}
const isState = (s: string): s is RunInvoiceState => (INVOICE_STATES as readonly string[]).includes(s)

/**
 * What an attempt was and how it ended, in words: main sends `kind` or `kind: outcome` as
 * identifiers ("pay: authorized"). Anything not known (a Dintero status) is shown as it came.
 */
export function attemptText(raw: string | null, t: TFunction): string {
  if (!raw) return '—'
  const [kind, outcome] = raw.split(/: (.*)/s)
  const k = Object.hasOwn(ATTEMPT_KINDS, kind) ? t(ATTEMPT_KINDS[kind]) : kind
  if (!outcome) return k
  const o = isState(outcome)
    ? t(stateLabel(outcome))
    : Object.hasOwn(OUTCOMES, outcome)
      ? t(OUTCOMES[outcome])
      : outcome
  return `${k}: ${o}`
}

const REASONS: Record<string, MessageKey> = {
  interrupted: 'run.reason_interrupted',
  retry: 'run.reason_retry',
  transient: 'run.reason_transient',
  rejected: 'run.reason_rejected',
  ambiguous: 'run.reason_ambiguous',
}

/**
 * A row's note: main sends Dintero's own message when there is one, else the journal's reason
 * identifier ("interrupted", "retry" …); both are put into words here. A refusal names the field
 * Dintero did not accept (its status, code and request path are for the technical details).
 */
export function reasonText(raw: string | null | undefined, t: TFunction, lang: Lang): string {
  if (!raw) return ''
  if (Object.hasOwn(REASONS, raw)) return t(REASONS[raw])
  return refusalText(raw, t, lang) ?? raw
}
