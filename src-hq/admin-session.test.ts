import { describe, expect, it } from 'vitest'
import { AdminSessions, SESSION_TTL_MS, sessionCookieHeader } from './admin-session'

describe('console sessions', () => {
  it('last 12 hours, end on logout, and know no id they did not start', () => {
    let now = Date.parse('2026-11-25T08:00:00Z')
    const sessions = new AdminSessions(() => now)
    const { id, expiresAt } = sessions.start()
    expect(expiresAt.getTime() - now).toBe(SESSION_TTL_MS)
    expect(sessions.isValid(id)).toBe(true)
    expect(sessions.isValid(`${id.slice(0, -1)}x`)).toBe(false)
    expect(sessions.isValid(null)).toBe(false)
    now += SESSION_TTL_MS - 1
    expect(sessions.isValid(id)).toBe(true)
    now += 1
    expect(sessions.isValid(id)).toBe(false)

    const second = sessions.start()
    expect(sessions.end(second.id)).toBe(true)
    expect(sessions.isValid(second.id)).toBe(false)
    expect(sessions.end(second.id)).toBe(false)
  })

  it('set a cookie scripts cannot read and other sites cannot send, and clear it', () => {
    const header = sessionCookieHeader({ id: 'a'.repeat(43), expiresAt: new Date(3_600_000) }, 0)
    expect(header).toBe(`hq_admin_session=${'a'.repeat(43)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=3600`)
    expect(sessionCookieHeader(null, 0)).toBe(
      'hq_admin_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0',
    )
  })
})
