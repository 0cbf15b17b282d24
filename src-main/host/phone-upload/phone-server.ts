import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { AppError, type ApiError } from '../../core/api/errors'
import { MAX_PHOTO_BYTES } from '../../core/api/upload-limits'
import {
  PhoneRefusal,
  type PhoneDoor,
  type PhoneListener,
  type StartPhoneListener,
} from '../../core/phone-upload/phone-upload-sessions'
import { readBody } from '../read-body'
import { phonePageHtml, phonePageCsp } from './phone-page'

/**
 * The phones' HTTP listener: a server of its own, apart from the browser host's 127.0.0.1 one, that
 * exists only while a phone upload session is open (the sessions start and stop it). It serves the
 * mobile page and takes photos, nothing else: no listing, no reading, no CORS.
 *
 * Routes (the record is in the path, the token in the x-phone-token header; see docs/api.md):
 * - GET  /phone/<table>/<id>          the mobile page (the token stays in the URL's fragment)
 * - GET  /phone/<table>/<id>/session  the session's pairing code and time left
 * - POST /phone/<table>/<id>/photos   one photo's bytes, content-type image/* (or octet-stream)
 */

/** Header that carries the session's token from the page. */
export const PHONE_TOKEN_HEADER = 'x-phone-token'

const PATH = /^\/phone\/(factories|visits|samples)\/([0-9a-f-]{36})(\/session|\/photos)?$/
/** What the page sends: the file's own type, or octet-stream when the phone gave none. */
const ACCEPTED_TYPE = /^(image\/[a-z0-9.+-]+|application\/octet-stream)$/

const BASE_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    ...BASE_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  })
  res.end(text)
}

function refuse(res: ServerResponse, status: number, code: ApiError['code'], key: string, message: string) {
  const error: ApiError = { code, messageKey: key, message, fields: [] }
  sendJson(res, status, { ok: false, error })
}

function sendRefusal(res: ServerResponse, error: unknown): void {
  if (error instanceof PhoneRefusal)
    return refuse(res, error.status, error.code, error.messageKey, error.message)
  // The photo service's own refusals (not an image, too large) reach the phone as they are.
  if (error instanceof AppError && error.code !== 'internal') {
    const status = error.code === 'payload_too_large' ? 413 : 400
    return refuse(res, status, error.code, error.messageKey, error.message)
  }
  console.error('[phone-upload] failed:', error)
  refuse(res, 500, 'internal', 'errors.internal', 'internal error')
}

/**
 * Checks that come before any routing, as strictly as the browser host: the Host header must name
 * this laptop by IP and port (no DNS rebinding), a browser's Origin must be the page's own, and no
 * cross-site fetch is served.
 */
function crossesBoundary(req: IncomingMessage, door: PhoneDoor): string | null {
  const host = req.headers.host ?? ''
  if (!door.allowedHosts().has(host)) return 'unexpected Host header'
  const origin = req.headers.origin
  if (origin !== undefined && origin !== `http://${host}`) return 'cross-origin request'
  const site = req.headers['sec-fetch-site']
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return 'cross-site request'
  return null
}

/**
 * Reads and drops the rest of a refused body before answering, so a phone still sending gets the
 * reason rather than a broken pipe; past `cap` bytes the connection is simply cut.
 */
function afterDraining(req: IncomingMessage, cap: number, answer: () => void): void {
  if (req.readableEnded) return answer()
  let dropped = 0
  // readBody's own listener pauses the stream at every chunk past its limit.
  req.removeAllListeners('data')
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length
    if (dropped > cap) req.destroy()
  })
  req.once('end', answer)
  req.resume()
}

