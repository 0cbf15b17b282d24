import { randomBytes } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { sha256Hex } from './enrolment'

/**
 * The HQ console's login: the admin types the admin token once and the browser keeps a session cookie
 * (HttpOnly, so page scripts never see it; SameSite=Strict, so no other site can send it). Sessions
 * live in HQ's memory, keyed by the hash of their id: a restart of HQ logs the admin out.
 */

export const SESSION_COOKIE = 'hq_admin_session'
/** How long a console session lasts. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000

export class AdminSessions {
  private readonly sessions = new Map<string, number>()

  constructor(private readonly now: () => number = Date.now) {}

  /** Starts a session; returns its id (for the cookie) and when it ends. */
  start(): { id: string; expiresAt: Date } {
    this.forgetExpired()
    const id = randomBytes(32).toString('base64url')
    const expires = this.now() + SESSION_TTL_MS
    this.sessions.set(sha256Hex(id), expires)
    return { id, expiresAt: new Date(expires) }
  }

  /** True for a session that was started here and has neither expired nor ended. */
  isValid(id: string | null): boolean {
    if (!id) return false
    const expires = this.sessions.get(sha256Hex(id))
    return expires !== undefined && expires > this.now()
  }

  /** Ends a session; false when there was none. */
  end(id: string | null): boolean {
    return id ? this.sessions.delete(sha256Hex(id)) : false
  }

  private forgetExpired(): void {
    const now = this.now()
    for (const [key, expires] of this.sessions) if (expires <= now) this.sessions.delete(key)
  }
}

/** The session id the request's cookie carries, if any. */
export function sessionCookieOf(req: IncomingMessage): string | null {
  const header = req.headers.cookie
  if (typeof header !== 'string') return null
  for (const part of header.split(';')) {
    const [name, value] = part.trim().split('=', 2)
    if (name === SESSION_COOKIE && value && /^[A-Za-z0-9_-]{20,100}$/.test(value)) return value
  }
  return null
}

/** Set-Cookie for a session (or, with null, the header that clears it). */
export function sessionCookieHeader(session: { id: string; expiresAt: Date } | null, now: number): string {
  const attributes = 'Path=/; HttpOnly; SameSite=Strict'
  if (!session) return `${SESSION_COOKIE}=; ${attributes}; Max-Age=0`
  const maxAge = Math.max(0, Math.floor((session.expiresAt.getTime() - now) / 1000))
  return `${SESSION_COOKIE}=${session.id}; ${attributes}; Max-Age=${maxAge}`
}
