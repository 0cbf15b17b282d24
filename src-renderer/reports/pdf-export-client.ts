import type { ApiError } from '@core/api/errors'
import { ApiCallError } from '../api/api-call-error'
import { takeSecret } from '../api/secret'
import type { Envelope } from '../api/transport'

/**
 * PDF exports from either host. The browser host prints on its side and offers the file as a download
 * (POST /pdf/export, then GET /pdf/jobs/<id> for progress and /file for the bytes); the Electron shell
 * asks where to save first (a save or folder dialog) and writes the file there itself.
 */

/** What to export. */
export interface PdfExportRequest {
  /** A sample or visit report, a tour, an SKU's summary, or the negotiation sheet of an SKU or a factory. */
  kind: 'sample' | 'visit' | 'tour' | 'sku' | 'negotiation-sku' | 'negotiation-factory'
  /** Its id. */
  id: string
  /** A tour as one PDF, one PDF per sample in a folder, its one-page summary alone, or its itinerary. */
  mode: 'one' | 'each' | 'summary' | 'itinerary'
  /** The itinerary's day, 'YYYY-MM-DD'; every day when absent. */
  day?: string
  /** The report's language. */
  language: string
  /** PDF, or a PNG card (the negotiation sheet only); PDF when absent. */
  format?: 'pdf' | 'png'
}

/** An export's progress, as the host reports it. */
export interface PdfExportStatus {
  /** Job id. */
  id: string
  /** Where the job is. */
  state: 'running' | 'done' | 'failed' | 'cancelled'
  /** Share done, 0–1. */
  progress: number
  /** Documents printed so far. */
  documentsDone: number
  /** Documents in all. */
  documents: number
  /** File or folder name. */
  name: string
  /** A folder of PDFs (a .zip download in the browser). */
  folder: boolean
  /** Where it was written, once done. */
  path: string | null
  /** Why it failed. */
  error: string | null
}

/** The Electron preload's PDF bridge. */
export interface PdfBridge {
  /** Shows the save (or folder) dialog and starts the job; value null when the dialog was dismissed. */
  exportPdf(request: PdfExportRequest): Promise<Envelope>
  /** A job's status. */
  pdfJob(id: string): Promise<Envelope>
  /** Cancels a job. */
  cancelPdfJob(id: string): Promise<Envelope>
}

declare module '../api/ipc-transport' {
  interface WorkbenchBridge {
    /** PDF export (Electron only). */
    pdf?: PdfBridge
  }
}

/** Message key of the host's answer when no Chromium can print. */
export const NO_CHROMIUM = 'errors.pdf.noChromium'

function unwrap<T>(envelope: Envelope, name: string): T {
  if (!envelope.ok) throw new ApiCallError(name, envelope.error)
  return envelope.value as T
}

function networkError(name: string): ApiCallError {
  const error: ApiError = {
    code: 'internal',
    messageKey: 'errors.network',
    message: 'the app host cannot be reached',
    fields: [],
  }
  return new ApiCallError(name, error)
}

async function http<T>(path: string, method: 'GET' | 'POST', body?: unknown): Promise<T> {
  let response: Response
  try {
    response = await fetch(path, {
      method,
      headers: { 'content-type': 'application/json', 'x-workbench-secret': takeSecret(window) ?? '' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch {
    throw networkError(path)
  }
  return unwrap<T>((await response.json()) as Envelope, path)
}

/** Starts an export; null when the user dismissed the save dialog (Electron). */
export async function startPdfExport(request: PdfExportRequest): Promise<PdfExportStatus | null> {
  const bridge = window.workbench?.pdf
  if (bridge) return unwrap<PdfExportStatus | null>(await bridge.exportPdf(request), 'exportPdf')
  return http<PdfExportStatus>('/pdf/export', 'POST', request)
}

export async function pdfExportStatus(id: string): Promise<PdfExportStatus> {
  const bridge = window.workbench?.pdf
  if (bridge) return unwrap<PdfExportStatus>(await bridge.pdfJob(id), 'pdfJob')
  return http<PdfExportStatus>(`/pdf/jobs/${id}`, 'GET')
}

export async function cancelPdfExport(id: string): Promise<PdfExportStatus> {
  const bridge = window.workbench?.pdf
  if (bridge) return unwrap<PdfExportStatus>(await bridge.cancelPdfJob(id), 'cancelPdfJob')
  return http<PdfExportStatus>(`/pdf/jobs/${id}/cancel`, 'POST')
}

/** True when the file still has to be handed over (the browser host); Electron saved it already. */
export function needsDownload(): boolean {
  return !window.workbench
}

/** Downloads a finished export from the browser host (a PDF, or a .zip for a folder). */
export async function downloadPdfExport(status: PdfExportStatus): Promise<void> {
  let response: Response
  try {
    response = await fetch(`/pdf/jobs/${status.id}/file`, {
      headers: { 'x-workbench-secret': takeSecret(window) ?? '' },
    })
  } catch {
    throw networkError('download')
  }
  if (!response.ok) unwrap((await response.json()) as Envelope, 'download')
  const url = URL.createObjectURL(await response.blob())
  const link = document.createElement('a')
  link.href = url
  link.download = status.folder ? `${status.name}.zip` : status.name
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
