import type { TFunction } from '../../i18n/catalog'
import type { Lang } from '../../i18n/define'

const locales: Record<Lang, string> = { nb: 'nb-NO', en: 'en-GB' }

/**
 * When a batch was made, as people write it: nb "3. des. 2026 kl. 06.52", en "3 Dec 2026, 06:52"
 * (local time).
 */
export function batchWhen(iso: string, lang: Lang, t: TFunction): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const date = new Intl.DateTimeFormat(locales[lang], {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(d)
  const hh = String(d.getHours()).padStart(2, '0')
  const mm = String(d.getMinutes()).padStart(2, '0')
  return t('run.whenAt', { date, time: lang === 'nb' ? `${hh}.${mm}` : `${hh}:${mm}` })
}

/** A batch's human name: the file it came from and when it was made ("des2.csv · 3. des. 2026 kl. 06.52"). */
export function batchHeading(
  batch: { sourceName: string; createdAt: string },
  lang: Lang,
  t: TFunction,
): string {
  return t('run.heading', { file: batch.sourceName, when: batchWhen(batch.createdAt, lang, t) })
}
