import { sql, type Kysely } from 'kysely'

/**
 * Field records: tours, visits with their scorecards, follow-ups, samples with their status history,
 * and the category policy. Scores are one column per dimension and follow-ups one row each, because sync
 * merges field by field: two buyers scoring different dimensions, or ticking different follow-ups offline,
 * both keep their edits. References (visit → factory, sample → visit) are checked by the services.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const stamps = (table: ReturnType<Kysely<unknown>['schema']['createTable']>) =>
    table
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('deleted_at', 'text')

  await stamps(
    db.schema
      .createTable('tours')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('start_date', 'text', (c) => c.notNull())
      .addColumn('end_date', 'text', (c) => c.notNull())
      .addColumn('belts', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('members', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('planned_factory_ids', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('notes', 'text', (c) => c.notNull().defaultTo('')),
  ).execute()

  let visits = db.schema
    .createTable('visits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('factory_id', 'text', (c) => c.notNull())
    .addColumn('tour_id', 'text')
    .addColumn('visit_date', 'text', (c) => c.notNull())
    .addColumn('attendees', 'text', (c) => c.notNull().defaultTo('[]'))
  for (const dimension of [
    'design',
    'rnd',
    'quick_response',
    'new_product_development',
    'belt_leadership',
    'quality_system',
    'capacity',
  ]) {
    visits = visits
      .addColumn(`score_${dimension}`, 'integer')
      .addColumn(`note_${dimension}`, 'text', (c) => c.notNull().defaultTo(''))
  }
  await stamps(visits.addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))).execute()

  await stamps(
    db.schema
      .createTable('visit_follow_ups')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('visit_id', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('due_date', 'text')
      .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('done_at', 'text'),
  ).execute()

  await stamps(
    db.schema
      .createTable('samples')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('visit_id', 'text')
      .addColumn('factory_id', 'text', (c) => c.notNull())
      .addColumn('sku_id', 'text')
      .addColumn('category', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('category_override_reason', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('specs', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('storage_location', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('requested'))
      .addColumn('status_reason', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('evaluation_scores', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('evaluation_verdict', 'text')
      .addColumn('evaluation_note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('evaluation_benchmark', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('evaluated_at', 'text')
      .addColumn('notes', 'text', (c) => c.notNull().defaultTo('')),
  ).execute()

  await stamps(
    db.schema
      .createTable('sample_status_history')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('sample_id', 'text', (c) => c.notNull())
      .addColumn('from_status', 'text')
      .addColumn('to_status', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('actor', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('changed_at', 'text', (c) => c.notNull()),
  ).execute()

  await stamps(
    db.schema
      .createTable('categories')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('normal'))
      .addColumn('note', 'text', (c) => c.notNull().defaultTo('')),
  ).execute()

  // An SKU brief in an excluded category records the buyer's override reason, like a sample does.
  await sql`ALTER TABLE skus ADD COLUMN category_override_reason TEXT NOT NULL DEFAULT ''`.execute(db)

  await sql`CREATE INDEX visits_live_factory ON visits (factory_id, visit_date) WHERE deleted_at IS NULL`.execute(
    db,
  )
  await sql`CREATE INDEX visits_live_tour ON visits (tour_id, visit_date) WHERE deleted_at IS NULL`.execute(
    db,
  )
  await sql`CREATE INDEX visit_follow_ups_visit ON visit_follow_ups (visit_id)`.execute(db)
  // Not UNIQUE: codes are unique by construction (per-device prefix), and a sync must never be refused.
  await sql`CREATE INDEX samples_code ON samples (code)`.execute(db)
  await sql`CREATE INDEX samples_live_factory ON samples (factory_id) WHERE deleted_at IS NULL`.execute(db)
  await sql`CREATE INDEX samples_live_sku ON samples (sku_id) WHERE deleted_at IS NULL`.execute(db)
  await sql`CREATE INDEX sample_status_history_sample ON sample_status_history (sample_id, changed_at)`.execute(
    db,
  )
  await sql`CREATE INDEX categories_name ON categories (name) WHERE deleted_at IS NULL`.execute(db)
}
