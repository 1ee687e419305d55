import { useCallback } from 'react'
import type { ImportSessionInfo } from '../../../shared/contract'
import { useNavigate } from './navigation'
import type { Route } from './routes'
import { useApi } from './use-api'

/** A session opens on the step it was left at (a fresh file starts at Read). */
export function routeForSession(s: ImportSessionInfo): Route {
  return { screen: s.step, sessionId: s.sessionId }
}

/** File › Open, Ctrl+O and the Start screen's button: the native dialog in main, then Read. */
export function useOpenFile(): () => Promise<void> {
  const navigate = useNavigate()
  const { api, call } = useApi()
  return useCallback(async () => {
    const session = await call(api.import.openDialog({}))
    if (session) navigate(routeForSession(session))
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
