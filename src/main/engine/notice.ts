import type { RunNotice } from '../../shared/contract'
import type { NetworkFault, NetworkReason } from '../dintero/types'
import { counted } from '../values/words'

/**
 * What a run tells the user while Dintero misbehaves, and why it stopped, in plain words in both
 * languages (the progress line, the run view and the log say the same).
 */

const REASON: Record<NetworkReason, { en: string; nb: string }> = {
  dns: { en: 'the name does not exist', nb: 'navnet finnes ikke' },
  refused: { en: 'the connection was refused', nb: 'tilkoblingen ble avvist' },
  tls: { en: 'the secure connection (TLS) failed', nb: 'den sikre tilkoblingen (TLS) feilet' },
  timeout: { en: 'no answer in time', nb: 'fikk ikke svar i tide' },
  unreachable: { en: 'the network cannot reach it', nb: 'nettverket når den ikke' },
  lost: { en: 'the connection was lost', nb: 'tilkoblingen ble brutt' },
}

const invoices = (n: number, lang: 'en' | 'nb') =>
  lang === 'en' ? counted(n, 'invoice', 'invoices') : counted(n, 'faktura', 'fakturaer')

/** Dintero cannot be reached at all (DNS, refused, TLS, timeout). */
export function unreachableNotice(fault: NetworkFault, nothingSent: boolean): RunNotice {
  const why = REASON[fault.reason]
  return {
    kind: 'unreachable',
    message: `Cannot reach Dintero (${fault.host}): ${why.en}. Check the internet connection. ${
      nothingSent ? 'Nothing has been sent.' : 'The invoices left are waiting; none is sent twice.'
    }`,
    message_nb: `Får ikke kontakt med Dintero (${fault.host}): ${why.nb}. Sjekk internettforbindelsen. ${
      nothingSent ? 'Ingenting er sendt.' : 'Fakturaene som gjenstår venter, og ingen sendes to ganger.'
    }`,
  }
}

/** Most recent answers are errors: sending waits for a probe. */
export function outageNotice(retryInMs: number, waiting: number): RunNotice {
  const s = Math.max(1, Math.ceil(retryInMs / 1000))
  return {
    kind: 'outage',
    message: `Dintero is answering with errors; retrying in ${s} s; ${invoices(waiting, 'en')} waiting`,
    message_nb: `Dintero svarer med feil; prøver igjen om ${s} s; ${invoices(waiting, 'nb')} venter`,
  }
}

/** The run ended with invoices left sendable after transient errors. */
export function transientNotice(n: number): RunNotice {
  return {
    kind: 'transient',
    message: `${invoices(n, 'en')} could not be sent because Dintero kept answering with errors; nothing was created for ${
      n === 1 ? 'it' : 'them'
    }; continue the run to send ${n === 1 ? 'it' : 'them'}`,
    message_nb: `${invoices(n, 'nb')} kunne ikke sendes fordi Dintero svarte med feil gang på gang; ingenting ble opprettet for ${
      n === 1 ? 'den' : 'dem'
    }; fortsett kjøringen for å sende ${n === 1 ? 'den' : 'dem'}`,
  }
}

/** The run paused itself after two minutes without any answer from Dintero. */
export function silentNotice(fault: NetworkFault | null): RunNotice {
  const where = fault ? ` (${fault.host})` : ''
  const en = fault ? `: ${REASON[fault.reason].en}` : ''
  const nb = fault ? `: ${REASON[fault.reason].nb}` : ''
  return {
    kind: 'unreachable',
    message: `No answer from Dintero${where} for 2 minutes${en}. Sending is paused; check the internet connection and resume. No invoice is sent twice.`,
    message_nb: `Ikke svar fra Dintero${where} på 2 minutter${nb}. Sendingen er satt på pause; sjekk internettforbindelsen og fortsett. Ingen faktura sendes to ganger.`,
  }
}
