import type { Kysely } from 'kysely'

/**
 * Deletes that tell (local, never synced). `synced_saves`: where HQ put each save this laptop pulled
 * (its log sequence and the writer's pull cursor), so a delete and an edit of one record can be told
 * apart as "made without seeing each other" the same way on every laptop. `delete_conflicts`: such
 * pairs, for the Sync screen, with a restore.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('synced_saves')
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('row_id', 'text', (c) => c.notNull())
    .addColumn('hlc', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('seen', 'integer', (c) => c.notNull())
    // 1: the save deleted the row; 0: it set deleted_at to null (created or restored it); null: neither.
    .addColumn('deleted', 'integer')
    // 1: the save changed a field a buyer edits (not only bookkeeping or the tombstone).
    .addColumn('edits', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('synced_saves_pk', ['table_name', 'row_id', 'hlc'])
    .execute()
  await db.schema
    .createTable('delete_conflicts')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('row_id', 'text', (c) => c.notNull())
    .addColumn('delete_hlc', 'text', (c) => c.notNull())
    .addColumn('edit_hlc', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute()
  // One record per delete and edit, however often a page is applied again.
  await db.schema
    .createIndex('delete_conflicts_pair')
    .unique()
    .on('delete_conflicts')
    .columns(['table_name', 'row_id', 'delete_hlc', 'edit_hlc'])
    .execute()
}
