import { useEffect, useState } from 'react'
import type { EventPayload } from '../../../shared/contract'

export type ImportProgress = EventPayload<'import:progress'>

/**
 * The latest progress main reported for this import session (reading the file, validating);
 * `null` listens to any session (a file being opened has no id yet).
 */
export function useImportProgress(sessionId: string | null): ImportProgress | null {
  const [p, setP] = useState<ImportProgress | null>(null)
  useEffect(
    () =>
      window.api.on.import.progress((e) => {
        if (sessionId === null || e.sessionId === sessionId) setP(e)
      }),
    [sessionId],
  )
  return p
}