async function handle(req: IncomingMessage, res: ServerResponse, door: PhoneDoor): Promise<void> {
  const boundary = crossesBoundary(req, door)
  if (boundary) return refuse(res, 403, 'unauthorized', 'errors.phoneUpload.forbidden', boundary)
  const url = new URL(req.url ?? '/', 'http://phone.invalid')
  const match = PATH.exec(url.pathname)
  if (!match) return refuse(res, 404, 'not_found', 'errors.notFound', 'not found')
  const [, ownerTable, ownerId, action] = match as unknown as [string, string, string, string | undefined]
  const token = req.headers[PHONE_TOKEN_HEADER]
  const given = typeof token === 'string' ? token : ''

  if (action === undefined) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return refuse(res, 405, 'bad_request', 'errors.badRequest', 'the page is read with GET')
    }
    const nonce = randomBytes(16).toString('base64')
    const html = phonePageHtml(nonce)
    res.writeHead(200, {
      ...BASE_HEADERS,
      'content-type': 'text/html; charset=utf-8',
      'content-length': Buffer.byteLength(html),
      'content-security-policy': phonePageCsp(nonce),
    })
    res.end(req.method === 'HEAD' ? undefined : html)
    return
  }
  if (action === '/session') {
    if (req.method !== 'GET') return refuse(res, 405, 'bad_request', 'errors.badRequest', 'use GET')
    try {
      return sendJson(res, 200, { ok: true, value: door.enter(given, ownerTable, ownerId) })
    } catch (error) {
      return sendRefusal(res, error)
    }
  }
  // action === '/photos'
  if (req.method !== 'POST') return refuse(res, 405, 'bad_request', 'errors.badRequest', 'photos use POST')
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
  if (!ACCEPTED_TYPE.test(type)) {
    return afterDraining(req, 2 * MAX_PHOTO_BYTES, () =>
      refuse(res, 415, 'bad_request', 'errors.phoneUpload.notImage', `content-type ${type || '(none)'}`),
    )
  }
  const declared = req.headers['content-length']
  const total = declared === undefined ? null : Number(declared)
  if (total !== null && (!Number.isSafeInteger(total) || total < 0)) {
    return refuse(res, 400, 'bad_request', 'errors.badRequest', 'bad content-length')
  }
  let arrival
  try {
    arrival = door.arrive(given, ownerTable, ownerId, url.searchParams.get('name') ?? '', total)
  } catch (error) {
    return afterDraining(req, 2 * MAX_PHOTO_BYTES, () => sendRefusal(res, error))
  }
  let complete = false
  req.once('close', () => {
    if (!complete) arrival.fail(new PhoneRefusal(400, 'bad_request', 'errors.phoneUpload.broken', 'cut off'))
  })
  const body = await readBody(req, MAX_PHOTO_BYTES, (received) => arrival.progress(received))
  complete = true
  if (body === null) {
    const tooLarge = new PhoneRefusal(413, 'payload_too_large', 'errors.photo.tooLarge', 'photo too large')
    arrival.fail(tooLarge)
    return afterDraining(req, 2 * MAX_PHOTO_BYTES, () => sendRefusal(res, tooLarge))
  }
  try {
    const photo = await arrival.finish(body)
    sendJson(res, 200, {
      ok: true,
      value: { sha256: photo.sha256, width: photo.width, height: photo.height },
    })
  } catch (error) {
    sendRefusal(res, error)
  }
}

/**
 * The listener factory the hosts give the core: binds `host` (0.0.0.0 on a laptop so phones on the
 * Wi-Fi reach it; 127.0.0.1 in tests) on a random port.
 */
export function phoneListener(host = '0.0.0.0'): StartPhoneListener {
  return async (door): Promise<PhoneListener> => {
    const server = createServer((req, res) => {
      handle(req, res, door).catch((error) => {
        if (!res.headersSent) sendRefusal(res, error)
      })
    })
    // A slow phone on a weak Wi-Fi gets minutes for one photo, not forever.
    server.requestTimeout = 5 * 60 * 1000
    server.headersTimeout = 20 * 1000
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(0, host, () => resolve())
    })
    return {
      port: (server.address() as AddressInfo).port,
      host,
      // New connections are refused at once; a reply being written (a refusal, a photo stored just
      // before the session ended) gets a moment to reach the phone before the rest are dropped.
      close: () =>
        new Promise((resolve) => {
          server.close(() => resolve())
          server.closeIdleConnections()
          setTimeout(() => server.closeAllConnections(), 1000).unref()
        }),
    }
  }
}
