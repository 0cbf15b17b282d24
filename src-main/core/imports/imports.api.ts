import type { CoreContext } from '../api/context'
import type { ApiResult } from '../api/dispatcher'
import { AppError } from '../api/errors'
import type { HandlersFor } from '../api/handlers'
import type { importCalls } from './imports.contract'
import {
  cancelImport,
  commitImport,
  discardImport,
  importProgress,
  previewImport,
  uploadImport,
} from './imports.service'

export const importHandlers: HandlersFor<typeof importCalls> = {
  'imports.preview': (input, ctx) => previewImport(ctx, input),
  'imports.commit': (input, ctx) => commitImport(ctx, input),
  'imports.progress': async (input, ctx) => importProgress(ctx, input.importId),
  'imports.cancel': async (input, ctx) => cancelImport(ctx, input.importId),
  'imports.discard': async (input, ctx) => {
    discardImport(ctx, input.importId)
    return { importId: input.importId }
  },
}

/** What the hosts' binary import route calls (HTTP POST /upload/import, IPC import:upload). */
export interface ImportRoutes {
  /** Reads an uploaded spreadsheet; the same envelope as an API call, value an ImportUpload. */
  upload(bytes: Uint8Array, fileName: string): Promise<ApiResult>
}

/** Longest file name kept (it is only shown back to the user). */
const MAX_FILE_NAME = 200

export function importRoutes(
  ctx: CoreContext,
  onInternalError?: (error: unknown, call: string) => void,
): ImportRoutes {
  return {
    async upload(bytes, fileName) {
      try {
        return { ok: true, value: await uploadImport(ctx, bytes, fileName.slice(0, MAX_FILE_NAME)) }
      } catch (error) {
        if (error instanceof AppError) return { ok: false, error: error.toApiError() }
        onInternalError?.(error, 'uploadImport')
        return {
          ok: false,
          error: { code: 'internal', messageKey: 'errors.internal', message: 'internal error', fields: [] },
        }
      }
    },
  }
}
