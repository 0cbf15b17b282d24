import { ipcMain, protocol, type Shell, type WebFrameMain } from 'electron'
import { copyFile, mkdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { printSizePhoto } from '../host/pdf-photos'
import type { ApiResult } from '../core/api/dispatcher'
import type { PhotoRoutes } from '../core/photos/photos.api'
import { MAX_PHOTO_UPLOAD_BYTES } from '../core/photos/photos.contract'

/**
 * Photos in the Electron shell: uploads arrive over one IPC channel as raw bytes (not JSON), and the
 * renderer shows files through workbench-photo://<sha256>/<thumb|preview|original>, so the sandboxed
 * page never gets file:// access to the data directory. A report's photos ask for the preview with
 * '?print' and get the print copy, as the browser host's printer answers them (host/pdf-photos.ts), so an
 * Electron PDF embeds 800 px photos and keeps within the same 10 MB budget.
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

const PHOTO_HEADERS = {
  'cache-control': 'private, max-age=31536000, immutable',
  'x-content-type-options': 'nosniff',
}

/** Answers one workbench-photo:// request; anything unknown or malformed is a 404. */
export async function servePhotoRequest(photos: PhotoRoutes, request: Request): Promise<Response> {
  const url = new URL(request.url)
  const sha256 = url.hostname
  const variant = url.pathname.replace(/^\//, '')
  if (variant === 'preview' && url.searchParams.has('print')) {
    const bytes = await printSizePhoto(photos, sha256).catch(() => null)
    if (bytes) {
      return new Response(new Uint8Array(bytes), {
        headers: { 'content-type': 'image/jpeg', ...PHOTO_HEADERS },
      })
    }
  }
  const file = await photos.file(sha256, variant)
  if (!file) return new Response('no such photo', { status: 404 })
  return new Response(new Uint8Array(await readFile(file.path)), {
    headers: { 'content-type': file.mime, ...PHOTO_HEADERS },
  })
}

/** Serves workbench-photo:// URLs from the data directory. */
export function handlePhotoProtocol(photos: PhotoRoutes): void {
  protocol.handle(PHOTO_SCHEME, (request) => servePhotoRequest(photos, request))
}

/** A photo's original, named by its address workbench-photo://<sha256>/original; null for anything else. */
export function originalPhotoHash(url: string): string | null {
  const match = /^workbench-photo:\/\/([0-9a-f]{64})\/original$/.exec(url)
  return match ? match[1]! : null
}

/**
 * Opens a photo's original in the system's image viewer (the viewer's "original photo" link). A copy in
 * the temp folder is opened, so an editor saving over it cannot change the content-addressed store.
 * Resolves false when this workbench does not have the photo or the system could not open it.
 */
export async function openOriginalPhoto(
  photos: PhotoRoutes,
  shell: Pick<Shell, 'openPath'>,
  sha256: string,
): Promise<boolean> {
  const file = await photos.file(sha256, 'original')
  if (!file) return false
  const folder = join(tmpdir(), 'sourcing-workbench-photos')
  await mkdir(folder, { recursive: true })
  const copy = join(folder, basename(file.path))
  await copyFile(file.path, copy)
  // openPath answers an error message, or '' when the file was handed to its application.
  return (await shell.openPath(copy)) === ''
}
