import type { Kysely } from 'kysely'

/** The HQ schema: message log with its sequence counter, devices and enrolment codes. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('messages')
    .addColumn('seq', 'bigint', (c) => c.primaryKey())
    .addColumn('hlc', 'text', (c) => c.notNull())
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('row_id', 'text', (c) => c.notNull())
    .addColumn('column_name', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('node_id', 'text', (c) => c.notNull())
    .addColumn('origin_device', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    // The newest timestamp of this field the pushing device had seen when it wrote the change: a
    // receiver whose value is newer knows the two edits were made without seeing each other.
    .addColumn('base_hlc', 'text')
    .execute()
  await db.schema
    .createIndex('messages_field')
    .on('messages')
    .columns(['table_name', 'row_id', 'column_name', 'seq'])
    .execute()
  // A message is identified by its field and timestamp: pushing it again must not add a row.
  await db.schema
    .createIndex('messages_identity')
    .unique()
    .on('messages')
    .columns(['hlc', 'table_name', 'row_id', 'column_name'])
    .execute()
  await db.schema
    .createTable('counters')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .execute()
  await db
    .insertInto('counters' as never)
    .values({ name: 'messages', value: 0 } as never)
    .execute()
  await db.schema
    .createTable('devices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('node_id', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute()
  await db.schema.createIndex('devices_node').on('devices').column('node_id').execute()
  await db.schema
    .createTable('enrolment_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('used_at', 'text')
    .addColumn('device_id', 'text')
    .execute()
}
