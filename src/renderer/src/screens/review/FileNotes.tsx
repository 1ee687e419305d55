import type { ImportIssueView } from '../../../../shared/contract'
import { Alert } from '../../components/Alert'
import { alertKindFor, IssueList } from '../../components/IssueList'
import { Notice } from '../../components/Notice'
import { useI18n } from '../../i18n/I18nProvider'

/**
 * Notes about the whole file above the grid. An error stays open (nothing can be sent until it is
 * fixed); warnings and information fold to one line that opens, so the grid keeps the height.
 */
export function FileNotes({ issues }: { issues: readonly ImportIssueView[] }) {
  const { t, num } = useI18n()
  const kind = alertKindFor(issues)
  const list = <IssueList issues={[...issues]} />
  if (kind === 'error')
    return (
      <Alert kind="error" title={t('review.fileIssues')} testId="file-issues">
        {list}
      </Alert>
    )
  return (
    <Notice kind={kind} title={t('review.fileIssues')} count={num(issues.length)} testId="file-issues">
      {list}
    </Notice>
  )
}
