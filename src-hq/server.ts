import { timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import type { CallSpec } from '../src-main/core/api/define'
import { fieldErrorsFromZod } from '../src-main/core/api/errors'
import { AdminSessions, sessionCookieHeader, sessionCookieOf } from './admin-session'
import { serveBlob } from './blobs/blob-routes'
import { readRequestBody, sendJsonCompressed } from './compression'
import { serveConsole } from './console-static'
import { findDeviceByTokenHash, revokedAtOfToken } from './devices.repository'
import { sha256Hex } from './enrolment'
import { HqError } from './hq-error'
import { ACCESS, hqHandlers, type AdminSessionPort, type HqContext } from './hq.handlers'
import {
  BLOB_ROUTE,
  HQ_HTTP_STATUS,
  hqCalls,
  MAX_BATCH_BYTES,
  SNAPSHOT_ROUTE,
  type HqErrorCode,
} from './hq.contract'
import { DatabaseRateLimiter, MemoryRateLimiter, type RateLimit, type RateLimiter } from './rate-limit'
import { serveSnapshot } from './snapshot/snapshot-route'
import type { UpdateFeed } from './updates/update-feed'
import { serveUpdates, UPDATES_ROUTE } from './updates/update-routes'

/** What the HTTP layer needs: the handler context (without a device) and its limits. */
export interface HqServerOptions {
  context: Omit<HqContext, 'device' | 'session'>
  /** The HQ admin's token (admin.* routes, and the console's login). */
  adminToken: string
  /** Folder of the built HQ console, served at / (out/hq-console). */
  consoleDir?: string
  host?: string
  port?: number
  /** Requests per enrolled device (per client address without a device token) on every route but enrol. */
  rateLimit?: RateLimit
  /** Enrolment and console login attempts per client address (stricter: secrets are guessed by trying). */
  enrolRateLimit?: RateLimit
  /** Where unexpected errors go (they reach the client only as 'internal'). */
  onInternalError?: (error: unknown, call: string) => void
  /** The desktop app's update feed at /updates/ (uploads by the admin, downloads by devices). */
  updates?: UpdateFeed
}

export interface HqServer {
  server: Server
  port: number
  url: string
  close(): Promise<void>
}

const SHUTDOWN_GRACE_MS = 5_000
const calls = hqCalls as Record<string, CallSpec>
const handlerMap = hqHandlers as unknown as Record<
  string,
  (input: unknown, ctx: HqContext) => Promise<unknown>
>

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  })
  res.end(text)
}

function sendError(res: ServerResponse, error: HqError): void {
  const { code, messageKey, message, fields, revokedAt } = error
  const detail = revokedAt === undefined ? {} : { revokedAt }
  sendJson(res, HQ_HTTP_STATUS[code], { ok: false, error: { code, messageKey, message, ...detail, fields } })
}

function refuse(code: HqErrorCode, messageKey: string, message: string): HqError {
  return new HqError(code, messageKey, message)
}

function bearer(req: IncomingMessage): string | null {
  const header = req.headers.authorization
  if (typeof header !== 'string') return null
  const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header)
  return match ? match[1]! : null
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(sha256Hex(given))
  const b = Buffer.from(sha256Hex(expected))
  return timingSafeEqual(a, b)
}

/** The console's login for one request: its cookie in, a Set-Cookie on the reply out. */
function sessionPort(
  req: IncomingMessage,
  res: ServerResponse,
  sessions: AdminSessions,
  adminToken: string,
): AdminSessionPort {
  return {
    login: async (token) => {
      if (!sameSecret(token, adminToken)) return null
      // Taken before the session starts, so the cookie never outlives it (a full 12 h, not a second less).
      const startedAt = Date.now()
      const session = await sessions.start()
      res.setHeader('set-cookie', sessionCookieHeader(session, startedAt))
      return session
    },
    logout: async () => {
      res.setHeader('set-cookie', sessionCookieHeader(null, Date.now()))
      return sessions.end(sessionCookieOf(req))
    },
  }
}

