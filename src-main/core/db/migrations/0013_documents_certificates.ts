import { sql, type Kysely } from 'kysely'

/**
 * Documents (a factory's price sheet, licence, test reports; files stored by their SHA-256 like
 * photos) attached to factories, quotes and samples, and a factory's certificates with their
 * validity. Both are ordinary synced tables with UUIDv7 ids; nothing existing changes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('other'))
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('owner_table', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute()
  await sql`CREATE INDEX documents_live_owner ON documents (owner_table, owner_id, created_at)
    WHERE deleted_at IS NULL`.execute(db)

  await db.schema
    .createTable('certificates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('factory_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('kind_other', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('number', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('issuer', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('valid_from', 'text')
    .addColumn('valid_to', 'text')
    .addColumn('scan_document_id', 'text')
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute()
  await sql`CREATE INDEX certificates_live_factory ON certificates (factory_id) WHERE deleted_at IS NULL`.execute(
    db,
  )
  // The cross-factory list of what expires soon reads by end date.
  await sql`CREATE INDEX certificates_live_valid_to ON certificates (valid_to)
    WHERE deleted_at IS NULL AND valid_to IS NOT NULL`.execute(db)
}
