import { sql, type Kysely } from 'kysely'

/**
 * Demand signals: how many units of an SKU sell per month on one channel (天猫, 京东, 山姆 …), as HQ's
 * planners report them. A synced table like the others; HQ writes it and laptops read it once enrolled.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('demand_signals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sku_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('monthly_units', 'integer', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute()
  await sql`CREATE INDEX demand_signals_live_sku ON demand_signals (sku_id, month) WHERE deleted_at IS NULL`.execute(
    db,
  )
}
