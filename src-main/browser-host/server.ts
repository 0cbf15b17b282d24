import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve, sep } from 'node:path'
import type { Dispatch } from '../core/api/dispatcher'
import type { ApiError, ErrorCode } from '../core/api/errors'
import { HTTP_STATUS_BY_CODE, MAX_BODY_BYTES, SECRET_HEADER } from '../core/api/transport'
import type { ImportRoutes } from '../core/imports/imports.api'
import type { PhotoRoutes } from '../core/photos/photos.api'
import { MAX_IMPORT_BYTES, MAX_PHOTO_UPLOAD_BYTES } from '../core/api/upload-limits'
import { isPdfPath } from '../host/pdf-paths'
import type { PdfRoutesOptions } from '../host/pdf-routes'
import { readBody } from '../host/read-body'
import { RENDERER_CSP } from '../host/security'
import { createPhotoAccess, servePhoto } from './photo-access'
import { handleArchiveRoute, isArchivePath } from './archive-http'
import type { ArchiveRoutes } from '../core/archive/archive.api'
import { CONTENT_TYPES } from '../host/content-types'
import type { DocumentRoutes } from '../core/documents/documents.api'
import { handleDocumentRoute, isDocumentPath } from './document-http'

// This module imports nothing that builds zod schemas or opens the database (types aside): the host
// listens and serves the page while the core is still loading (see main.ts).

/** What answers behind the secret: the core's calls and the binary routes. */
export interface HostRoutes {
  dispatch: Dispatch
  /** Photo upload and files (POST /upload/photo, GET /photos/…); without it those answer 404. */
  photos?: PhotoRoutes
  /** Spreadsheet upload for imports (POST /upload/import?name=…); without it that answers 404. */
  imports?: ImportRoutes
  /** PDF export (POST /pdf/export, GET /pdf/jobs/…); without it those answer 404. */
  pdf?: PdfRoutesOptions
  /** Export everything / open an archive (archive-http.ts); without it those answer 404. */
  archive?: ArchiveRoutes
  /** Document upload and files (document-http.ts); without it those answer 404. */
  documents?: DocumentRoutes
}

export interface BrowserHostOptions {
  /** Folder of the built renderer (index.html and assets). */
  rendererDir: string
  port?: number
  /** Fixed secret (tests); a random one per launch otherwise. */
  secret?: string
  /**
   * The routes, or the promise of them while the core opens: the page is served at once, and requests
   * behind the secret wait until the database is open and migrated (500 if opening it failed).
   */
  routes: HostRoutes | Promise<HostRoutes>
}

export interface BrowserHost {
  server: Server
  port: number
  secret: string
  /** The address to open, with the secret in the fragment (never sent to the server or logged). */
  url: string
  /** Routes requests to a new core from now on (after an archive was opened); they wait while it opens. */
  setRoutes(routes: Promise<HostRoutes>): void
  close(): Promise<void>
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  })
  res.end(text)
}

function sendError(res: ServerResponse, code: ErrorCode, messageKey: string, message: string): void {
  const error: ApiError = { code, messageKey, message, fields: [] }
  sendJson(res, HTTP_STATUS_BY_CODE[code], { ok: false, error })
}

function secretMatches(expected: Buffer, given: string | string[] | undefined): boolean {
  if (typeof given !== 'string') return false
  const actual = Buffer.from(given)
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  dispatch: Dispatch,
  call: string,
): Promise<void> {
  if (req.method !== 'POST') return sendError(res, 'bad_request', 'errors.badRequest', 'API calls use POST')
  const body = await readBody(req, MAX_BODY_BYTES)
  if (body === null) {
    res.setHeader('connection', 'close')
    return sendError(
      res,
      'payload_too_large',
      'errors.payloadTooLarge',
      `request body exceeds ${MAX_BODY_BYTES} bytes`,
    )
  }
  let input: unknown
  try {
    input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'))
  } catch {
    return sendError(res, 'bad_request', 'errors.notJson', 'request body is not valid JSON')
  }
  const result = await dispatch(call, input)
  sendJson(res, result.ok ? 200 : HTTP_STATUS_BY_CODE[result.error.code], result)
}

/** POST /upload/photo: the raw image bytes as the body (not JSON), answered with the API envelope. */
async function handlePhotoUpload(
  req: IncomingMessage,
  res: ServerResponse,
  photos: PhotoRoutes,
): Promise<void> {
  if (req.method !== 'POST') return sendError(res, 'bad_request', 'errors.badRequest', 'uploads use POST')
  const body = await readBody(req, MAX_PHOTO_UPLOAD_BYTES)
  if (body === null) {
    res.setHeader('connection', 'close')
    return sendError(
      res,
      'payload_too_large',
      'errors.photo.tooLarge',
      `photo exceeds ${MAX_PHOTO_UPLOAD_BYTES} bytes`,
    )
  }
  const result = await photos.upload(body)
  sendJson(res, result.ok ? 200 : HTTP_STATUS_BY_CODE[result.error.code], result)
}

