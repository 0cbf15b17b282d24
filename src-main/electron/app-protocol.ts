import { readFile } from 'node:fs/promises'
import { extname, isAbsolute, join, relative, resolve } from 'node:path'
import type { Protocol } from 'electron'
import { CONTENT_TYPES } from '../host/content-types'
import { RENDERER_CSP } from '../host/security'

/**
 * The renderer is served from app://workbench/, a privileged custom scheme, instead of file://: the
 * page gets a real origin (so 'self' in the CSP and the IPC sender check mean one thing whatever the
 * install path: a user folder named 王敏 or with spaces encodes the same), the CSP travels as a response
 * header (so frame-ancestors holds), and nothing outside the built renderer can be read through it.
 */

export const APP_SCHEME = 'app'
export const APP_HOST = 'workbench'
/** The page every window loads; print windows add the report's hash. */
export const RENDERER_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/** What registerSchemesAsPrivileged gets, before 'ready': a standard, secure origin with fetch. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
} as const

/** Whether a frame's address is a page of ours (any hash, any path under app://workbench/). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST
  } catch {
    return false
  }
}

/**
 * The file an app:// request names inside `rendererDir`, or null: another host, a path that decodes
 * outside the folder (../, %2e%2e%2f, a backslash or a drive on Windows), or a NUL byte.
 */
export function appRequestFile(rendererDir: string, requestUrl: string): string | null {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return null
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null
  let path: string
  try {
    path = decodeURIComponent(url.pathname)
  } catch {
    return null
  }
  if (path.includes('\0') || path.includes('\\')) return null
  if (path === '/' || path === '') path = '/index.html'
  const root = resolve(rendererDir)
  const file = resolve(join(root, path))
  const inside = relative(root, file)
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null
  return file
}

/** Headers of every app:// answer: the CSP with frame-ancestors, no sniffing, no referrer. */
export function appResponseHeaders(file: string): Record<string, string> {
  return {
    'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'content-security-policy': RENDERER_CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-cache',
  }
}

/** Answers one app:// request from the built renderer (inside app.asar when packaged). */
export async function serveAppRequest(rendererDir: string, request: Request): Promise<Response> {
  const file = appRequestFile(rendererDir, request.url)
  if (!file) return new Response('not found', { status: 404 })
  const bytes = await readFile(file).catch(() => null)
  if (!bytes) return new Response('not found', { status: 404 })
  return new Response(new Uint8Array(bytes), { status: 200, headers: appResponseHeaders(file) })
}

/** Serves app:// from `rendererDir` (after 'ready'; the scheme was registered before it). */
export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request))
}
