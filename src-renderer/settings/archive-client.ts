import type { ApiError } from '@core/api/errors'
import type { ArchiveSummary } from '@core/archive/archive.contract'
import { ApiCallError } from '../api/api-call-error'
import { takeSecret } from '../api/secret'
import type { Envelope } from '../api/transport'

/**
 * The archive travels outside the JSON API (it may be gigabytes): in Electron through the preload's
 * exportArchive / openArchive (file dialogs in the main process); in the browser host as
 * POST /archive/export then GET /archive/file/<name>, and the chosen file as the raw body of
 * POST /upload/archive.
 */

declare module '../api/ipc-transport' {
  interface WorkbenchBridge {
    /** Export everything through a save dialog (Electron only); value null when cancelled. */
    exportArchive?(): Promise<Envelope>
    /** Open an archive through an open dialog (Electron only); the app restarts on it. */
    openArchive?(): Promise<Envelope>
  }
}

/** Header the browser host checks before any routing. */
const SECRET_HEADER = 'x-workbench-secret'

function failure(call: string, messageKey: string, message: string): ApiCallError {
  const error: ApiError = { code: 'internal', messageKey, message, fields: [] }
  return new ApiCallError(call, error)
}

async function envelopeOf(call: string, request: Promise<Response>): Promise<Envelope> {
  let response: Response
  try {
    response = await request
  } catch {
    throw failure(call, 'errors.network', 'the app host cannot be reached')
  }
  try {
    const body = (await response.json()) as Envelope
    if (typeof body?.ok === 'boolean') return body
  } catch {
    // Falls through to the generic failure below.
  }
  throw failure(call, 'errors.internal', `host answered ${response.status} without an envelope`)
}

function unwrap(call: string, envelope: Envelope): ArchiveSummary | null {
  if (!envelope.ok) throw new ApiCallError(call, envelope.error)
  return envelope.value as ArchiveSummary | null
}

/** Whether the file dialogs are the main process's (Electron) rather than the page's. */
export function hasNativeArchiveDialogs(): boolean {
  return Boolean(window.workbench?.exportArchive)
}

/** Exports everything; in the browser host the file is also downloaded. Null when the buyer cancelled. */
export async function exportArchive(): Promise<ArchiveSummary | null> {
  const bridge = window.workbench
  if (bridge?.exportArchive) return unwrap('exportArchive', await bridge.exportArchive())
  const headers = { [SECRET_HEADER]: takeSecret(window) ?? '' }
  const summary = unwrap(
    'exportArchive',
    await envelopeOf('exportArchive', fetch('/archive/export', { method: 'POST', headers })),
  )
  if (!summary) return null
  const response = await fetch(`/archive/file/${encodeURIComponent(summary.fileName)}`, { headers })
  if (!response.ok) throw failure('exportArchive', 'errors.internal', `download answered ${response.status}`)
  const url = URL.createObjectURL(await response.blob())
  const link = document.createElement('a')
  link.href = url
  link.download = summary.fileName
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
  return summary
}

/** Opens an archive (Electron: through its dialog; browser host: the chosen file). */
export async function openArchive(file?: File): Promise<ArchiveSummary | null> {
  const bridge = window.workbench
  if (bridge?.openArchive) return unwrap('openArchive', await bridge.openArchive())
  if (!file) return null
  const request = fetch(`/upload/archive?name=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    headers: { [SECRET_HEADER]: takeSecret(window) ?? '', 'content-type': 'application/x-tar' },
    body: file,
  })
  return unwrap('openArchive', await envelopeOf('openArchive', request))
}
