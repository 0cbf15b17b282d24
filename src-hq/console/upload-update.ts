import type { ApiError } from '@core/api/errors'
import { ApiCallError } from '../../src-renderer/api/api-call-error'

/** What HQ answers for a stored upload (update-feed.ts StoredUpdate). */
export interface UploadedUpdate {
  fileName: string
  version: string | null
  channel: string | null
  sha512: string
  size: number
}

const CALL = 'updates.upload'

function failure(messageKey: string, message: string): ApiError {
  return { code: 'internal', messageKey, message, fields: [] }
}

/**
 * PUTs one installer build to /updates/<file>?version= with the console's session cookie. An
 * XMLHttpRequest rather than fetch, for its upload progress; HQ's refusal becomes an ApiCallError whose
 * message key the page shows in words.
 */
export function uploadUpdate(
  file: File,
  version: string,
  onProgress: (fraction: number) => void,
): Promise<UploadedUpdate> {
  const query = version.trim() ? `?version=${encodeURIComponent(version.trim())}` : ''
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('PUT', `/updates/${encodeURIComponent(file.name)}${query}`)
    xhr.withCredentials = true
    xhr.setRequestHeader('content-type', 'application/octet-stream')
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total)
    }
    xhr.onerror = () => reject(new ApiCallError(CALL, failure('errors.network', 'HQ cannot be reached')))
    xhr.onabort = () =>
      reject(new ApiCallError(CALL, failure('hqConsole.updates.cutOff', 'the upload was cut off')))
    xhr.onload = () => {
      let body: { ok?: boolean; value?: UploadedUpdate; error?: ApiError }
      try {
        body = JSON.parse(xhr.responseText) as typeof body
      } catch {
        reject(new ApiCallError(CALL, failure('errors.internal', `HQ answered ${xhr.status} without JSON`)))
        return
      }
      if (body.ok === true && body.value) resolve(body.value)
      else
        reject(
          new ApiCallError(CALL, body.error ?? failure('errors.internal', 'HQ answered an unknown shape')),
        )
    }
    xhr.send(file)
  })
}
