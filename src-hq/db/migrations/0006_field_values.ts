import { sql, type Kysely } from 'kysely'

/**
 * The current value of every field beside the log (what a new laptop downloads as its first sync
 * instead of replaying the log), and what compaction removed from the log per save, so HQ still answers
 * `hello` and `held` with every message it ever accepted. Filled from the log as it stands.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('field_values')
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('row_id', 'text', (c) => c.notNull())
    .addColumn('column_name', 'text', (c) => c.notNull())
    // The log entry whose value stands: the field's newest stamp.
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('hlc', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('origin_device', 'text', (c) => c.notNull())
    .addColumn('base_hlc', 'text')
    .addColumn('seen_seq', 'bigint')
    .addPrimaryKeyConstraint('field_values_pk', ['table_name', 'row_id', 'column_name'])
    .execute()
  await db.schema
    .createTable('compacted_saves')
    .addColumn('node_id', 'text', (c) => c.notNull())
    .addColumn('hlc', 'text', (c) => c.notNull())
    .addColumn('messages', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('compacted_saves_pk', ['node_id', 'hlc'])
    .execute()
  // One row per field: its newest stamp (stamps of one field never repeat, the log's identity says so).
  await sql`
    INSERT INTO field_values (table_name, row_id, column_name, seq, hlc, value, origin_device, base_hlc, seen_seq)
    SELECT m.table_name, m.row_id, m.column_name, m.seq, m.hlc, m.value, m.origin_device, m.base_hlc, m.seen_seq
    FROM messages m
    WHERE m.hlc = (
      SELECT max(n.hlc) FROM messages n
      WHERE n.table_name = m.table_name AND n.row_id = m.row_id AND n.column_name = m.column_name
    )`.execute(db)
}
