import { sql, type Kysely } from 'kysely'

/**
 * SKU briefs, brand benchmarks, quotes (with negotiation rounds) and currency rates.
 * References between synced tables (quote → factory, quote → SKU) are checked by the services, not by
 * SQLite foreign keys: sync delivers rows field by field in any order, so a quote may arrive before
 * its factory.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const stamps = (table: ReturnType<Kysely<unknown>['schema']['createTable']>) =>
    table
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('deleted_at', 'text')

  await stamps(
    db.schema
      .createTable('skus')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('category', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('comparable_unit', 'text', (c) => c.notNull())
      .addColumn('retail_pack_spec', 'text', (c) => c.notNull())
      .addColumn('planned_order_packs', 'integer', (c) => c.notNull())
      .addColumn('target_ratio', 'text', (c) => c.notNull().defaultTo('1/3'))
      .addColumn('target_margin', 'text', (c) => c.notNull())
      .addColumn('benchmark_channel', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('notes', 'text', (c) => c.notNull().defaultTo('')),
  ).execute()

  await stamps(
    db.schema
      .createTable('benchmarks')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('sku_id', 'text', (c) => c.notNull())
      .addColumn('brand', 'text', (c) => c.notNull())
      .addColumn('product', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('pack_spec', 'text', (c) => c.notNull())
      .addColumn('shelf_price', 'text', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull().defaultTo('CNY'))
      .addColumn('observed_at', 'text', (c) => c.notNull())
      .addColumn('notes', 'text', (c) => c.notNull().defaultTo('')),
  ).execute()

  await stamps(
    db.schema
      .createTable('quotes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('thread_id', 'text', (c) => c.notNull())
      .addColumn('round', 'integer', (c) => c.notNull())
      .addColumn('sku_id', 'text', (c) => c.notNull())
      .addColumn('factory_id', 'text', (c) => c.notNull())
      .addColumn('sample_id', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('quote_date', 'text', (c) => c.notNull())
      .addColumn('valid_until', 'text')
      .addColumn('currency', 'text', (c) => c.notNull().defaultTo('CNY'))
      .addColumn('vat_basis', 'text', (c) => c.notNull())
      .addColumn('vat_rate', 'text', (c) => c.notNull())
      .addColumn('tiers', 'text', (c) => c.notNull())
      .addColumn('pack_spec', 'text', (c) => c.notNull())
      .addColumn('freight', 'text', (c) => c.notNull())
      .addColumn('moq_packs', 'integer')
      .addColumn('lead_time_days', 'integer')
      .addColumn('payment_terms', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('notes', 'text', (c) => c.notNull().defaultTo('')),
  ).execute()

  await stamps(
    db.schema
      .createTable('currency_rates')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('rate', 'text', (c) => c.notNull())
      .addColumn('notes', 'text', (c) => c.notNull().defaultTo('')),
  ).execute()

  await sql`CREATE INDEX benchmarks_live_sku ON benchmarks (sku_id) WHERE deleted_at IS NULL`.execute(db)
  await sql`CREATE INDEX quotes_live_sku ON quotes (sku_id) WHERE deleted_at IS NULL`.execute(db)
  await sql`CREATE INDEX quotes_live_factory ON quotes (factory_id) WHERE deleted_at IS NULL`.execute(db)
  await sql`CREATE INDEX quotes_thread ON quotes (thread_id, round)`.execute(db)
}
