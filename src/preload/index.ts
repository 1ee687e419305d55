import './jitless'
import { contextBridge, ipcRenderer, webUtils } from 'electron'
import { buildApi } from '../shared/api'
import { ipcTransport } from './transport'

/**
 * The bridge: `window.api` with one function per contract operation, channel names only from the
 * contract (via buildApi). ipcRenderer itself is never exposed: any script in the page could then
 * call any channel.
 */
contextBridge.exposeInMainWorld('api', buildApi(ipcTransport(ipcRenderer)))

/**
 * A dropped File's path. A File object cannot cross IPC, so the page asks here and then passes the
 * path string to `import:openPath`, which main checks like any other input.
 */
contextBridge.exposeInMainWorld('filePaths', {
  getPathForFile: (file: File): string => webUtils.getPathForFile(file),
})
