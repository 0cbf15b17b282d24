import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely'
import type { DB } from '../db/schema'
import type { TrashKind } from './trash.contract'

type Reader = Kysely<DB> | Transaction<DB>

/** How each kind of record is called, read whether it is deleted or not (`t` is the kind's table). */
const TITLE: Record<TrashKind, RawBuilder<string>> = {
  factories: sql`t.name`,
  tours: sql`t.name`,
  visits: sql`t.visit_date || ' ' || coalesce((SELECT name FROM factories WHERE id = t.factory_id), '')`,
  visit_follow_ups: sql`t.text`,
  samples: sql`t.code || ' ' || t.name`,
  sample_requests: sql`t.item || ' · ' || coalesce((SELECT name FROM factories WHERE id = t.factory_id), '')`,
  quotes: sql`coalesce((SELECT name FROM factories WHERE id = t.factory_id), '') || ' · ' ||
    coalesce((SELECT name FROM skus WHERE id = t.sku_id), '')`,
  currency_rates: sql`t.currency`,
  // "正面 · S-…-00042 竹浆抽纸": the caption, when there is one, and the record the photo was on.
  photo_links: sql`trim(coalesce(nullif(t.caption, '') || ' · ', '') || coalesce(
    (SELECT name FROM factories WHERE id = t.owner_id),
    (SELECT code || ' ' || name FROM samples WHERE id = t.owner_id),
    (SELECT v.visit_date || ' ' || coalesce(f.name, '') FROM visits v LEFT JOIN factories f ON f.id = v.factory_id
      WHERE v.id = t.owner_id), ''))`,
  // "BSCI 审核报告.pdf · 晋江恒安纸业": the title or file name, and the record it was on.
  documents: sql`coalesce(nullif(t.title, ''), t.file_name) || coalesce(' · ' || coalesce(
    (SELECT name FROM factories WHERE id = t.owner_id),
    (SELECT code || ' ' || name FROM samples WHERE id = t.owner_id),
    (SELECT coalesce(f.name, '') || ' · ' || coalesce(s.name, '') FROM quotes q
      LEFT JOIN factories f ON f.id = q.factory_id LEFT JOIN skus s ON s.id = q.sku_id WHERE q.id = t.owner_id)), '')`,
  // "BSCI DE-12345 · 晋江恒安纸业".
  certificates: sql`CASE t.kind WHEN 'other' THEN t.kind_other WHEN 'iso9001' THEN 'ISO 9001'
    WHEN 'iso14001' THEN 'ISO 14001' WHEN 'oeko_tex' THEN 'OEKO-TEX' WHEN 'production_licence' THEN '生产许可证'
    WHEN 'business_licence' THEN '营业执照' ELSE upper(t.kind) END
    || coalesce(' ' || nullif(t.number, ''), '') || ' · ' || coalesce((SELECT name FROM factories WHERE id = t.factory_id), '')`,
}

/** A visit's follow-ups go with it: deleteVisit deletes them in the same transaction, a moment later. */
export const DELETED_WITH_WINDOW_MS = 5_000

/**
 * Deleted rows a buyer would look for. Follow-ups deleted with their visit are left out: they come
 * back with it (one deleted before stays listed).
 */
const TRASHED: Record<TrashKind, RawBuilder<unknown>> = {
  factories: sql`1 = 1`,
  tours: sql`1 = 1`,
  visits: sql`1 = 1`,
  visit_follow_ups: sql`NOT EXISTS (SELECT 1 FROM visits v WHERE v.id = t.visit_id AND v.deleted_at IS NOT NULL
    AND t.deleted_at >= v.deleted_at
    AND t.deleted_at <= strftime('%Y-%m-%dT%H:%M:%fZ', v.deleted_at, ${`+${DELETED_WITH_WINDOW_MS / 1000} seconds`}))`,
  samples: sql`1 = 1`,
  sample_requests: sql`1 = 1`,
  quotes: sql`1 = 1`,
  currency_rates: sql`1 = 1`,
  photo_links: sql`1 = 1`,
  documents: sql`1 = 1`,
  certificates: sql`1 = 1`,
}

export const TRASH_KINDS = Object.keys(TITLE) as TrashKind[]

export interface TrashedRow {
  kind: TrashKind
  id: string
  title: string
  deleted_at: string
}

