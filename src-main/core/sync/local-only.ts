import { sql, type ExpressionBuilder, type Kysely, type Transaction } from 'kysely'
import type { DB } from '../db/schema'

/**
 * Rows that stay on this laptop and never go to HQ: the demo data a first start seeds. Demo factories,
 * samples and photos are for trying the app; sent to HQ they would land on every buyer's laptop. A row
 * is local-only when it was written by the demo seed (its change log entries up to the seq the seed
 * recorded), and so is every later edit of it. Without a demo seed nothing is local-only, and the
 * queries below add nothing (they run on every status check and push).
 */

type Db = Kysely<DB> | Transaction<DB>

/** meta key: the last change-log seq the demo seed wrote (absent when nothing was seeded). */
export const DEMO_LAST_SEQ = 'demo_last_seq'

/** Records the demo seed's last change; called right after seeding. */
export async function markDemoRowsLocalOnly(db: Db): Promise<void> {
  await sql`INSERT INTO meta (key, value)
    SELECT ${DEMO_LAST_SEQ}, CAST(MAX(seq) AS TEXT) FROM change_log HAVING MAX(seq) IS NOT NULL
    ON CONFLICT (key) DO UPDATE SET value = excluded.value`.execute(db)
}

/** The demo seed's last change-log seq, or null when nothing on this laptop is local-only. */
export async function localOnlyUpTo(db: Db): Promise<number | null> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', DEMO_LAST_SEQ).executeTakeFirst()
  return row ? Number(row.value) : null
}

/** For a change-log query: whether the change belongs to a row the demo seed wrote. */
export function isLocalOnly(eb: ExpressionBuilder<DB, 'change_log'>, upTo: number) {
  return eb.or([
    eb.exists(
      eb
        .selectFrom('change_log as demo')
        .select('demo.seq')
        .where('demo.seq', '<=', upTo)
        .whereRef('demo.table_name', '=', 'change_log.table_name')
        .whereRef('demo.row_id', '=', 'change_log.row_id'),
    ),
    // A contact of a demo factory stays too, though written later (migration 0011 made the demo's
    // contacts rows after the seed, and a buyer may add one to a demo factory).
    eb.and([
      eb('change_log.table_name', '=', 'factory_contacts'),
      eb.exists(
        eb
          .selectFrom('factory_contacts as contact')
          .innerJoin('change_log as demo', (join) =>
            join.on('demo.table_name', '=', 'factories').onRef('demo.row_id', '=', 'contact.factory_id'),
          )
          .select('demo.seq')
          .where('demo.seq', '<=', upTo)
          .whereRef('contact.id', '=', 'change_log.row_id'),
      ),
    ]),
  ])
}

/** The rows that stay on this laptop, by table. */
export async function localOnlyRows(db: Db, table?: string): Promise<Map<string, string[]>> {
  const upTo = await localOnlyUpTo(db)
  const byTable = new Map<string, string[]>()
  if (upTo === null) return byTable
  let query = db.selectFrom('change_log').select(['table_name', 'row_id']).distinct().where('seq', '<=', upTo)
  if (table) query = query.where('table_name', '=', table)
  for (const row of await query.execute()) {
    byTable.set(row.table_name, [...(byTable.get(row.table_name) ?? []), row.row_id])
  }
  if (!table || table === 'factory_contacts') {
    // Contacts of demo factories (see isLocalOnly), beside those the seed itself wrote.
    const seeded = new Set(byTable.get('factory_contacts') ?? [])
    const { rows } = await sql<{ id: string }>`
      SELECT id FROM factory_contacts WHERE factory_id IN (
        SELECT row_id FROM change_log WHERE table_name = 'factories' AND seq <= ${upTo})
      ORDER BY id`.execute(db)
    const more = rows.map((r) => r.id).filter((id) => !seeded.has(id))
    if (more.length > 0) byTable.set('factory_contacts', [...seeded, ...more])
  }
  return byTable
}

/** Ids of a table's rows that stay on this laptop. */
export async function localOnlyRowIds(db: Db, table: string): Promise<Set<string>> {
  return new Set((await localOnlyRows(db, table)).get(table) ?? [])
}

/** How many rows stay on this laptop (the Sync screen says so). */
export async function countLocalOnlyRows(db: Db): Promise<number> {
  let n = 0
  for (const ids of (await localOnlyRows(db)).values()) n += ids.length
  return n
}
