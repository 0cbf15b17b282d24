import { describe, expect, it } from 'vitest'
import { databaseConfig } from '../../hq'
import { createHqStore, hqBackends } from '../../testing/test-hq'
import { hqMigrator, migrateHq, openHqDatabase } from '../connection'

/** 0005 from 0004: what HQ held before stays, and sessions, rate windows and blobs get their tables. */
describe.each(hqBackends())('HQ migration 0005 on %s', (backend) => {
  it('keeps the devices and adds the shared state’s tables, blob bytes stored exactly', async () => {
    const store = await createHqStore(backend)
    const database = openHqDatabase(databaseConfig(store))
    try {
      const migrator = await hqMigrator(database)
      expect((await migrator.migrateTo('0004_wire')).error).toBeUndefined()
      const { db } = database
      await db
        .insertInto('devices')
        .values({
          id: 'device-1',
          name: '李娜的笔记本',
          node_id: '00000000000000a1',
          token_hash: 'hash',
          created_at: '2026-01-01T00:00:00.000Z',
          revoked_at: null,
          local_device: 'laptop-1',
        })
        .execute()

      await migrateHq(database)
      expect(await db.selectFrom('devices').select('name').execute()).toEqual([{ name: '李娜的笔记本' }])
      const bytes = Buffer.from([0xff, 0xd8, 0x00, 0x01, 0xfe])
      await db
        .insertInto('blobs')
        .values({ sha256: 'a'.repeat(64), bytes: 5, chunks: 1, created_at: '2026-01-01T00:00:00.000Z' })
        .execute()
      await db
        .insertInto('blob_chunks')
        .values({ sha256: 'a'.repeat(64), chunk: 0, data: bytes })
        .execute()
      const chunk = await db.selectFrom('blob_chunks').select('data').executeTakeFirstOrThrow()
      expect(Buffer.from(chunk.data).equals(bytes)).toBe(true)
      await db
        .insertInto('admin_sessions')
        .values({ id_hash: 'h', created_at: 'x', expires_at: 'y' })
        .execute()
      await db.insertInto('rate_windows').values({ key: 'api:device:1', window_end: 1, count: 1 }).execute()
      expect(await db.selectFrom('rate_windows').select('count').execute()).toEqual([{ count: 1 }])
    } finally {
      await database.close()
      await store.dispose()
    }
  })
})
