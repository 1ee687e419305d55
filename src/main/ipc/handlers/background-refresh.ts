import { formatOre } from '../../../shared/money'
import { type Clock, realClock } from '../../engine/clock'
import { LEASE_STALE_MS, leaseHolder } from '../../engine/lease'
import { batchesToRefresh, refreshBatches } from '../../after-send/refresh'
import type { HandlerContext } from './context'
import { uiLanguage } from './dialog-text'

/**
 * Reads payments while the app is open, so "what is paid" is current without anyone pressing a
 * button: shortly after start and then every few hours, every invoice of the last 90 days that can
 * still change, in the active environment and account. Gently — at a tenth of the account's rate,
 * one request at a time — and never while a batch is being sent (a send that starts stops it).
 * When payments came in, one notification; a click opens History. Time comes from the injected
 * clock, so tests drive it.
 */

export const BACKGROUND_FIRST_MS = 15_000
export const BACKGROUND_INTERVAL_MS = 3 * 60 * 60_000
/** A send was under way: look again this much later. */
export const BACKGROUND_RETRY_MS = 5 * 60_000
export const BACKGROUND_DAYS = 90

/** The real clock, but its waits do not keep the process alive (the app's window does). */
const idleClock: Clock = {
  now: () => realClock.now(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      if (signal?.aborted) return resolve()
      const done = () => {
        clearTimeout(timer)
        signal?.removeEventListener('abort', done)
        resolve()
      }
      const timer = setTimeout(done, ms)
      timer.unref()
      signal?.addEventListener('abort', done, { once: true })
    }),
}

export interface BackgroundRefresh {
  /** A send is starting: stop a background refresh under way at once. */
  yieldToSend(): void
}

/** "siden i går" / "since yesterday", or since a time today, or since a date. */
export function sinceWords(previous: Date | null, now: Date, lang: 'nb' | 'en'): string {
  const locale = lang === 'nb' ? 'nb-NO' : 'en-GB'
  if (!previous) return lang === 'nb' ? 'siden sist' : 'since last time'
  const day = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime()
  const days = Math.round((day(now) - day(previous)) / 86_400_000)
  if (days <= 0) {
    const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(previous)
    // Norwegian writes the time with a full stop (kl. 06.05), whatever the runtime's locale data says.
    return lang === 'nb' ? `siden kl. ${time.replace(':', '.')}` : `since ${time}`
  }
  if (days === 1) return lang === 'nb' ? 'siden i går' : 'since yesterday'
  const date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' }).format(previous)
  return lang === 'nb' ? `siden ${date}` : `since ${date}`
}

export function paymentsNotice(
  paid: number,
  amount: number,
  since: string,
  lang: 'nb' | 'en',
): { title: string; body: string } {
  return lang === 'nb'
    ? {
        title: 'Betalinger mottatt',
        body: `${paid} ${paid === 1 ? 'faktura' : 'fakturaer'} betalt ${since}, ${formatOre(amount, 'nb')} kr`,
      }
    : {
        title: 'Payments received',
        body: `${paid} ${paid === 1 ? 'invoice' : 'invoices'} paid ${since}, NOK ${formatOre(amount, 'en')}`,
      }
}

export function createBackgroundRefresh(
  ctx: HandlerContext,
  deps: { isSendingHere(): boolean },
): BackgroundRefresh {
  const { db } = ctx
  const { settings, environments } = ctx
  const clock: Clock = ctx.timers ?? idleClock
  const closing = new AbortController()
  let current: AbortController | null = null

  /** A batch sent by this app, or by the CLI in another process (its lease is fresh). */
  const sending = (): boolean => {
    if (deps.isSendingHere()) return true
    const running = db.prepare(`SELECT id FROM batches WHERE state = 'running'`).pluck().all() as string[]
    return running.some((id) => {
      const holder = leaseHolder(db, id)
      // Leases beat on the wall clock (as runs-live reads them), not on this loop's timer clock.
      return holder !== null && Date.now() - holder.heartbeatAtMs < LEASE_STALE_MS
    })
  }

  const language = () => uiLanguage(ctx)

  /** One pass; returns how long to wait before the next. */
  const pass = async (): Promise<number> => {
    const defaults = settings.defaults()
    if (!defaults.backgroundRefresh) return BACKGROUND_INTERVAL_MS
    if (sending()) return BACKGROUND_RETRY_MS
    const conn = await environments.active()
    const now = new Date(clock.now())
    const batches = batchesToRefresh(
      db,
      conn.kind,
      conn.accountId,
      new Date(now.getTime() - BACKGROUND_DAYS * 86_400_000),
    )
    if (batches.length === 0) return BACKGROUND_INTERVAL_MS
    // The oldest "last refreshed" among them: payments are new since then.
    const times = batches.flatMap((b) => (b.refreshed_at ? [Date.parse(b.refreshed_at)] : []))
    const previous = times.length ? new Date(Math.min(...times)) : null
    current = new AbortController()
    const stop = current
    const s = await refreshBatches(db, conn.api, batches, {
      rate: Math.max(0.1, defaults.rate / 10),
      concurrency: 1,
      signal: stop.signal,
      journalUnchanged: false,
      now: () => new Date(clock.now()),
    }).finally(() => {
      current = null
    })
    ctx.log.info('background refresh', {
      batches: batches.length,
      checked: s.checked,
      changed: s.changed,
      paid: s.paid,
      failed: s.failed,
      stopped: s.stopped,
    })
    if (s.changed > 0) ctx.events.emit('batches:refreshed', { batchIds: batches.map((b) => b.id) })
    if (s.paid > 0) {
      const lang = language()
      const notice = paymentsNotice(s.paid, s.paidAmount, sinceWords(previous, now, lang), lang)
      ctx.notifier.notify({
        ...notice,
        onClick: () => ctx.events.emit('app:menu', { action: 'history' }),
      })
    }
    return stop.signal.aborted && !closing.signal.aborted ? BACKGROUND_RETRY_MS : BACKGROUND_INTERVAL_MS
  }

  const loop = async () => {
    let wait = BACKGROUND_FIRST_MS
    for (;;) {
      await clock.sleep(wait, closing.signal)
      if (closing.signal.aborted) return
      try {
        wait = await pass()
      } catch (e) {
        // No credentials, Dintero unreachable …: the next pass tries again; the app works on.
        ctx.log.warn('background refresh failed', { message: e instanceof Error ? e.message : String(e) })
        wait = BACKGROUND_INTERVAL_MS
      }
    }
  }
  const done = loop()
  ctx.onDispose(async () => {
    closing.abort()
    current?.abort()
    await done
  })

  return {
    yieldToSend() {
      current?.abort()
    },
  }
}
