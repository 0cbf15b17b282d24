import { sql, type Kysely } from 'kysely'
import { describe, expect, it } from 'vitest'
import { databaseConfig } from '../../hq'
import { createHqStore, hqBackends } from '../../testing/test-hq'
import { hqMigrator, migrateHq, openHqDatabase } from '../connection'
import type { HqDB } from '../schema'

/** 0004 from the version before it: devices enrolled then keep working, their local id still to learn. */
describe.each(hqBackends())('HQ migration 0004 on %s', (backend) => {
  it('adds the device’s local id (unknown for devices enrolled before) and the per-node index', async () => {
    const store = await createHqStore(backend)
    const database = openHqDatabase(databaseConfig(store))
    try {
      const migrator = await hqMigrator(database)
      expect((await migrator.migrateTo('0002_hq_meta')).error).toBeUndefined()
      const old = database.db as unknown as Kysely<Record<string, Record<string, unknown>>>
      await old
        .insertInto('devices')
        .values({
          id: 'device-1',
          name: '李娜的笔记本',
          node_id: '00000000000000a1',
          token_hash: 'hash',
          created_at: '2026-01-01T00:00:00.000Z',
          revoked_at: null,
        })
        .execute()

      await migrateHq(database)
      const db: Kysely<HqDB> = database.db
      const device = await db.selectFrom('devices').selectAll().executeTakeFirstOrThrow()
      expect(device).toMatchObject({ id: 'device-1', node_id: '00000000000000a1', local_device: null })
      await db.updateTable('devices').set({ local_device: 'laptop-1' }).where('id', '=', 'device-1').execute()
      expect(
        (await db.selectFrom('devices').select('local_device').executeTakeFirstOrThrow()).local_device,
      ).toBe('laptop-1')
      const indexes =
        backend === 'sqlite'
          ? await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'index'`.execute(db)
          : await sql<{
              name: string
            }>`SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema()`.execute(db)
      expect(indexes.rows.map((r) => r.name)).toContain('messages_node')
    } finally {
      await database.close()
      await store.dispose()
    }
  })
})
