import type { Kysely } from 'kysely'

/**
 * HQ's own settings: the HLC node id HQ stamps its writes to the HQ-owned tables with, and the last
 * timestamp it issued (so its clock never goes back across restarts, even if the wall clock does).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('hq_meta')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute()
}
