import { ipcMain, type WebFrameMain } from 'electron'
import { readFile } from 'node:fs/promises'
import type { ApiResult } from '../core/api/dispatcher'
import { MAX_DOCUMENT_BYTES } from '../core/api/upload-limits'
import type { DocumentRoutes } from '../core/documents/documents.api'

/**
 * Documents in the Electron shell, as photos (photos.ts): uploads arrive over one IPC channel as raw
 * bytes, and a file comes back over another as bytes with its name and type, which the renderer hands
 * the buyer as a download. The sandboxed page never gets file:// access to the data directory.
 */

function refusal(code: 'unauthorized' | 'bad_request' | 'not_found', message: string): ApiResult {
  const messageKey = {
    unauthorized: 'errors.unauthorized',
    bad_request: 'errors.badRequest',
    not_found: 'errors.notFound',
  }[code]
  return { ok: false, error: { code, messageKey, message, fields: [] } }
}

/** 'document:upload' and 'document:read' with the same sender check as 'api:call'. */
export function handleDocuments(
  documents: DocumentRoutes,
  trusted: (frame: WebFrameMain | null) => boolean,
): void {
  ipcMain.handle(
    'document:upload',
    async (event, bytes: unknown, fileName: unknown, sha256: unknown): Promise<ApiResult> => {
      if (!trusted(event.senderFrame)) return refusal('unauthorized', 'untrusted sender')
      if (
        !(bytes instanceof ArrayBuffer) ||
        typeof fileName !== 'string' ||
        (sha256 !== undefined && typeof sha256 !== 'string')
      ) {
        return refusal('bad_request', 'uploadDocument takes an ArrayBuffer, a file name and its SHA-256')
      }
      if (bytes.byteLength > MAX_DOCUMENT_BYTES) {
        const messageKey = 'errors.document.tooLarge'
        return {
          ok: false,
          error: {
            code: 'payload_too_large',
            messageKey,
            message: `document exceeds ${MAX_DOCUMENT_BYTES} bytes`,
            fields: [{ path: ['file'], messageKey, params: { maximumMb: MAX_DOCUMENT_BYTES / 2 ** 20 } }],
          },
        }
      }
      return documents.upload(new Uint8Array(bytes), fileName, sha256)
    },
  )
  ipcMain.handle('document:read', async (event, id: unknown): Promise<ApiResult> => {
    if (!trusted(event.senderFrame)) return refusal('unauthorized', 'untrusted sender')
    if (typeof id !== 'string') return refusal('bad_request', 'readDocument takes a document id')
    const file = await documents.file(id)
    if (!file) return refusal('not_found', 'no such document here')
    const bytes = await readFile(file.path)
    return {
      ok: true,
      value: {
        bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
        mime: file.mime,
        fileName: file.fileName,
      },
    }
  })
}
