import { sql, type ExpressionBuilder, type Kysely } from 'kysely'
import type { DB } from '../db/schema'

/**
 * Rows that stay on this laptop and never go to HQ: the demo data a first start seeds. Demo factories,
 * samples and photos are for trying the app; sent to HQ they would land on every buyer's laptop. A row
 * is local-only when it was written by the demo seed (its change log entries up to the seq the seed
 * recorded), and so is every later edit of it.
 */

/** meta key: the last change-log seq the demo seed wrote (absent when nothing was seeded). */
export const DEMO_LAST_SEQ = 'demo_last_seq'

/** Records the demo seed's last change; called right after seeding. */
export async function markDemoRowsLocalOnly(db: Kysely<DB>): Promise<void> {
  await sql`INSERT INTO meta (key, value)
    SELECT ${DEMO_LAST_SEQ}, CAST(MAX(seq) AS TEXT) FROM change_log HAVING MAX(seq) IS NOT NULL
    ON CONFLICT (key) DO UPDATE SET value = excluded.value`.execute(db)
}

/** The demo seed's change-log entries (none when nothing was seeded). */
export function localOnlyEntries(eb: ExpressionBuilder<DB, 'change_log'>) {
  return eb
    .selectFrom('change_log as demo')
    .select('demo.seq')
    .where(
      'demo.seq',
      '<=',
      eb
        .selectFrom('meta')
        .select(sql<number>`CAST(value AS INTEGER)`.as('seq'))
        .where('key', '=', DEMO_LAST_SEQ),
    )
}

/** For a change-log query: whether the change belongs to a row that stays on this laptop. */
export function isLocalOnly(eb: ExpressionBuilder<DB, 'change_log'>) {
  return eb.exists(
    localOnlyEntries(eb)
      .whereRef('demo.table_name', '=', 'change_log.table_name')
      .whereRef('demo.row_id', '=', 'change_log.row_id'),
  )
}

/** Ids of a table's rows that stay on this laptop. */
export async function localOnlyRowIds(db: Kysely<DB>, table: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('change_log')
    .select('row_id')
    .distinct()
    .where('table_name', '=', table)
    .where((eb) => eb('seq', 'in', localOnlyEntries(eb)))
    .execute()
  return new Set(rows.map((row) => row.row_id))
}

/** How many rows stay on this laptop (the Sync screen says so). */
export async function countLocalOnlyRows(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('change_log')
    .select(sql<number>`COUNT(DISTINCT table_name || '/' || row_id)`.as('n'))
    .where((eb) => eb('seq', 'in', localOnlyEntries(eb)))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
