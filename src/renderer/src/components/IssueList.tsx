import type { ImportIssueView } from '../../../shared/contract'
import { useI18n } from '../i18n/I18nProvider'

/** Errors and warnings in the UI's language, each with where it is. */
export function IssueList({ issues, testId }: { issues: ImportIssueView[]; testId?: string }) {
  const { t, lang } = useI18n()
  return (
    <ul className="issues" data-testid={testId}>
      {issues.map((i, n) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: issues have no identity of their own
        <li key={n} className={`issue issue-${i.severity}`} data-code={i.code}>
          <span className={`tag tag-${i.severity}`}>
            {i.severity === 'error' ? t('common.error') : t('common.warning')}
          </span>{' '}
          {lang === 'nb' ? i.message_nb : i.message}
        </li>
      ))}
    </ul>
  )
}
