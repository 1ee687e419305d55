import { useEffect, useState } from 'react'
import type { RunProgress } from '../../../../shared/contract'
import type { IpcError } from '../../../../shared/ipc'

/** The batch's progress: read once, then kept current by the batched `runs:progress` pushes. */
export function useRunProgress(batchId: string) {
  const [progress, setProgress] = useState<RunProgress | null>(null)
  const [error, setError] = useState<IpcError | null>(null)
  useEffect(() => {
    let alive = true
    window.api.runs
      .progress({ batchId })
      .then((r) => {
        if (!alive) return
        if (r.ok) setProgress((p) => p ?? r.value)
        else setError(r.error)
      })
      .catch((e: unknown) => alive && setError({ code: 'transport', message: String(e) }))
    const offProgress = window.api.on.runs.progress((p) => p.batchId === batchId && setProgress(p))
    const offEnded = window.api.on.runs.ended((p) => p.batchId === batchId && setProgress(p))
    // Row pushes carry the progress of the same moment (one message instead of two).
    const offRows = window.api.on.runs.rows(
      (e) => e.batchId === batchId && e.progress && setProgress(e.progress),
    )
    return () => {
      alive = false
      offProgress()
      offEnded()
      offRows()
    }
  }, [batchId])
  return { progress, setProgress, error }
}
