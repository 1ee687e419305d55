import type { Shell } from 'electron'
import type { Logger } from '../log'
import type { ExternalOpener } from '../platform'
import { type ExternalLinkPolicy, linkForLog, openExternalSafe } from './security'

export type ShellLike = Pick<Shell, 'openExternal'>

/**
 * The app's only path to shell.openExternal: every URL passes the safe predicate first, every
 * call is logged without its query, and a failure to open (no browser, the OS refused) is logged
 * and reported as "not opened" instead of rejecting.
 */
export function electronOpener(shell: ShellLike, log: Logger): ExternalOpener {
  return {
    async open(url, policy: ExternalLinkPolicy = {}) {
      const shown = linkForLog(url)
      try {
        const ok = await openExternalSafe(url, (safe) => shell.openExternal(safe), policy)
        if (ok) log.info('opened a link in the browser', { url: shown })
        else log.warn('refused to open a link', { url: shown })
        return ok
      } catch (e) {
        log.warn('the browser could not open a link', { url: shown, error: (e as Error).message })
        return false
      }
    },
  }
}
