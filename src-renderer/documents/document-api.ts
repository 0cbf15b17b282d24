import type { ApiError } from '@core/api/errors'
import type { Document, StoredDocumentFile } from '@core/documents/documents.contract'
import type { TFunction } from 'i18next'
import { ApiCallError } from '../api/api-call-error'
import { takeSecret } from '../api/secret'
import type { Envelope } from '../api/transport'
import { messageText } from '../i18n/message-text'

/**
 * Document bytes travel outside the JSON API, as photos' do: through the preload in Electron, as a raw
 * POST /upload/document in the browser host, with the SHA-256 this page computed so the core refuses
 * bytes damaged on the way. Reading a file back gives the bytes to the page, which hands them to the
 * buyer as a download (or opens a PDF or image in a tab).
 */

declare module '../api/ipc-transport' {
  interface WorkbenchBridge {
    /** Stores a document's bytes (Electron only). */
    uploadDocument?(bytes: ArrayBuffer, fileName: string, sha256: string): Promise<Envelope>
    /** A document's bytes, type and name (Electron only). */
    readDocument?(id: string): Promise<Envelope>
  }
}

/** Header the browser host checks before any routing. */
const SECRET_HEADER = 'x-workbench-secret'

function failure(call: string, messageKey: string, message: string): ApiCallError {
  const error: ApiError = { code: 'internal', messageKey, message, fields: [] }
  return new ApiCallError(call, error)
}

async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes)
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

async function envelopeOf(response: Response, call: string): Promise<Envelope> {
  let body: unknown
  try {
    body = await response.json()
  } catch {
    throw failure(call, 'errors.internal', `host answered ${response.status} without JSON`)
  }
  if (typeof body !== 'object' || body === null || typeof (body as Envelope).ok !== 'boolean') {
    throw failure(call, 'errors.internal', 'host answered with an unknown shape')
  }
  return body as Envelope
}

/** Stores a file as a document file (not yet attached); throws ApiCallError with the core's reason. */
export async function uploadDocument(file: File): Promise<StoredDocumentFile> {
  const bytes = await file.arrayBuffer()
  const sha256 = await sha256Hex(bytes)
  const bridge = window.workbench
  let envelope: Envelope
  if (bridge?.uploadDocument) envelope = await bridge.uploadDocument(bytes, file.name, sha256)
  else {
    let response: Response
    try {
      const query = `name=${encodeURIComponent(file.name)}&sha256=${sha256}`
      response = await fetch(`/upload/document?${query}`, {
        method: 'POST',
        headers: { [SECRET_HEADER]: takeSecret(window) ?? '', 'content-type': 'application/octet-stream' },
        body: bytes,
      })
    } catch {
      throw failure('uploadDocument', 'errors.network', 'the app host cannot be reached')
    }
    envelope = await envelopeOf(response, 'uploadDocument')
  }
  if (!envelope.ok) throw new ApiCallError('uploadDocument', envelope.error)
  return envelope.value as StoredDocumentFile
}

async function readDocument(doc: Document): Promise<Blob> {
  const bridge = window.workbench
  if (bridge?.readDocument) {
    const envelope = await bridge.readDocument(doc.id)
    if (!envelope.ok) throw new ApiCallError('readDocument', envelope.error)
    const value = envelope.value as { bytes: ArrayBuffer; mime: string }
    return new Blob([value.bytes], { type: value.mime })
  }
  let response: Response
  try {
    response = await fetch(`/documents/${doc.id}`, { headers: { [SECRET_HEADER]: takeSecret(window) ?? '' } })
  } catch {
    throw failure('readDocument', 'errors.network', 'the app host cannot be reached')
  }
  if (!response.ok) {
    const envelope = await envelopeOf(response, 'readDocument')
    throw new ApiCallError(
      'readDocument',
      envelope.ok
        ? { code: 'internal', messageKey: 'errors.internal', message: '', fields: [] }
        : envelope.error,
    )
  }
  return new Blob([await response.arrayBuffer()], { type: doc.mime })
}

/**
 * Hands a document to the buyer: saved under its own name (a spreadsheet), or, for a PDF or image
 * when `view` is set, opened in a new tab of the browser host. The blob URL is let go a minute later.
 */
export async function openDocument(doc: Document, view = false): Promise<void> {
  const url = URL.createObjectURL(await readDocument(doc))
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
  if (view && !window.workbench && (doc.type === 'pdf' || doc.type === 'image')) {
    if (window.open(url, '_blank', 'noopener')) return
  }
  const link = document.createElement('a')
  link.href = url
  link.download = doc.fileName
  link.rel = 'noopener'
  document.body.appendChild(link)
  link.click()
  link.remove()
}

/** A document call's failure in words: the field's message with its params (named, actual, maximumMb). */
export function documentErrorText(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiCallError)) return t('errors.internal')
  const field = error.apiError.fields[0]
  const key = field?.messageKey.startsWith('errors.document.') ? field.messageKey : error.apiError.messageKey
  return messageText(t, key, field?.params)
}

/** Bytes as the buyer reads them: 812 KB, 2.4 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}
