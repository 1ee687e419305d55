import { AppError } from '../../shared/errors'
import { isLoopbackHost } from '../../shared/kravia-schema'

export const DINTERO_BASE_URL = 'https://checkout.dintero.com'

export type AccountEnvironment = 'test' | 'production'

/** `T` + 8 digits is a test account, `P` + 8 digits production; Dintero knows nothing else. */
export function accountEnvironment(accountId: string): AccountEnvironment {
  if (/^T\d{8}$/.test(accountId)) return 'test'
  if (/^P\d{8}$/.test(accountId)) return 'production'
  throw new AppError(
    'dintero_account',
    `The Dintero account id "${accountId}" is not valid: it is T or P followed by 8 digits (T = test, P = production).`,
    {
      message_nb: `Dintero-konto-ID-en «${accountId}» er ugyldig: den er T eller P etterfulgt av 8 sifre (T = test, P = produksjon).`,
    },
  )
}

/**
 * The API base (scheme + host, without `/v1`). Anything but Dintero's own host is accepted only
 * on this machine (the sandbox, tests), so a typo or a hostile setting cannot send credentials
 * and invoices to some other server.
 */
export function normalizeBaseUrl(raw: string | undefined): string {
  const value = (raw ?? DINTERO_BASE_URL).trim().replace(/\/+$/, '').replace(/\/v1$/, '')
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new AppError('dintero_base_url', `The Dintero API address "${raw}" is not a valid URL.`, {
      message_nb: `Dintero-API-adressen «${raw}» er ikke en gyldig URL.`,
    })
  }
  if (url.origin === DINTERO_BASE_URL && url.pathname === '/') return DINTERO_BASE_URL
  const local = (url.protocol === 'http:' || url.protocol === 'https:') && isLoopbackHost(url.hostname)
  if (!local || url.username || url.password || url.search || url.hash) {
    throw new AppError(
      'dintero_base_url',
      `The Dintero API address "${raw}" is not allowed: use ${DINTERO_BASE_URL} or a sandbox on this machine (http://127.0.0.1:PORT).`,
      {
        message_nb: `Dintero-API-adressen «${raw}» er ikke tillatt: bruk ${DINTERO_BASE_URL} eller en sandkasse på denne maskinen (http://127.0.0.1:PORT).`,
      },
    )
  }
  return `${url.origin}${url.pathname === '/' ? '' : url.pathname}`
}
