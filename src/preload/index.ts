import './jitless'
import { contextBridge, ipcRenderer } from 'electron'
import { buildApi } from '../shared/api'
import { ipcTransport } from './transport'

/**
 * The bridge: `window.api` with one function per contract operation, channel names only from the
 * contract (via buildApi). ipcRenderer itself is never exposed: any script in the page could then
 * call any channel.
 */
contextBridge.exposeInMainWorld('api', buildApi(ipcTransport(ipcRenderer)))
