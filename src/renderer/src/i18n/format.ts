import { CUSTOMER_TYPE_LABELS } from '../../../shared/canonical'
import type { Lang } from './define'

/** A customer type in words: `b2b` or `kravia.invoice_b2b` → Bedrift / Business. */
export function customerType(type: string, lang: Lang): string {
  const l = CUSTOMER_TYPE_LABELS[type.startsWith('kravia.') ? type : `kravia.invoice_${type}`]
  return l ? l[lang] : type
}

const locales: Record<Lang, string> = { nb: 'nb-NO', en: 'en-GB' }

/**
 * Øre → "1 299,50 kr" / "NOK 1,299.50". Integer arithmetic only: the kroner and øre parts are
 * split with integer division so no float ever touches an amount.
 */
export function formatMoney(ore: number, lang: Lang): string {
  const neg = ore < 0
  const abs = Math.abs(Math.trunc(ore))
  const kr = Math.floor(abs / 100)
  const rest = abs % 100
  const intPart = new Intl.NumberFormat(locales[lang], { maximumFractionDigits: 0 }).format(kr)
  const sep = lang === 'nb' ? ',' : '.'
  const body = `${intPart}${sep}${String(rest).padStart(2, '0')}`
  const sign = neg ? '−' : ''
  return lang === 'nb' ? `${sign}${body} kr` : `${sign}NOK ${body}`
}

export function formatNumber(n: number, lang: Lang): string {
  return new Intl.NumberFormat(locales[lang]).format(n)
}

/** VAT rates come as strings or numbers ("25", "11.11"); shown with the language's decimal mark. */
export function formatRate(rate: string | number, lang: Lang): string {
  const s = String(rate)
  return `${lang === 'nb' ? s.replace('.', ',') : s} %`
}

/** File sizes with the language's decimal mark: nb "1,5 MB", en "1.5 MB" (display only, not money). */
export function formatSize(bytes: number, lang: Lang): string {
  const one = (n: number) =>
    new Intl.NumberFormat(locales[lang], { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n)
  if (bytes < 1024) return `${formatNumber(bytes, lang)} B`
  if (bytes < 1024 * 1024) return `${one(bytes / 1024)} kB`
  return `${one(bytes / 1024 / 1024)} MB`
}

/**
 * A calendar date (`2026-12-24`, as the journal keeps due dates) → nb "24.12.2026", en "24/12/2026".
 * Read as a date, not an instant, so no time zone can move it to the day before.
 */
export function formatDate(ymd: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd)
  if (!m) return ymd
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  return new Intl.DateTimeFormat(locales[lang], { dateStyle: 'short', timeZone: 'UTC' }).format(utc)
}

/** An instant (ISO timestamp) in local time: nb "24.12.2026, 14:05", en "24/12/2026, 14:05". */
export function formatDateTime(iso: string, lang: Lang, withSeconds = false): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return new Intl.DateTimeFormat(locales[lang], {
    dateStyle: 'short',
    timeStyle: withSeconds ? 'medium' : 'short',
  }).format(d)
}