/** POST /upload/import?name=<file name>: a spreadsheet's raw bytes, answered with the API envelope. */
async function handleImportUpload(
  req: IncomingMessage,
  res: ServerResponse,
  imports: ImportRoutes,
  fileName: string,
): Promise<void> {
  if (req.method !== 'POST') return sendError(res, 'bad_request', 'errors.badRequest', 'uploads use POST')
  const body = await readBody(req, MAX_IMPORT_BYTES)
  if (body === null) {
    res.setHeader('connection', 'close')
    const error: ApiError = {
      code: 'payload_too_large',
      messageKey: 'errors.import.tooLarge',
      message: `spreadsheet exceeds ${MAX_IMPORT_BYTES} bytes`,
      fields: [
        { path: [], messageKey: 'errors.import.tooLarge', params: { maximumMb: MAX_IMPORT_BYTES / 2 ** 20 } },
      ],
    }
    return sendJson(res, HTTP_STATUS_BY_CODE.payload_too_large, { ok: false, error })
  }
  const result = await imports.upload(body, fileName)
  sendJson(res, result.ok ? 200 : HTTP_STATUS_BY_CODE[result.error.code], result)
}

function serveStatic(req: IncomingMessage, res: ServerResponse, rendererDir: string, pathname: string): void {
  const root = resolve(rendererDir)
  let file = normalize(join(root, decodeURIComponent(pathname)))
  if (file !== root && !file.startsWith(root + sep)) {
    res.writeHead(403).end()
    return
  }
  // Client-side routes fall back to the app's page.
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html')
  if (!existsSync(file)) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
    res.end('The renderer is not built yet: run npm start (it builds once).')
    return
  }
  const isAsset = pathname.startsWith('/assets/')
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'content-security-policy': RENDERER_CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    // Hashed asset names never change content; the page itself must always be fresh.
    'cache-control': isAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
  })
  if (req.method === 'HEAD') res.end()
  else createReadStream(file).pipe(res)
}

/** A request behind the secret, once the routes are there. */
async function handleAuthorized(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  routes: HostRoutes,
): Promise<void> {
  if (url.pathname === '/upload/photo') {
    if (!routes.photos) return sendError(res, 'not_found', 'errors.notFound', 'photos are not served here')
    return handlePhotoUpload(req, res, routes.photos)
  }
  if (url.pathname === '/upload/import') {
    if (!routes.imports) return sendError(res, 'not_found', 'errors.notFound', 'imports are not served here')
    return handleImportUpload(req, res, routes.imports, url.searchParams.get('name') ?? '')
  }
  if (isDocumentPath(url.pathname)) return handleDocumentRoute(req, res, url, routes.documents)
  if (isArchivePath(url.pathname)) {
    if (!routes.archive) return sendError(res, 'not_found', 'errors.notFound', 'archives are not served here')
    return handleArchiveRoute(req, res, url, routes.archive)
  }
  if (isPdfPath(url.pathname)) {
    if (!routes.pdf) return sendError(res, 'not_found', 'errors.notFound', 'PDF export is not served here')
    // Loaded on the first export: its request schema and report plans are not needed to start.
    const { handlePdfRoute } = await import('../host/pdf-routes')
    return handlePdfRoute(req, res, url.pathname, routes.pdf)
  }
  return handleApi(req, res, routes.dispatch, url.pathname.slice('/api/'.length))
}

/** Starts the HTTP host on 127.0.0.1 only. */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const secret = options.secret ?? randomBytes(24).toString('base64url')
  const expected = Buffer.from(secret)
  let routes = Promise.resolve(options.routes)
  // A core that failed to open is the launcher's to report; requests only answer 500 meanwhile.
  routes.catch(() => {})
  const photoAccess = createPhotoAccess(() => (server.address() as AddressInfo).port)
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const { pathname } = url
    const isUpload = pathname === '/upload/photo' || pathname === '/upload/import'
    const behindSecret =
      isUpload || isPdfPath(pathname) || isArchivePath(pathname) || isDocumentPath(pathname)
    if (pathname === '/api' || pathname.startsWith('/api/') || behindSecret) {
      // The secret is checked before any routing, so nothing about the API is visible without it.
      if (!secretMatches(expected, req.headers[SECRET_HEADER])) {
        return sendError(res, 'unauthorized', 'errors.unauthorized', 'missing or wrong secret')
      }
      photoAccess.grant(req, res)
      routes
        .then((ready) => handleAuthorized(req, res, url, ready))
        .catch(() => {
          if (!res.headersSent) sendError(res, 'internal', 'errors.internal', 'internal error')
        })
      return
    }
    if (pathname.startsWith('/photos/')) {
      routes
        .then((ready) => servePhoto(req, res, pathname, ready.photos, photoAccess))
        .catch(() => {
          if (!res.headersSent) res.writeHead(500).end()
        })
      return
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end()
      return
    }
    serveStatic(req, res, options.rendererDir, url.pathname)
  })
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen())
  })
  const port = (server.address() as AddressInfo).port
  return {
    server,
    port,
    secret,
    url: `http://127.0.0.1:${port}/#secret=${secret}`,
    setRoutes: (next) => {
      next.catch(() => {})
      routes = next
    },
    close: () =>
      new Promise((resolveClose) => {
        server.closeAllConnections()
        server.close(() => resolveClose())
      }),
  }
}
