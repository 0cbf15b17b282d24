import { contextBridge, ipcRenderer } from 'electron'
import type { ApiResult } from '../core/api/dispatcher'

/** The only thing the renderer can reach: one typed call into the core. No ipcRenderer, no Node. */
const api = {
  call: (name: string, input: unknown): Promise<ApiResult> => ipcRenderer.invoke('api:call', name, input),
  /** Stores one photo's bytes; resolves the envelope with the Photo (sha256, size…). */
  uploadPhoto: (bytes: ArrayBuffer): Promise<ApiResult> => ipcRenderer.invoke('photo:upload', bytes),
  /** Reads a spreadsheet's bytes for an import; resolves the envelope with the ImportUpload. */
  uploadImport: (bytes: ArrayBuffer, fileName: string): Promise<ApiResult> =>
    ipcRenderer.invoke('import:upload', bytes, fileName),
  /** PDF export: a save dialog, then a job with progress and cancel (see src-main/electron/pdf.ts). */
  pdf: {
    exportPdf: (request: unknown): Promise<ApiResult> => ipcRenderer.invoke('pdf:export', request),
    pdfJob: (id: string): Promise<ApiResult> => ipcRenderer.invoke('pdf:job', id),
    cancelPdfJob: (id: string): Promise<ApiResult> => ipcRenderer.invoke('pdf:cancel', id),
  },
}

contextBridge.exposeInMainWorld('workbench', api)
