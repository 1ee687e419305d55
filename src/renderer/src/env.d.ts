import type { Api } from '../../shared/api'

declare global {
  interface Window {
    api: Api
    /**
     * Optional, from the preload: the path of a dropped file (Electron's webUtils.getPathForFile).
     * File objects cannot cross IPC, so this one helper lives in the preload, not in the contract.
     * Absent in the browser harness; a drop then says to use "Open file".
     */
    filePaths?: { getPathForFile(file: File): string }
  }
}
