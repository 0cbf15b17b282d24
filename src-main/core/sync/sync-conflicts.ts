import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { DB } from '../db/schema'
import { loadAuthorNames } from './sync-directory'
import type { SyncConflict, SyncRejection, SyncRejectionGroup } from './sync.contract'

/**
 * What the Sync screen lists: conflicts sync resolved (whose edit replaced whose) and changes HQ refused,
 * each with the record's title looked up in its table, so a buyer reads "样品 S-…-00042 竹浆抽纸", not ids.
 */

/**
 * Columns every write touches: two offline edits of one record always "conflict" on them, which tells
 * a buyer nothing. They are still recorded, but not listed or counted.
 */
export const BOOKKEEPING_COLUMNS = ['created_at', 'updated_at'] as const

/** Conflicts a buyer is shown (bookkeeping columns left out). */
export async function countConflicts(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('sync_conflicts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('column_name', 'not in', BOOKKEEPING_COLUMNS)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** How each kind of record is called; kinds not named here show their kind only. */
const TITLE_SQL: Record<string, (id: string) => RawBuilder<{ title: string | null }>> = {
  samples: (id) => sql`SELECT code || ' ' || name AS title FROM samples WHERE id = ${id}`,
  factories: (id) => sql`SELECT name AS title FROM factories WHERE id = ${id}`,
  skus: (id) => sql`SELECT name AS title FROM skus WHERE id = ${id}`,
  tours: (id) => sql`SELECT name AS title FROM tours WHERE id = ${id}`,
  categories: (id) => sql`SELECT name AS title FROM categories WHERE id = ${id}`,
  factory_contacts: (id) =>
    sql`SELECT c.name || ' · ' || coalesce(f.name, '') AS title
        FROM factory_contacts c LEFT JOIN factories f ON f.id = c.factory_id WHERE c.id = ${id}`,
  currency_rates: (id) => sql`SELECT currency AS title FROM currency_rates WHERE id = ${id}`,
  visits: (id) =>
    sql`SELECT v.visit_date || ' ' || coalesce(f.name, '') AS title
        FROM visits v LEFT JOIN factories f ON f.id = v.factory_id WHERE v.id = ${id}`,
  quotes: (id) =>
    sql`SELECT coalesce(f.name, '') || ' · ' || coalesce(s.name, '') AS title
        FROM quotes q LEFT JOIN factories f ON f.id = q.factory_id LEFT JOIN skus s ON s.id = q.sku_id
        WHERE q.id = ${id}`,
  benchmarks: (id) =>
    sql`SELECT coalesce(s.name, '') || ' · ' || b.channel AS title
        FROM benchmarks b LEFT JOIN skus s ON s.id = b.sku_id WHERE b.id = ${id}`,
}

export async function titlesOf(db: Kysely<DB>, records: { kind: string; rowId: string }[]) {
  const titles = new Map<string, string | null>()
  for (const { kind, rowId } of records) {
    const key = `${kind}\u0000${rowId}`
    if (titles.has(key)) continue
    const query = TITLE_SQL[kind]
    const row = query ? (await query(rowId).execute(db)).rows[0] : undefined
    titles.set(key, row?.title?.trim() || null)
  }
  return (kind: string, rowId: string) => titles.get(`${kind}\u0000${rowId}`) ?? null
}

/** A stored JSON value as the text a buyer reads ('' for empty). */
export function valueText(json: string): string {
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    return json
  }
  if (value === null || value === undefined) return ''
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/** The wall-clock part of an HLC (its first 24 characters are an ISO time). */
const timeOfHlc = (hlc: string) => hlc.slice(0, 24)

export async function listConflicts(
  db: Kysely<DB>,
  ownNode: string,
  page: { offset: number; limit: number },
): Promise<{ total: number; items: SyncConflict[] }> {
  const [total, rows, authorOf] = await Promise.all([
    countConflicts(db),
    db
      .selectFrom('sync_conflicts')
      .selectAll()
      .where('column_name', 'not in', BOOKKEEPING_COLUMNS)
      .orderBy('winner_hlc', 'desc')
      .orderBy('id', 'desc')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    loadAuthorNames(db, ownNode),
  ])
  const titleOf = await titlesOf(
    db,
    rows.map((r) => ({ kind: r.table_name, rowId: r.row_id })),
  )
  const side = (hlc: string, value: string) => {
    const author = authorOf(hlc)
    return { value: valueText(value), raw: value, device: author.name, mine: author.mine, at: timeOfHlc(hlc) }
  }
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      kind: r.table_name,
      rowId: r.row_id,
      title: titleOf(r.table_name, r.row_id),
      field: r.column_name,
      winner: side(r.winner_hlc, r.winner_value),
      loser: side(r.loser_hlc, r.loser_value),
      recordedAt: r.recorded_at,
    })),
  }
}

/** Refused changes grouped per record and reason (one refused record is many refused fields). */
export async function listRejections(
  db: Kysely<DB>,
  page: { offset: number; limit: number },
): Promise<{ total: number; items: SyncRejection[]; groups: SyncRejectionGroup[] }> {
  const grouped = db
    .selectFrom('sync_rejections')
    .innerJoin('change_log', 'change_log.seq', 'sync_rejections.seq')
    .select((eb) => [
      'change_log.table_name',
      'change_log.row_id',
      'sync_rejections.code',
      eb.fn.countAll<number>().as('changes'),
      eb.fn.max('sync_rejections.seq').as('last_seq'),
      eb.fn.max('sync_rejections.rejected_at').as('rejected_at'),
      sql<string>`group_concat(DISTINCT change_log.column_name)`.as('columns'),
    ])
    .groupBy(['change_log.table_name', 'change_log.row_id', 'sync_rejections.code'])
  const [total, rows, groups] = await Promise.all([
    db
      .selectFrom(grouped.as('g'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    grouped.orderBy('last_seq', 'desc').offset(page.offset).limit(page.limit).execute(),
    db
      .selectFrom(grouped.as('g'))
      .select((eb) => ['g.table_name', 'g.code', eb.fn.countAll<number>().as('records')])
      .groupBy(['g.table_name', 'g.code'])
      .orderBy('records', 'desc')
      .orderBy('g.table_name')
      .execute(),
  ])
  const titleOf = await titlesOf(
    db,
    rows.map((r) => ({ kind: r.table_name, rowId: r.row_id })),
  )
  const bookkeeping = new Set<string>(BOOKKEEPING_COLUMNS)
  return {
    total: Number(total.n),
    items: rows.map((r) => ({
      kind: r.table_name,
      rowId: r.row_id,
      title: titleOf(r.table_name, r.row_id),
      fields: r.columns
        .split(',')
        .filter((c) => !bookkeeping.has(c))
        .sort(),
      changes: Number(r.changes),
      code: r.code,
      rejectedAt: r.rejected_at,
    })),
    groups: groups.map((g) => ({ kind: g.table_name, code: g.code, records: Number(g.records) })),
  }
}
