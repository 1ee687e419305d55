import type { ReactNode } from 'react'

export type AlertKind = 'error' | 'warning' | 'info' | 'success'

/** An inline message in the page. Errors and warnings are announced; info is polite. */
export function Alert({
  kind,
  title,
  children,
  testId,
}: {
  kind: AlertKind
  title?: string
  children?: ReactNode
  testId?: string
}) {
  const role = kind === 'error' || kind === 'warning' ? 'alert' : 'status'
  return (
    <div className={`alert alert-${kind}`} role={role} data-testid={testId}>
      {title && <strong className="alert-title">{title}</strong>}
      {children && <div className="alert-body">{children}</div>}
    </div>
  )
}
