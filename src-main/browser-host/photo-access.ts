import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createReadStream } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { PhotoRoutes } from '../core/photos/photos.api'

/**
 * Serving photo files to <img> tags, which cannot send the secret header.
 *
 * Choice: a per-launch cookie, not the secret in a ?s= query. Any /api/ request that passed the secret
 * check gets a Set-Cookie with a second random token (HttpOnly, SameSite=Strict, Path=/photos/), and
 * GET /photos/… requires it. So the API secret never appears in URLs (DOM, history, logs), the cookie
 * grants nothing but photo reads, and another site cannot make the browser send it. The hash alone is
 * not the capability it seems: a picture copied from the web has a hash anyone can compute, and
 * without the cookie a page could probe whether this machine holds it.
 */
export interface PhotoAccess {
  /** Sets the cookie on a response to a request that proved the secret (once per browser). */
  grant(req: IncomingMessage, res: ServerResponse): void
  /** True when the request carries this launch's cookie. */
  allowed(req: IncomingMessage): boolean
}

/** `port` keeps two hosts on one machine (cookies ignore ports) from overwriting each other's cookie. */
export function createPhotoAccess(port: () => number): PhotoAccess {
  const token = randomBytes(24).toString('base64url')
  const expected = Buffer.from(token)
  const name = () => `workbench_photos_${port()}`
  const given = (req: IncomingMessage) => {
    for (const part of (req.headers.cookie ?? '').split(';')) {
      const [key, ...value] = part.trim().split('=')
      if (key === name()) return value.join('=')
    }
    return undefined
  }
  const allowed = (req: IncomingMessage) => {
    const actual = Buffer.from(given(req) ?? '')
    return actual.length === expected.length && timingSafeEqual(actual, expected)
  }
  return {
    allowed,
    grant(req, res) {
      if (allowed(req)) return
      res.setHeader('set-cookie', `${name()}=${token}; Path=/photos/; HttpOnly; SameSite=Strict`)
    },
  }
}

const PHOTO_PATH = /^\/photos\/([^/]*)\/([^/]*)$/

/**
 * GET /photos/<sha256>/<thumb|preview|original>: 401 without the cookie, 400 for a malformed hash or
 * variant, 404 for a photo this workbench does not have; the file with a year-long immutable cache
 * otherwise (a hash names one content forever).
 */
export async function servePhoto(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  photos: PhotoRoutes | undefined,
  access: PhotoAccess,
): Promise<void> {
  const plain = (status: number, text: string) => {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' })
    res.end(text)
  }
  if (!access.allowed(req)) return plain(401, 'missing or wrong photo cookie')
  if (req.method !== 'GET' && req.method !== 'HEAD') return plain(405, 'photos are read with GET')
  const match = PHOTO_PATH.exec(pathname)
  const [sha256, variant] = match ? [match[1]!, match[2]!] : ['', '']
  if (!/^[0-9a-f]{64}$/.test(sha256) || !['thumb', 'preview', 'original'].includes(variant)) {
    return plain(400, 'expected /photos/<sha256>/<thumb|preview|original>')
  }
  const file = photos ? await photos.file(sha256, variant) : null
  if (!file) return plain(404, 'no such photo')
  res.writeHead(200, {
    'content-type': file.mime,
    'cache-control': 'private, max-age=31536000, immutable',
    'x-content-type-options': 'nosniff',
    // An original is shown, never run: no scripts even if a browser sniffed it as something else.
    'content-security-policy': "default-src 'none'; sandbox",
  })
  if (req.method === 'HEAD') res.end()
  else createReadStream(file.path).pipe(res)
}
