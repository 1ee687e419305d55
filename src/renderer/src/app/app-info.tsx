import { createContext, type ReactNode, useContext } from 'react'
import type { AppInfo } from '../../../shared/contract'

interface AppInfoValue {
  info: AppInfo | null
  /** Re-reads app:info, e.g. after Settings switched environment or account. */
  refresh: () => Promise<void>
}

const AppInfoContext = createContext<AppInfoValue | null>(null)

export function AppInfoProvider({ value, children }: { value: AppInfoValue; children: ReactNode }) {
  return <AppInfoContext.Provider value={value}>{children}</AppInfoContext.Provider>
}

export function useAppInfo(): AppInfoValue {
  const v = useContext(AppInfoContext)
  if (!v) throw new Error('useAppInfo outside AppInfoProvider')
  return v
}
