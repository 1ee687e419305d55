import { useCallback } from 'react'
import { useNavigate } from './navigation'

/**
 * File › Open, Ctrl+O and the Start screen's button all end here. (First version: goes to Start;
 * the native dialog through `import:openDialog` follows with the import operations.)
 */
export function useOpenFile(): () => Promise<void> {
  const navigate = useNavigate()
  return useCallback(async () => {
    navigate({ screen: 'start' })
  }, [navigate])
}
