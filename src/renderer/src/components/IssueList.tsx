import type { ImportIssueView } from '../../../shared/contract'
import { useI18n } from '../i18n/I18nProvider'
import type { AlertKind } from './Alert'

/**
 * Notes that tell the user what was done and need nothing from them: the file was read correctly
 * in another encoding. Main files them as warnings (the CLI lists them so); the screens show them
 * as information.
 */
const INFORMATION = new Set(['encoding_fallback'])

export type IssueKind = 'error' | 'warning' | 'info'

export const issueKind = (i: ImportIssueView): IssueKind =>
  i.severity === 'error' ? 'error' : INFORMATION.has(i.code) ? 'info' : 'warning'

/** The box around a list of notes: as serious as the most serious note in it. */
export function alertKindFor(issues: readonly ImportIssueView[]): AlertKind {
  const kinds = new Set(issues.map(issueKind))
  return kinds.has('error') ? 'error' : kinds.has('warning') ? 'warning' : 'info'
}

const TAG: Record<IssueKind, 'common.error' | 'common.warning' | 'common.note'> = {
  error: 'common.error',
  warning: 'common.warning',
  info: 'common.note',
}

/** Errors, warnings and information in the UI's language, each with where it is. */
export function IssueList({ issues, testId }: { issues: ImportIssueView[]; testId?: string }) {
  const { t, lang } = useI18n()
  return (
    <ul className="issues" data-testid={testId}>
      {issues.map((i, n) => {
        const kind = issueKind(i)
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: issues have no identity of their own
          <li key={n} className={`issue issue-${kind}`} data-code={i.code} data-kind={kind}>
            <span className={`tag tag-${kind}`}>{t(TAG[kind])}</span>{' '}
            {lang === 'nb' ? i.message_nb : i.message}
          </li>
        )
      })}
    </ul>
  )
}
