import { PostgresAdapter, sql, type Kysely } from 'kysely'

/**
 * What HQ used to keep in one process, in the database every HQ process shares: console sessions (by
 * the hash of their id), rate-limit windows (per device, or per address before enrolment; each row ends
 * with its window) and, on PostgreSQL, the photo and document blobs in chunks, a blob's row written in
 * the same transaction as its chunks so a reader never sees part of one. On SQLite the blobs stay files
 * and the blob tables stay empty: one HQ process serves an embedded database.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('admin_sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('admin_sessions_expiry').on('admin_sessions').column('expires_at').execute()
  await db.schema
    .createTable('rate_windows')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('window_end', 'bigint', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('rate_windows_end').on('rate_windows').column('window_end').execute()
  const bytes = db.getExecutor().adapter instanceof PostgresAdapter ? sql`bytea` : sql`blob`
  await db.schema
    .createTable('blobs')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('bytes', 'bigint', (c) => c.notNull())
    .addColumn('chunks', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('blob_chunks')
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('chunk', 'integer', (c) => c.notNull())
    .addColumn('data', bytes, (c) => c.notNull())
    .addPrimaryKeyConstraint('blob_chunks_pk', ['sha256', 'chunk'])
    .execute()
}
