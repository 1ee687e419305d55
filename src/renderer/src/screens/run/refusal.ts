import { FIELD_INFO } from '../../../../shared/canonical'
import type { Lang } from '../../i18n/define'
import type { TFunction } from '../../i18n/catalog'

/** The journal's text of a refusal: "Creating invoice X: Dintero answered 400 CODE: path: detail". */
const ANSWER = /^.*?: Dintero answered (\d{3})(?: [A-Z][A-Z0-9_]*)?(?:: ([\s\S]*))?$/
/** Dintero names the field by its path in the request: `session.order.billing_address.phone_number`. */
const FIELD_PATH = /^((?:[a-z_]+(?:\[\d+\])?\.)*([a-z_]+))(?:\[\d+\])?: ([\s\S]*)$/

/** Whether a row's note is Dintero's answer as the journal keeps it (for the technical details). */
export const isDinteroAnswer = (raw: string | null | undefined): raw is string => !!raw && ANSWER.test(raw)

const LABELS = new Map(FIELD_INFO.map((f) => [f.field as string, f]))

/**
 * A refusal from Dintero in the user's words: which field of the invoice it did not accept, by its
 * label ("Telefon"), and Dintero's own hint when it gives one in the UI's language. HTTP status, error
 * code and request paths stay in the technical details. Null when the text is not such a refusal.
 */
export function refusalText(raw: string, t: TFunction, lang: Lang): string | null {
  const m = ANSWER.exec(raw)
  if (!m) return null
  const status = Number(m[1])
  if (status === 401 || status === 403) return t('run.refusedAuth')
  if (status >= 500 || status === 429) return t('run.refusedBusy')
  const field = m[2] ? FIELD_PATH.exec(m[2]) : null
  const info = field ? LABELS.get(field[2]) : undefined
  if (!info) return t('run.refused')
  const label = lang === 'nb' ? info.label_nb : info.label_en
  // Dintero writes its hint in English ("international format, e.g. +4799999999"): kept only there.
  const hint = lang === 'en' ? /\(([^()]+)\)\s*$/.exec(field?.[3] ?? '')?.[1] : undefined
  return hint ? t('run.refusedFieldHint', { field: label, hint }) : t('run.refusedField', { field: label })
}
