import type { ReactNode } from 'react'
import './notice.css'
import type { AlertKind } from './Alert'

/**
 * A notice that takes one line until it is opened: its title (and how many points it holds) is
 * the summary, the points are inside. For information the user may want to read, not act on at
 * once, so a screen's main content keeps the room.
 */
export function Notice({
  kind,
  title,
  count,
  children,
  testId,
}: {
  kind: AlertKind
  title: string
  count?: string
  children: ReactNode
  testId?: string
}) {
  return (
    <details className={`alert alert-${kind} notice`} data-testid={testId}>
      <summary className="notice-summary" title={title}>
        {title}
        {count !== undefined && <span className="notice-count"> ({count})</span>}
      </summary>
      <div className="alert-body">{children}</div>
    </details>
  )
}
