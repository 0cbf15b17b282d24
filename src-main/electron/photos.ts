import { ipcMain, protocol, type WebFrameMain } from 'electron'
import { readFile } from 'node:fs/promises'
import type { ApiResult } from '../core/api/dispatcher'
import type { PhotoRoutes } from '../core/photos/photos.api'
import { MAX_PHOTO_UPLOAD_BYTES } from '../core/photos/photos.contract'

/**
 * Photos in the Electron shell: uploads arrive over one IPC channel as raw bytes (not JSON), and the
 * renderer shows files through workbench-photo://<sha256>/<thumb|preview|original>, so the sandboxed
 * page never gets file:// access to the data directory.
 */

export const PHOTO_SCHEME = 'workbench-photo'

function refusal(code: 'unauthorized' | 'bad_request', message: string): ApiResult {
  const messageKey = code === 'unauthorized' ? 'errors.unauthorized' : 'errors.badRequest'
  return { ok: false, error: { code, messageKey, message, fields: [] } }
}

/** 'photo:upload' with the same sender check as 'api:call'. */
export function handlePhotoUpload(
  photos: PhotoRoutes,
  trusted: (frame: WebFrameMain | null) => boolean,
): void {
  ipcMain.handle('photo:upload', async (event, bytes: unknown): Promise<ApiResult> => {
    if (!trusted(event.senderFrame)) return refusal('unauthorized', 'untrusted sender')
    if (!(bytes instanceof ArrayBuffer)) return refusal('bad_request', 'uploadPhoto takes an ArrayBuffer')
    if (bytes.byteLength > MAX_PHOTO_UPLOAD_BYTES) {
      return {
        ok: false,
        error: {
          code: 'payload_too_large',
          messageKey: 'errors.photo.tooLarge',
          message: `photo exceeds ${MAX_PHOTO_UPLOAD_BYTES} bytes`,
          fields: [],
        },
      }
    }
    return photos.upload(new Uint8Array(bytes))
  })
}

/** Serves workbench-photo:// URLs from the data directory; anything unknown or malformed is a 404. */
export function handlePhotoProtocol(photos: PhotoRoutes): void {
  protocol.handle(PHOTO_SCHEME, async (request) => {
    const url = new URL(request.url)
    const file = await photos.file(url.hostname, url.pathname.replace(/^\//, ''))
    if (!file) return new Response('no such photo', { status: 404 })
    return new Response(await readFile(file.path), {
      headers: {
        'content-type': file.mime,
        'cache-control': 'private, max-age=31536000, immutable',
        'x-content-type-options': 'nosniff',
      },
    })
  })
}
