import { sql, type Kysely } from 'kysely'

/**
 * Sample requests: what a factory promised to send, by when, by which courier and tracking number, and
 * the sample registered when it arrived. A synced table (registry version 4). Indexes serve Today (open
 * requests by promised date) and a factory's page; Today's other lists get theirs here too: open
 * follow-ups by due date, samples waiting for evaluation, quotes by validity, each SKU's newest benchmark.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sample_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('factory_id', 'text', (c) => c.notNull())
    .addColumn('visit_id', 'text')
    .addColumn('sku_id', 'text')
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('requested_on', 'text', (c) => c.notNull())
    .addColumn('promised_ship_date', 'text', (c) => c.notNull())
    .addColumn('shipped_on', 'text')
    .addColumn('courier', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('tracking_number', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('received_on', 'text')
    .addColumn('sample_id', 'text')
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute()
  await sql`CREATE INDEX sample_requests_live_open ON sample_requests (promised_ship_date)
    WHERE deleted_at IS NULL AND received_on IS NULL`.execute(db)
  await sql`CREATE INDEX sample_requests_live_factory ON sample_requests (factory_id, requested_on)
    WHERE deleted_at IS NULL`.execute(db)
  // Values in the conditions are bound parameters, which a partial index on them could not serve.
  await sql`CREATE INDEX visit_follow_ups_live_due ON visit_follow_ups (done, due_date)
    WHERE deleted_at IS NULL`.execute(db)
  await sql`CREATE INDEX samples_live_status ON samples (status, updated_at) WHERE deleted_at IS NULL`.execute(
    db,
  )
  await sql`CREATE INDEX quotes_live_valid_until ON quotes (valid_until) WHERE deleted_at IS NULL`.execute(db)
  await sql`CREATE INDEX benchmarks_live_sku_observed ON benchmarks (sku_id, observed_at)
    WHERE deleted_at IS NULL`.execute(db)
}
