import { sql, type Kysely } from 'kysely'

/**
 * Photos and their links to factories, visits and samples.
 *
 * A photo row is keyed by the SHA-256 of its bytes (64 hex characters), not by a UUIDv7: the same
 * picture added offline on two laptops is one photo everywhere, so sync merges the rows instead of
 * duplicating them, and the file name in the data directory is the same key. A link is an ordinary
 * UUIDv7 row, so each record keeps its own caption and order for a shared photo.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('photos')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('taken_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute()

  await db.schema
    .createTable('photo_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('photo_id', 'text', (c) => c.notNull())
    .addColumn('owner_table', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('caption', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute()

  await sql`CREATE INDEX photo_links_live_owner ON photo_links (owner_table, owner_id, sort_order)
    WHERE deleted_at IS NULL`.execute(db)
  await sql`CREATE INDEX photo_links_live_photo ON photo_links (photo_id) WHERE deleted_at IS NULL`.execute(
    db,
  )
}
