import { contextBridge, ipcRenderer } from 'electron'
import type { ApiResult } from '../core/api/dispatcher'

/** The only thing the renderer can reach: one typed call into the core. No ipcRenderer, no Node. */
const api = {
  call: (name: string, input: unknown): Promise<ApiResult> => ipcRenderer.invoke('api:call', name, input),
}

contextBridge.exposeInMainWorld('workbench', api)
