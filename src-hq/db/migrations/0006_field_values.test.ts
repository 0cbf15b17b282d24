import { Migrator, sql, type Kysely } from 'kysely'
import { describe, expect, it } from 'vitest'
import { databaseConfig } from '../../hq'
import { createHqStore, hqBackends } from '../../testing/test-hq'
import { migrateHq, openHqDatabase } from '../connection'
import type { HqDB } from '../schema'
import { hqMigrations } from '.'

const message = (seq: number, hlc: string, column: string, value: string) => ({
  seq,
  hlc,
  table_name: 'factories',
  row_id: 'factory-1',
  column_name: column,
  value,
  node_id: '00000000000000a1',
  origin_device: 'laptop-1',
  device_id: 'device-1',
  received_at: '2026-01-01T00:00:00.000Z',
  base_hlc: null,
  seen_seq: 0,
})

/** 0006 from the version before it: the current values are filled from the log HQ already holds. */
describe.each(hqBackends())('HQ migration 0006 on %s', (backend) => {
  it('keeps each field’s newest stamp from the existing log, whatever order it was logged in', async () => {
    const store = await createHqStore(backend)
    const database = openHqDatabase(databaseConfig(store))
    try {
      const schema =
        backend === 'postgres'
          ? (await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(database.db)).rows[0]
              ?.schema
          : undefined
      const migrator = new Migrator({
        db: database.db,
        provider: { getMigrations: async () => hqMigrations },
        migrationTableSchema: schema,
      })
      expect((await migrator.migrateTo('0004_wire')).error).toBeUndefined()
      const old = database.db as unknown as Kysely<Record<string, Record<string, unknown>>>
      const t = (s: number) => `2026-01-01T00:00:0${s}.000Z-0000-00000000000000a1`
      await old
        .insertInto('messages')
        .values([
          message(1, t(1), 'name', '"恒安"'),
          // A later stamp logged first, an earlier one after it: the later stamp stands.
          message(2, t(5), 'city', '"晋江"'),
          message(3, t(3), 'city', '"泉州"'),
          message(4, t(4), 'name', '"恒安纸业"'),
        ])
        .execute()

      await migrateHq(database)
      const db: Kysely<HqDB> = database.db
      const fields = await db.selectFrom('field_values').selectAll().orderBy('column_name').execute()
      expect(fields.map((f) => [f.column_name, Number(f.seq), f.value])).toEqual([
        ['city', 2, '"晋江"'],
        ['name', 4, '"恒安纸业"'],
      ])
      expect(await db.selectFrom('compacted_saves').selectAll().execute()).toEqual([])
    } finally {
      await database.close()
      await store.dispose()
    }
  })
})
