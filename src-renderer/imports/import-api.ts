import type { ApiError } from '@core/api/errors'
import type { ImportUpload } from '@core/imports/imports.contract'
import { ApiCallError } from '../api/api-call-error'
import { takeSecret } from '../api/secret'
import type { Envelope } from '../api/transport'

/**
 * A spreadsheet's bytes travel outside the JSON API (they may pass its 1 MiB body limit): through the
 * preload's uploadImport in Electron, as a raw POST /upload/import in the browser host.
 */

declare module '../api/ipc-transport' {
  interface WorkbenchBridge {
    /** Reads a spreadsheet for an import (Electron only). */
    uploadImport?(bytes: ArrayBuffer, fileName: string): Promise<Envelope>
  }
}

/** Header the browser host checks before any routing. */
const SECRET_HEADER = 'x-workbench-secret'

function unwrap(envelope: Envelope): ImportUpload {
  if (!envelope.ok) throw new ApiCallError('uploadImport', envelope.error)
  return envelope.value as ImportUpload
}

function failure(messageKey: string, message: string): ApiCallError {
  const error: ApiError = { code: 'internal', messageKey, message, fields: [] }
  return new ApiCallError('uploadImport', error)
}

/** Uploads a spreadsheet; resolves what the core read of it, or throws ApiCallError. */
export async function uploadImport(file: File): Promise<ImportUpload> {
  const bridge = window.workbench
  if (bridge?.uploadImport) return unwrap(await bridge.uploadImport(await file.arrayBuffer(), file.name))
  let response: Response
  try {
    response = await fetch(`/upload/import?name=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      headers: { [SECRET_HEADER]: takeSecret(window) ?? '', 'content-type': 'application/octet-stream' },
      body: file,
    })
  } catch {
    throw failure('errors.network', 'the app host cannot be reached')
  }
  let body: unknown
  try {
    body = await response.json()
  } catch {
    throw failure('errors.internal', `host answered ${response.status} without JSON`)
  }
  if (typeof body !== 'object' || body === null || typeof (body as Envelope).ok !== 'boolean') {
    throw failure('errors.internal', 'host answered with an unknown shape')
  }
  return unwrap(body as Envelope)
}

/** The text of an API error's message with the params its first field carries (row, count…). */
export function errorParams(error: unknown): Record<string, string | number> | undefined {
  return error instanceof ApiCallError ? error.apiError.fields[0]?.params : undefined
}

/** Excel's column letter of a 0-based column index (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1
  let letters = ''
  while (n > 0) {
    const rem = (n - 1) % 26
    letters = String.fromCharCode(65 + rem) + letters
    n = Math.floor((n - 1) / 26)
  }
  return letters
}