function trashedOf(kinds: readonly TrashKind[]): RawBuilder<TrashedRow> {
  const parts = kinds.map(
    (kind) => sql`SELECT ${kind} AS kind, t.id AS id, ${TITLE[kind]} AS title, t.deleted_at AS deleted_at
      FROM ${sql.table(kind)} t WHERE t.deleted_at IS NOT NULL AND ${TRASHED[kind]}`,
  )
  return sql<TrashedRow>`${sql.join(parts, sql` UNION ALL `)}`
}

/** One page of deleted records, newest delete first, and how many there are. */
export async function listTrashed(
  db: Reader,
  kinds: readonly TrashKind[],
  page: { offset: number; limit: number },
): Promise<{ total: number; rows: TrashedRow[] }> {
  const all = trashedOf(kinds)
  const [count, rows] = await Promise.all([
    sql<{ n: number }>`SELECT count(*) AS n FROM (${all})`.execute(db),
    sql<TrashedRow>`SELECT * FROM (${all}) ORDER BY deleted_at DESC, id DESC
      LIMIT ${page.limit} OFFSET ${page.offset}`.execute(db),
  ])
  return { total: Number(count.rows[0]?.n ?? 0), rows: rows.rows }
}

/** The record's title, deleted or not ('' when the row does not exist). */
export async function titleOf(db: Reader, kind: TrashKind, id: string): Promise<string> {
  const { rows } = await sql<{ title: string | null }>`SELECT ${TITLE[kind]} AS title
    FROM ${sql.table(kind)} t WHERE t.id = ${id}`.execute(db)
  return rows[0]?.title?.trim() ?? ''
}

/** The row's columns, deleted or not. */
export async function findAnyRow(
  db: Reader,
  kind: TrashKind,
  id: string,
): Promise<Record<string, unknown> | undefined> {
  const { rows } = await sql<
    Record<string, unknown>
  >`SELECT * FROM ${sql.table(kind)} WHERE id = ${id}`.execute(db)
  return rows[0]
}

/** HLC of the save that set the row's current tombstone (null: older than the change log). */
export async function deletionHlc(db: Reader, kind: TrashKind, id: string): Promise<string | null> {
  const row = await db
    .selectFrom('change_log')
    .select((eb) => eb.fn.max('hlc').as('hlc'))
    .where('table_name', '=', kind)
    .where('row_id', '=', id)
    .where('column_name', '=', 'deleted_at')
    .where('value', '!=', 'null')
    .executeTakeFirst()
  return row?.hlc ?? null
}

/** A visit's follow-ups deleted in the same moment as the visit (within `windowMs` after it). */
export async function followUpsDeletedWith(
  db: Reader,
  visitId: string,
  visitDeletedAt: string,
  windowMs: number,
): Promise<string[]> {
  const until = new Date(new Date(visitDeletedAt).getTime() + windowMs).toISOString()
  const rows = await db
    .selectFrom('visit_follow_ups')
    .select('id')
    .where('visit_id', '=', visitId)
    .where('deleted_at', '>=', visitDeletedAt)
    .where('deleted_at', '<=', until)
    .execute()
  return rows.map((r) => r.id)
}

/** A live currency rate of the currency other than `id`. */
export async function liveRateOf(db: Reader, currency: string, id: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('currency_rates')
    .select('id')
    .where('currency', '=', currency)
    .where('id', '!=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  return row?.id
}

/** One page of delete conflicts, newest delete first, with each record's current tombstone. */
export async function listDeleteConflicts(db: Reader, page: { offset: number; limit: number }) {
  const [count, rows] = await Promise.all([
    db
      .selectFrom('delete_conflicts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('delete_conflicts')
      .selectAll()
      .orderBy('delete_hlc', 'desc')
      .orderBy('edit_hlc', 'desc')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
  ])
  return { total: Number(count.n), rows }
}

/** The buyer-edited fields one save wrote to a row, with their values (JSON text) as logged. */
export async function fieldsOfSave(
  db: Reader,
  kind: string,
  id: string,
  hlc: string,
): Promise<{ column_name: string; value: string }[]> {
  return db
    .selectFrom('change_log')
    .select(['column_name', 'value'])
    .where('table_name', '=', kind)
    .where('row_id', '=', id)
    .where('hlc', '=', hlc)
    .where('column_name', 'not in', ['created_at', 'updated_at', 'deleted_at'])
    .orderBy('column_name')
    .execute()
}

/** Delete conflicts recorded (the Sync screen's count). */
export async function countDeleteConflicts(db: Reader): Promise<number> {
  const row = await db
    .selectFrom('delete_conflicts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