// Routes that take a secret to guess (an enrolment code, the admin token) share the strict limit.
const GUESSABLE = new Set(['enrol', 'admin.login'])

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  options: HqServerOptions,
  limiters: { api: RateLimiter; enrol: RateLimiter },
  sessions: AdminSessions,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://hq')
  const call = url.pathname.startsWith('/api/') ? url.pathname.slice('/api/'.length) : ''
  const known = Object.hasOwn(calls, call) && Object.hasOwn(ACCESS, call)
  const blob = url.pathname.startsWith(BLOB_ROUTE) ? url.pathname.slice(BLOB_ROUTE.length) : null
  const update = url.pathname.startsWith(UPDATES_ROUTE) ? url.pathname.slice(UPDATES_ROUTE.length) : null
  // Installer builds are uploaded by the admin (token or console session), fetched by enrolled devices.
  const access = known
    ? ACCESS[call as keyof typeof ACCESS]
    : update !== null && req.method === 'PUT'
      ? 'admin'
      : 'device'
  // An upload refused before its body is read (401, 429, 413) ends the connection, not drains the body.
  if ((blob !== null || update !== null) && req.method === 'PUT') res.setHeader('connection', 'close')
  const address = req.socket.remoteAddress ?? 'unknown'
  const token = access === 'public' ? null : bearer(req)
  // An enrolled device is counted under its own id, whichever address (an office NAT) or HQ process
  // its requests come from; only what no device token vouches for is counted per address.
  const device =
    access === 'device' && token
      ? await findDeviceByTokenHash(options.context.db, sha256Hex(token))
      : undefined
  const guessable = GUESSABLE.has(call)
  const allowed = guessable
    ? await limiters.enrol.allow(`${call}:${address}`)
    : await limiters.api.allow(device ? `device:${device.id}` : `address:${address}`)
  if (!allowed) {
    res.setHeader('retry-after', '60')
    throw refuse('rate_limited', 'errors.sync.rateLimited', 'too many requests: try again later')
  }
  // Authentication comes before routing, so nothing but health and enrol answers without a token.
  const ctx: HqContext = {
    ...options.context,
    session: sessionPort(req, res, sessions, options.adminToken),
  }
  if (access === 'admin') {
    const admitted = token
      ? sameSecret(token, options.adminToken)
      : await sessions.isValid(sessionCookieOf(req))
    if (!admitted) {
      throw refuse('unauthorized', 'errors.hq.loginNeeded', 'missing or wrong admin token or session')
    }
  } else if (access === 'device') {
    if (!device) {
      // A revoked laptop is told when, so it can tell its buyer to enrol again (its work is kept).
      const revokedAt = token ? await revokedAtOfToken(ctx.db, sha256Hex(token)) : undefined
      const refused = revokedAt
        ? refuse('unauthorized', 'errors.sync.revoked', `this device was revoked at ${revokedAt}`)
        : refuse('unauthorized', 'errors.unauthorized', 'missing, wrong or revoked device token')
      refused.revokedAt = revokedAt
      throw refused
    }
    ctx.device = device
  }
  if (update !== null) {
    if (!options.updates) throw refuse('not_found', 'errors.notFound', 'this HQ serves no updates')
    const value = await serveUpdates(req, res, options.updates, update, url.searchParams)
    if (value) sendJson(res, 200, { ok: true, value })
    return
  }
  if (url.pathname === SNAPSHOT_ROUTE) return serveSnapshot(req, res, ctx)
  if (blob !== null) {
    const value = await serveBlob(req, res, ctx.blobs, blob)
    if (value) sendJson(res, 200, { ok: true, value })
    return
  }
  if (!known) throw refuse('unknown_call', 'errors.unknownCall', `no HQ route ${url.pathname}`)
  const isHealthGet = call === 'health' && req.method === 'GET'
  if (req.method !== 'POST' && !isHealthGet) {
    throw refuse('bad_request', 'errors.badRequest', 'HQ routes use POST')
  }
  const body = isHealthGet ? Buffer.alloc(0) : await readRequestBody(req, res, MAX_BATCH_BYTES)
  let input: unknown
  try {
    input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'))
  } catch {
    throw refuse('bad_request', 'errors.notJson', 'request body is not valid JSON')
  }
  const parsed = calls[call]!.input.safeParse(input)
  if (!parsed.success) {
    const fields = fieldErrorsFromZod(parsed.error)
    throw new HqError('validation', 'errors.validation', 'invalid input', fields)
  }
  const value = await handlerMap[call]!(parsed.data, ctx)
  await sendJsonCompressed(req, res, 200, { ok: true, value })
}

/** Starts HQ's HTTP API. */
export async function startHqServer(options: HqServerOptions): Promise<HqServer> {
  const { db, databaseKind } = options.context
  // On PostgreSQL several HQ processes may serve one team: their counters are rows every one of them sees.
  const limiter = (scope: string, limit: RateLimit): RateLimiter =>
    databaseKind === 'postgres' ? new DatabaseRateLimiter(db, scope, limit) : new MemoryRateLimiter(limit)
  const limiters = {
    api: limiter('api', options.rateLimit ?? { max: 1200, windowMs: 60_000 }),
    enrol: limiter('enrol', options.enrolRateLimit ?? { max: 20, windowMs: 60_000 }),
  }
  const sessions = new AdminSessions(db)
  const inFlight = new Set<Promise<void>>()
  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://hq').pathname
    if (options.consoleDir && !pathname.startsWith('/api/')) {
      if (serveConsole(req, res, options.consoleDir, pathname)) return
    }
    const handled = handle(req, res, options, limiters, sessions).catch((error: unknown) => {
      if (res.headersSent) return
      if (error instanceof HqError) return sendError(res, error)
      options.onInternalError?.(error, req.url ?? '')
      sendError(res, refuse('internal', 'errors.internal', 'internal error'))
    })
    inFlight.add(handled)
    void handled.finally(() => inFlight.delete(handled))
  })
  const host = options.host ?? '127.0.0.1'
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => resolveListen())
  })
  const port = (server.address() as AddressInfo).port
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host
  return {
    server,
    port,
    url: `http://${shownHost}:${port}`,
    close: async () => {
      // Requests in flight finish first (their transactions and replies): the database is closed
      // after this, never under a running handler. A client stalled mid-upload gets 5 s.
      const closed = new Promise<void>((resolveClose) => server.close(() => resolveClose()))
      server.closeIdleConnections()
      await Promise.race([
        Promise.allSettled([...inFlight]),
        sleep(SHUTDOWN_GRACE_MS, undefined, { ref: false }),
      ])
      server.closeAllConnections()
      await closed
    },
  }
}
