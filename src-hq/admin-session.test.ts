import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AdminSessions, SESSION_TTL_MS, sessionCookieHeader } from './admin-session'
import type { HqDatabase } from './db/connection'
import { hqBackends, migratedStore } from './testing/test-hq'

describe.each(hqBackends())('console sessions on %s', (backend) => {
  let migrated: Awaited<ReturnType<typeof migratedStore>>
  let database: HqDatabase
  beforeAll(async () => {
    migrated = await migratedStore(backend)
    database = migrated.database
  })
  afterAll(() => migrated?.dispose())

  it('last 12 hours, end on logout, and know no id they did not start', async () => {
    let now = Date.parse('2026-11-25T08:00:00Z')
    const sessions = new AdminSessions(database.db, () => now)
    const { id, expiresAt } = await sessions.start()
    expect(expiresAt.getTime() - now).toBe(SESSION_TTL_MS)
    expect(await sessions.isValid(id)).toBe(true)
    expect(await sessions.isValid(`${id.slice(0, -1)}x`)).toBe(false)
    expect(await sessions.isValid(null)).toBe(false)
    now += SESSION_TTL_MS - 1
    expect(await sessions.isValid(id)).toBe(true)
    now += 1
    expect(await sessions.isValid(id)).toBe(false)

    const second = await sessions.start()
    expect(await sessions.end(second.id)).toBe(true)
    expect(await sessions.isValid(second.id)).toBe(false)
    expect(await sessions.end(second.id)).toBe(false)
  })

  it('are known to every HQ on the database, and only the id’s hash is kept, expired ones swept', async () => {
    let now = Date.parse('2026-11-26T08:00:00Z')
    const here = new AdminSessions(database.db, () => now)
    const there = new AdminSessions(database.db, () => now)
    const { id } = await here.start()
    expect(await there.isValid(id)).toBe(true)
    const rows = await database.db.selectFrom('admin_sessions').selectAll().execute()
    expect(JSON.stringify(rows)).not.toContain(id)
    expect(await there.end(id)).toBe(true)
    expect(await here.isValid(id)).toBe(false)

    await here.start()
    now += SESSION_TTL_MS
    await there.start()
    // The session of 12 hours ago went when the new one started: one row left.
    expect(await database.db.selectFrom('admin_sessions').selectAll().execute()).toHaveLength(1)
  })

  it('set a cookie scripts cannot read and other sites cannot send, and clear it', () => {
    const header = sessionCookieHeader({ id: 'a'.repeat(43), expiresAt: new Date(3_600_000) }, 0)
    expect(header).toBe(`hq_admin_session=${'a'.repeat(43)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=3600`)
    expect(sessionCookieHeader(null, 0)).toBe(
      'hq_admin_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0',
    )
  })
})
