import './jitless'
import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron'
import { buildApi, type Transport } from '../shared/api'
import type { IpcResult } from '../shared/ipc'

/**
 * The bridge: `window.api` with one function per contract operation. ipcRenderer itself is never
 * exposed (any page script could then call any channel), and listeners never see the Electron
 * event object (it carries `sender`). Channel names come only from the contract via buildApi.
 */
const ipcTransport: Transport = {
  invoke: (channel, input) => ipcRenderer.invoke(channel, input) as Promise<IpcResult<unknown>>,
  subscribe(channel, listener) {
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload)
    ipcRenderer.on(channel, forward)
    return () => {
      ipcRenderer.removeListener(channel, forward)
    }
  },
}

contextBridge.exposeInMainWorld('api', buildApi(ipcTransport))
