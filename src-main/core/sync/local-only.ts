import { sql, type ExpressionBuilder, type Kysely, type SqlBool, type Transaction } from 'kysely'
import type { DB } from '../db/schema'

/**
 * Rows that stay on this laptop and never go to HQ: the demo data a first start seeds. Demo factories,
 * samples and photos are for trying the app; sent to HQ they would land on every buyer's laptop. A row
 * is local-only when it was written by the demo seed (its change log entries up to the seq the seed
 * recorded), and so is every later edit of it. Without a demo seed nothing is local-only, and the
 * queries below add nothing (they run on every status check and push).
 */

type Db = Kysely<DB> | Transaction<DB>

/**
 * Rows that stay because the record they belong to is a demo one, though written after the seed: a
 * contact of a demo factory (migration 0011 made the demo's contacts rows after the seed, and a buyer
 * may add one), a certificate of a demo factory, a document attached to a demo factory, quote or
 * sample. Sent to HQ they would point at a record HQ never gets.
 */
const BELONGS_TO_DEMO = [
  { table: 'factory_contacts', ownerTable: sql.lit('factories'), ownerId: 'factory_id' },
  { table: 'certificates', ownerTable: sql.lit('factories'), ownerId: 'factory_id' },
  { table: 'documents', ownerTable: sql.ref('child.owner_table'), ownerId: 'owner_id' },
  { table: 'sample_requests', ownerTable: sql.lit('factories'), ownerId: 'factory_id' },
] as const

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
    // Rows that belong to a demo record stay too, though written later (see BELONGS_TO_DEMO).
    ...BELONGS_TO_DEMO.map((rule) =>
      eb.and([
        eb('change_log.table_name', '=', rule.table),
        sql<SqlBool>`EXISTS (SELECT 1 FROM ${sql.table(rule.table)} AS child
          JOIN change_log AS demo ON demo.table_name = ${rule.ownerTable}
            AND demo.row_id = ${sql.ref(`child.${rule.ownerId}`)}
          WHERE demo.seq <= ${upTo} AND child.id = change_log.row_id)`,
      ]),
    ),
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
  for (const rule of BELONGS_TO_DEMO) {
    if (table && table !== rule.table) continue
    // Rows of demo records (see BELONGS_TO_DEMO), beside those the seed itself wrote.
    const seeded = new Set(byTable.get(rule.table) ?? [])
    const { rows } = await sql<{ id: string }>`
      SELECT child.id FROM ${sql.table(rule.table)} AS child WHERE EXISTS (
        SELECT 1 FROM change_log AS demo WHERE demo.table_name = ${rule.ownerTable}
          AND demo.row_id = ${sql.ref(`child.${rule.ownerId}`)} AND demo.seq <= ${upTo})
      ORDER BY child.id`.execute(db)
    const more = rows.map((r) => r.id).filter((id) => !seeded.has(id))
    if (more.length > 0) byTable.set(rule.table, [...seeded, ...more])
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
