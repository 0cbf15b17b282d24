import { sql, type Kysely } from 'kysely'

/**
 * Quotes where the buyer is: a quote links to the sample it was for (`linked_sample_id`, a picked sample;
 * the older free-text `sample_id` stays readable), its freight may be in a currency of its own
 * (`freight_currency`, '' = the quote's currency) and it names its own pack word (`pack_word`: 箱, 包 …;
 * '' = 件). An SKU shows its per-unit prices per `unit_scale` comparable units (1, 10, 100, 1000).
 * Synced columns (registry version 3); existing rows read as before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('quotes').addColumn('linked_sample_id', 'text').execute()
  await db.schema
    .alterTable('quotes')
    .addColumn('freight_currency', 'text', (c) => c.notNull().defaultTo(''))
    .execute()
  await db.schema
    .alterTable('quotes')
    .addColumn('pack_word', 'text', (c) => c.notNull().defaultTo(''))
    .execute()
  await db.schema
    .alterTable('skus')
    .addColumn('unit_scale', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  await sql`CREATE INDEX quotes_live_sample ON quotes (linked_sample_id) WHERE deleted_at IS NULL`.execute(db)
}
