import type { Kysely } from 'kysely'

/**
 * Sync bookkeeping, local and never synced: the conflicts sync resolved (whose edit replaced whose, for
 * the Sync screen) and the changes HQ refused for good (so they no longer block the push queue).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sync_conflicts')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('row_id', 'text', (c) => c.notNull())
    .addColumn('column_name', 'text', (c) => c.notNull())
    .addColumn('winner_hlc', 'text', (c) => c.notNull())
    .addColumn('winner_device', 'text', (c) => c.notNull())
    .addColumn('winner_value', 'text', (c) => c.notNull())
    .addColumn('loser_hlc', 'text', (c) => c.notNull())
    .addColumn('loser_device', 'text', (c) => c.notNull())
    .addColumn('loser_value', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute()
  // One record per pair of edits, however often a page is applied again.
  await db.schema
    .createIndex('sync_conflicts_pair')
    .unique()
    .on('sync_conflicts')
    .columns(['table_name', 'row_id', 'column_name', 'winner_hlc', 'loser_hlc'])
    .execute()
  await db.schema
    .createTable('sync_rejections')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('rejected_at', 'text', (c) => c.notNull())
    .execute()
}
