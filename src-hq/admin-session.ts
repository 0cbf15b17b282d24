import { randomBytes } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { Kysely } from 'kysely'
import type { HqDB } from './db/schema'
import { sha256Hex } from './enrolment'

/**
 * The HQ console's login: the admin types the admin token once and the browser keeps a session cookie
 * (HttpOnly, so page scripts never see it; SameSite=Strict, so no other site can send it). Sessions
 * live in HQ's database, keyed by the hash of their id: every HQ process on one database knows them,
 * and a restart of HQ keeps the admin logged in.
 */

export const SESSION_COOKIE = 'hq_admin_session'
/** How long a console session lasts. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000

export class AdminSessions {
  constructor(
    private readonly db: Kysely<HqDB>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts a session; returns its id (for the cookie) and when it ends. */
  async start(): Promise<{ id: string; expiresAt: Date }> {
    const now = this.now()
    // Ended sessions go when a new one starts: the table holds at most the sessions of 12 hours.
    await this.db
      .deleteFrom('admin_sessions')
      .where('expires_at', '<=', new Date(now).toISOString())
      .execute()
    const id = randomBytes(32).toString('base64url')
    const expiresAt = new Date(now + SESSION_TTL_MS)
    await this.db
      .insertInto('admin_sessions')
      .values({
        id_hash: sha256Hex(id),
        created_at: new Date(now).toISOString(),
        expires_at: expiresAt.toISOString(),
      })
      .execute()
    return { id, expiresAt }
  }

  /** True for a session that was started on this database and has neither expired nor ended. */
  async isValid(id: string | null): Promise<boolean> {
    if (!id) return false
    const row = await this.db
      .selectFrom('admin_sessions')
      .select('id_hash')
      .where('id_hash', '=', sha256Hex(id))
      .where('expires_at', '>', new Date(this.now()).toISOString())
      .executeTakeFirst()
    return row !== undefined
  }

  /** Ends a session; false when there was none. */
  async end(id: string | null): Promise<boolean> {
    if (!id) return false
    const result = await this.db
      .deleteFrom('admin_sessions')
      .where('id_hash', '=', sha256Hex(id))
      .executeTakeFirst()
    return Number(result.numDeletedRows) > 0
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
