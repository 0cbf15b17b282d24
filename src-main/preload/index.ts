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
  /** Stores a document's bytes (its name and SHA-256 checked); resolves the envelope with the stored file. */
  uploadDocument: (bytes: ArrayBuffer, fileName: string, sha256: string): Promise<ApiResult> =>
    ipcRenderer.invoke('document:upload', bytes, fileName, sha256),
  /** A document's file: the envelope with its bytes, type and name. */
  readDocument: (id: string): Promise<ApiResult> => ipcRenderer.invoke('document:read', id),
  /** Export everything: a save dialog, then the archive written there (envelope: summary or null). */
  exportArchive: (): Promise<ApiResult> => ipcRenderer.invoke('archive:export'),
  /** Open an archive: an open dialog, then checked and swapped in; the app restarts on it. */
  openArchive: (): Promise<ApiResult> => ipcRenderer.invoke('archive:open'),
  /** PDF export: a save dialog, then a job with progress and cancel (see src-main/electron/pdf.ts). */
  pdf: {
    exportPdf: (request: unknown): Promise<ApiResult> => ipcRenderer.invoke('pdf:export', request),
    pdfJob: (id: string): Promise<ApiResult> => ipcRenderer.invoke('pdf:job', id),
    cancelPdfJob: (id: string): Promise<ApiResult> => ipcRenderer.invoke('pdf:cancel', id),
  },
  /** Updates from HQ (src-main/electron/updater.ts): what was downloaded, and restart into it. */
  updates: {
    status: (): Promise<ApiResult> => ipcRenderer.invoke('update:status'),
    restart: (): Promise<ApiResult> => ipcRenderer.invoke('update:restart'),
  },
}

contextBridge.exposeInMainWorld('workbench', api)
