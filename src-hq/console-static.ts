import { createReadStream, existsSync, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join } from 'node:path'
import { CONTENT_TYPES } from '../src-main/host/content-types'
import { HQ_CONSOLE_CSP } from '../src-main/host/security'

/**
 * Serves the built HQ console (out/hq-console): the page at / and its hashed files under /assets/.
 * Only names without a slash are looked up inside assets/, so no path leaves the folder. The page
 * carries no data; everything it shows comes through the authenticated admin routes.
 */

const ASSET = /^\/assets\/([A-Za-z0-9][A-Za-z0-9._-]{0,200})$/

/** The file a console path names, or null for a path that is not the console's. */
function consoleFile(dir: string, pathname: string): string | null {
  if (pathname === '/' || pathname === '/index.html') return join(dir, 'index.html')
  const asset = ASSET.exec(pathname)
  if (!asset || asset[1]!.includes('..')) return null
  return join(dir, 'assets', asset[1]!)
}

/** Answers a GET/HEAD for the console; false when the path is not one of its files. */
export function serveConsole(
  req: IncomingMessage,
  res: ServerResponse,
  dir: string,
  pathname: string,
): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false
  const file = consoleFile(dir, pathname)
  if (!file) return false
  const isPage = !pathname.startsWith('/assets/')
  if (!existsSync(file) || !statSync(file).isFile()) {
    if (!isPage) return false
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' })
    res.end('The HQ console is not built yet: run npm run build, then restart HQ.')
    return true
  }
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': statSync(file).size,
    'content-security-policy': HQ_CONSOLE_CSP,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    // Hashed asset names never change content; the page itself must always be fresh.
    'cache-control': isPage ? 'no-cache' : 'public, max-age=31536000, immutable',
  })
  if (req.method === 'HEAD') res.end()
  else createReadStream(file).pipe(res)
  return true
}
