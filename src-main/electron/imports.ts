import { ipcMain, type WebFrameMain } from 'electron'
import type { ApiResult } from '../core/api/dispatcher'
import type { ImportRoutes } from '../core/imports/imports.api'
import { MAX_IMPORT_BYTES } from '../core/imports/imports.contract'

/**
 * Spreadsheet uploads in the Electron shell: the bytes arrive over one IPC channel (not JSON, and not
 * bound by the API's body limit), with the same sender check as 'api:call'.
 */

function refusal(code: 'unauthorized' | 'bad_request', message: string): ApiResult {
  const messageKey = code === 'unauthorized' ? 'errors.unauthorized' : 'errors.badRequest'
  return { ok: false, error: { code, messageKey, message, fields: [] } }
}

export function handleImportUpload(
  imports: ImportRoutes,
  trusted: (frame: WebFrameMain | null) => boolean,
): void {
  ipcMain.handle('import:upload', async (event, bytes: unknown, fileName: unknown): Promise<ApiResult> => {
    if (!trusted(event.senderFrame)) return refusal('unauthorized', 'untrusted sender')
    if (!(bytes instanceof ArrayBuffer) || typeof fileName !== 'string') {
      return refusal('bad_request', 'uploadImport takes an ArrayBuffer and a file name')
    }
    if (bytes.byteLength > MAX_IMPORT_BYTES) {
      const messageKey = 'errors.import.tooLarge'
      return {
        ok: false,
        error: {
          code: 'payload_too_large',
          messageKey,
          message: `spreadsheet exceeds ${MAX_IMPORT_BYTES} bytes`,
          fields: [{ path: [], messageKey, params: { maximumMb: MAX_IMPORT_BYTES / 2 ** 20 } }],
        },
      }
    }
    return imports.upload(new Uint8Array(bytes), fileName)
  })
}
