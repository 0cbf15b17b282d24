import type { CoreContext } from '../api/context'
import type { ApiResult } from '../api/dispatcher'
import { AppError } from '../api/errors'
import type { HandlersFor } from '../api/handlers'
import type { photoCalls } from './photos.contract'
import {
  attachPhoto,
  listFactoryRecordPhotos,
  listPhotos,
  photoFile,
  photoPrintCopy,
  reorderPhotos,
  unlinkPhoto,
  updatePhotoCaption,
  uploadPhoto,
} from './photos.service'

export const photoHandlers: HandlersFor<typeof photoCalls> = {
  'photos.list': async (input, ctx) => ({ items: await listPhotos(ctx, input) }),
  'photos.ofFactory': async (input, ctx) => ({ items: await listFactoryRecordPhotos(ctx, input.factoryId) }),
  'photos.attach': (input, ctx) => attachPhoto(ctx, input),
  'photos.updateCaption': (input, ctx) => updatePhotoCaption(ctx, input.linkId, input.caption),
  'photos.unlink': async (input, ctx) => {
    await unlinkPhoto(ctx, input.linkId)
    return { linkId: input.linkId }
  },
  'photos.reorder': async (input, ctx) => ({ items: await reorderPhotos(ctx, input, input.linkIds) }),
}

/** What the hosts' binary photo routes call: upload bytes, find a variant's file. */
export interface PhotoRoutes {
  /** Stores uploaded bytes; the same envelope as an API call, value a Photo. */
  upload(bytes: Uint8Array): Promise<ApiResult>
  /** The file of a photo variant with its content type, or null when there is none to serve. */
  file(sha256: string, variant: string): Promise<{ path: string; mime: string } | null>
  /** Path of the photo's print copy for PDF exports, or null when it has none (yet). */
  printCopy(sha256: string): Promise<string | null>
}

export function photoRoutes(
  ctx: CoreContext,
  onInternalError?: (error: unknown, call: string) => void,
): PhotoRoutes {
  return {
    async upload(bytes) {
      try {
        return { ok: true, value: await uploadPhoto(ctx, bytes) }
      } catch (error) {
        if (error instanceof AppError) return { ok: false, error: error.toApiError() }
        onInternalError?.(error, 'uploadPhoto')
        return {
          ok: false,
          error: { code: 'internal', messageKey: 'errors.internal', message: 'internal error', fields: [] },
        }
      }
    },
    file: (sha256, variant) => photoFile(ctx, sha256, variant),
    printCopy: (sha256) => photoPrintCopy(ctx, sha256),
  }
}
