import type { Kysely } from 'kysely'

/**
 * `tours.planned_days`: the tour day planned for each planned factory (JSON object, factory id →
 * 'YYYY-MM-DD'); the order of visits is the order of `planned_factory_ids`. A column of the tour, so a
 * day and the order sync like the tour's other fields (registry version 4); tours stored before have
 * no days planned.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('tours')
    .addColumn('planned_days', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute()
}
