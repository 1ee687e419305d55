import { useEffect } from 'react'
import { useOpenPath } from './use-open-file'

/**
 * Spreadsheets the OS hands the app ("Open with Kravia Batch", a double-click, a second launch)
 * open on Read like a dropped file: first any that arrived before the page listened, then each
 * new one as it comes. Main checks every path again before reading it.
 */
export function useLaunchFiles(): void {
  const openPath = useOpenPath()
  useEffect(() => {
    let active = true
    const off = window.api.on.app.openFile(({ path }) => void openPath(path))
    void window.api.app.openedFiles({}).then((r) => {
      // One file at a time is one import: the newest wins, as with a second drop.
      const last = r.ok ? r.value.paths.at(-1) : undefined
      if (active && last) void openPath(last)
    })
    return () => {
      active = false
      off()
    }
  }, [openPath])
}
