import { useCallback } from 'react'
import type { ImportSessionInfo } from '../../../shared/contract'
import { useNavigate } from './navigation'
import type { Route } from './routes'
import { useApi } from './use-api'

/** A session opens on the step it was left at (a fresh file starts at Read). */
export function routeForSession(s: ImportSessionInfo): Route {
  return { screen: s.step, sessionId: s.sessionId }
}

// In Electron the native menu's Ctrl+O accelerator and the page's own Ctrl+O can both fire for one
// key press; one dialog at a time keeps that from opening the dialog twice.
let dialogOpen = false

/** File › Open, Ctrl+O and the Start screen's button: the native dialog in main, then Read. */
export function useOpenFile(): () => Promise<void> {
  const navigate = useNavigate()
  const { api, call } = useApi()
  return useCallback(async () => {
    if (dialogOpen) return
    dialogOpen = true
    try {
      const session = await call(api.import.openDialog({}))
      if (session) navigate(routeForSession(session))
    } finally {
      dialogOpen = false
    }
  }, [api, call, navigate])
}

/** A dropped file, by the path the preload found for it. */
export function useOpenPath(): (path: string) => Promise<void> {
  const navigate = useNavigate()
  const { api, call } = useApi()
  return useCallback(
    async (path: string) => {
      const session = await call(api.import.openPath({ path }))
      if (session) navigate(routeForSession(session))
    },
    [api, call, navigate],
  )
}
