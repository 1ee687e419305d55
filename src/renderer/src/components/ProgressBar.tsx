interface Props {
  value: number
  max: number
  label: string
  /** Extra part drawn in the failure colour, e.g. failed rows of a run. */
  failed?: number
  testId?: string
}

/** A determinate bar; with max 0 it shows as indeterminate (work not yet counted). */
export function ProgressBar({ value, max, label, failed = 0, testId }: Props) {
  const pct = max > 0 ? Math.min(100, (value / max) * 100) : 0
  const failedPct = max > 0 ? Math.min(100 - pct, (failed / max) * 100) : 0
  return (
    <div className="progress" data-testid={testId}>
      <div
        className={`progress-track${max > 0 ? '' : ' progress-indeterminate'}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={max > 0 ? max : undefined}
        aria-valuenow={max > 0 ? value : undefined}
      >
        <div className="progress-fill" style={{ width: `${pct}%` }} />
        {failedPct > 0 && (
          <div className="progress-fill progress-failed" style={{ width: `${failedPct}%` }} />
        )}
      </div>
      <div className="progress-label">{label}</div>
    </div>
  )
}
