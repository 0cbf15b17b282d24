import type { ApiError } from '@core/api/errors'
import type { Photo, PhotoVariant } from '@core/photos/photos.contract'
import { ApiCallError } from '../api/api-call-error'
import { takeSecret } from '../api/secret'
import type { Envelope } from '../api/transport'

/**
 * Photo bytes travel outside the JSON API: through the preload's uploadPhoto in Electron, as a raw
 * POST /upload/photo in the browser host. Files come back by URL: the Electron shell's
 * workbench-photo:// protocol, or /photos/… (which needs the cookie any API call hands out).
 */

declare module '../api/ipc-transport' {
  interface WorkbenchBridge {
    /** Stores one photo's bytes (Electron only). */
    uploadPhoto?(bytes: ArrayBuffer): Promise<Envelope>
  }
}

/** Header the browser host checks before any routing. */
const SECRET_HEADER = 'x-workbench-secret'

/** Where the <img> of a photo variant points, in this host. */
export function photoUrl(sha256: string, variant: PhotoVariant): string {
  return window.workbench ? `workbench-photo://${sha256}/${variant}` : `/photos/${sha256}/${variant}`
}

function failure(messageKey: string, message: string): ApiCallError {
  const error: ApiError = { code: 'internal', messageKey, message, fields: [] }
  return new ApiCallError('uploadPhoto', error)
}

function unwrap(envelope: Envelope): Photo {
  if (!envelope.ok) throw new ApiCallError('uploadPhoto', envelope.error)
  return envelope.value as Photo
}

/** Progress of one upload: the share of bytes sent (0–1); the core's work follows at 1. */
export type UploadProgress = (sent: number) => void

/** Stores a file as a photo; resolves the stored Photo or throws ApiCallError. */
export async function uploadPhoto(file: Blob, onProgress: UploadProgress): Promise<Photo> {
  const bridge = window.workbench
  if (bridge?.uploadPhoto) {
    // IPC has no progress events: the bytes arrive in one message.
    const bytes = await file.arrayBuffer()
    onProgress(1)
    return unwrap(await bridge.uploadPhoto(bytes))
  }
  // XMLHttpRequest, because fetch cannot report upload progress.
  return new Promise<Photo>((resolve, reject) => {
    const request = new XMLHttpRequest()
    request.open('POST', '/upload/photo')
    request.setRequestHeader(SECRET_HEADER, takeSecret(window) ?? '')
    request.setRequestHeader('content-type', 'application/octet-stream')
    request.responseType = 'json'
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total)
    }
    request.onload = () => {
      const body = request.response as Envelope | null
      if (body && typeof body.ok === 'boolean') {
        try {
          resolve(unwrap(body))
        } catch (error) {
          reject(error)
        }
      } else reject(failure('errors.internal', `host answered ${request.status} without JSON`))
    }
    request.onerror = () => reject(failure('errors.network', 'the app host cannot be reached'))
    request.send(file)
  })
}
