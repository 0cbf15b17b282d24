import type { Kysely } from 'kysely'

/**
 * Messages sync received but did not apply, local and never synced. `sync_quarantine`: values no local
 * save could have written (a wrong status, JSON that is not JSON, a bad row id), shown on the Sync
 * screen and never applied. `sync_parked`: messages for a table or column this version does not know
 * (a newer laptop's), kept whole and applied after the upgrade that knows them, so the cursor can move
 * on without losing them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ['sync_quarantine', 'sync_parked'] as const) {
    let create = db.schema
      .createTable(table)
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('hlc', 'text', (c) => c.notNull())
      .addColumn('table_name', 'text', (c) => c.notNull())
      .addColumn('row_id', 'text', (c) => c.notNull())
      .addColumn('column_name', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('base_hlc', 'text')
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
    if (table === 'sync_quarantine') create = create.addColumn('field', 'text', (c) => c.notNull())
    await create.execute()
    // One entry per message, however often its page is pulled again.
    await db.schema
      .createIndex(`${table}_message`)
      .unique()
      .on(table)
      .columns(['hlc', 'table_name', 'row_id', 'column_name'])
      .execute()
  }
}
