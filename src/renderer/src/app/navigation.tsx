import { createContext, type ReactNode, useContext } from 'react'
import type { Route } from './routes'

interface Navigation {
  route: Route
  navigate: (route: Route) => void
}

const NavContext = createContext<Navigation | null>(null)

export function NavProvider({ value, children }: { value: Navigation; children: ReactNode }) {
  return <NavContext.Provider value={value}>{children}</NavContext.Provider>
}

function useNav(): Navigation {
  const v = useContext(NavContext)
  if (!v) throw new Error('navigation used outside NavProvider')
  return v
}

/** `navigate({ screen: 'run', batchId })` from any screen. */
export function useNavigate(): (route: Route) => void {
  return useNav().navigate
}

export function useRoute(): Route {
  return useNav().route
}
