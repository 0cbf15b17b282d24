import { createReadStream } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ApiResult } from '../core/api/dispatcher'
import type { ApiError } from '../core/api/errors'
import { HTTP_STATUS_BY_CODE } from '../core/api/transport'
import { MAX_DOCUMENT_BYTES } from '../core/api/upload-limits'
import type { DocumentRoutes } from '../core/documents/documents.api'
import { readBody } from '../host/read-body'

// Like server.ts, this module builds no zod schema: it is loaded before the core.

/**
 * The document routes behind the secret: POST /upload/document?name=<file name>&sha256=<hex> with the
 * raw bytes (answered with the API envelope), and GET /documents/<id> answering the file as a
 * download. Both need the secret header, so the renderer reads a file with fetch and hands the buyer a
 * blob: no cookie or URL grants a document.
 */

export const isDocumentPath = (pathname: string): boolean =>
  pathname === '/upload/document' || /^\/documents\/[^/]+$/.test(pathname)

function sendEnvelope(res: ServerResponse, result: ApiResult): void {
  const status = result.ok ? 200 : HTTP_STATUS_BY_CODE[result.error.code]
  const text = JSON.stringify(result)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  })
  res.end(text)
}

function refusal(
  code: ApiError['code'],
  messageKey: string,
  message: string,
  params?: ApiError['fields'][0]['params'],
) {
  const fields = params ? [{ path: ['file'], messageKey, params }] : []
  return { ok: false as const, error: { code, messageKey, message, fields } }
}

/** RFC 6266 filename*: the buyer's name (Chinese included) when the file is saved. */
function disposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`
}

export async function handleDocumentRoute(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  documents: DocumentRoutes | undefined,
): Promise<void> {
  if (!documents)
    return sendEnvelope(res, refusal('not_found', 'errors.notFound', 'documents are not served here'))
  if (url.pathname === '/upload/document') {
    if (req.method !== 'POST')
      return sendEnvelope(res, refusal('bad_request', 'errors.badRequest', 'uploads use POST'))
    const body = await readBody(req, MAX_DOCUMENT_BYTES)
    if (body === null) {
      res.setHeader('connection', 'close')
      return sendEnvelope(
        res,
        refusal(
          'payload_too_large',
          'errors.document.tooLarge',
          `document exceeds ${MAX_DOCUMENT_BYTES} bytes`,
          {
            maximumMb: MAX_DOCUMENT_BYTES / 2 ** 20,
          },
        ),
      )
    }
    const sha256 = url.searchParams.get('sha256') ?? undefined
    return sendEnvelope(res, await documents.upload(body, url.searchParams.get('name') ?? '', sha256))
  }
  if (req.method !== 'GET')
    return sendEnvelope(res, refusal('bad_request', 'errors.badRequest', 'documents are read with GET'))
  const file = await documents.file(decodeURIComponent(url.pathname.slice('/documents/'.length)))
  if (!file) return sendEnvelope(res, refusal('not_found', 'errors.notFound', 'no such document here'))
  res.writeHead(200, {
    'content-type': file.mime,
    'content-length': file.bytes,
    'content-disposition': disposition(file.fileName),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
  })
  createReadStream(file.path).pipe(res)
}
