import { sql, type Kysely } from 'kysely'

/** The sync substrate: local settings and the field-level change log. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('change_log')
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('hlc', 'text', (c) => c.notNull())
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('row_id', 'text', (c) => c.notNull())
    .addColumn('column_name', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute()
  // Latest value per field (last-writer-wins lookups) and unsent changes (push).
  await db.schema
    .createIndex('change_log_field')
    .on('change_log')
    .columns(['table_name', 'row_id', 'column_name', 'hlc'])
    .execute()
  await sql`CREATE INDEX change_log_unsent ON change_log (seq) WHERE sent_at IS NULL`.execute(db)
}
