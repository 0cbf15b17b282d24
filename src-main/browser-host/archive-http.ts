import { createReadStream, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ArchiveRoutes } from '../core/archive/archive.api'
import type { ApiError } from '../core/api/errors'
import { HTTP_STATUS_BY_CODE } from '../core/api/transport'

// Types only from the core: this module is loaded with the server, before the core has opened.

/**
 * The browser host's archive routes (behind the same secret check as /api/):
 *   POST /archive/export                → "Export everything" into <data dir>/exports (envelope)
 *   GET  /archive/file/<name>           → that file, streamed as a download
 *   POST /upload/archive?name=<name>    → "Open an archive": the raw .tar as the body, streamed to disk
 *                                         and checked there (never held in memory); envelope
 */

export const ARCHIVE_FILE_PATH = /^\/archive\/file\/([^/]+)$/

export function isArchivePath(pathname: string): boolean {
  return pathname === '/archive/export' || pathname === '/upload/archive' || ARCHIVE_FILE_PATH.test(pathname)
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  })
  res.end(text)
}

function refuse(res: ServerResponse, code: 'bad_request' | 'not_found', message: string): void {
  const error: ApiError = {
    code,
    messageKey: code === 'not_found' ? 'errors.notFound' : 'errors.badRequest',
    message,
    fields: [],
  }
  send(res, HTTP_STATUS_BY_CODE[code], { ok: false, error })
}

/** RFC 5987 file name, so Chinese names survive the download. */
function disposition(name: string): string {
  return `attachment; filename="${name.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`
}

export async function handleArchiveRoute(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  archive: ArchiveRoutes,
): Promise<void> {
  if (url.pathname === '/archive/export') {
    if (req.method !== 'POST') return refuse(res, 'bad_request', 'use POST')
    req.resume()
    const result = await archive.export()
    return send(res, result.ok ? 200 : HTTP_STATUS_BY_CODE[result.error.code], result)
  }
  if (url.pathname === '/upload/archive') {
    if (req.method !== 'POST') return refuse(res, 'bad_request', 'use POST')
    const result = await archive.open(req, url.searchParams.get('name') ?? '')
    return send(res, result.ok ? 200 : HTTP_STATUS_BY_CODE[result.error.code], result)
  }
  const [, encoded = ''] = ARCHIVE_FILE_PATH.exec(url.pathname) ?? []
  if (req.method !== 'GET') return refuse(res, 'bad_request', 'use GET')
  let name: string
  try {
    name = decodeURIComponent(encoded)
  } catch {
    return refuse(res, 'bad_request', 'bad file name')
  }
  const file = archive.exportedFile(name)
  if (!file) return refuse(res, 'not_found', 'no such archive')
  res.writeHead(200, {
    'content-type': 'application/x-tar',
    'content-length': statSync(file).size,
    'content-disposition': disposition(name),
    'cache-control': 'no-store',
  })
  createReadStream(file).pipe(res)
}
