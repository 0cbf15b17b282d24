import { sql, type ExpressionBuilder, type Kysely, type Selectable } from 'kysely'
import type { DB } from '../db/schema'
import type { FactoriesTable } from './factories.table'
import type { FactoryStatus } from './factories.contract'

export type FactoryRow = Selectable<FactoriesTable>

/** Columns of the list view; the rest is loaded only when one factory is opened. */
const SUMMARY_COLUMNS = [
  'id',
  'name',
  'province',
  'city',
  'industrial_belt',
  'categories',
  'oem_brands',
  'status',
  'credit_code',
  'credit_code_note',
  'updated_at',
] as const
export type FactorySummaryRow = Pick<FactoryRow, (typeof SUMMARY_COLUMNS)[number]> & {
  contact_count: number | null
}

/** The list columns and the number of live contacts (served by the factory_contacts_live_factory index). */
function summaryColumns(eb: ExpressionBuilder<DB, 'factories'>) {
  return [
    ...SUMMARY_COLUMNS.map((c) => eb.ref(`factories.${c}`).as(c)),
    eb
      .selectFrom('factory_contacts')
      .select((sub) => sub.fn.countAll<number>().as('n'))
      .whereRef('factory_contacts.factory_id', '=', 'factories.id')
      .where('factory_contacts.deleted_at', 'is', null)
      .as('contact_count'),
  ]
}

/** Columns a list search looks into. */
const SEARCHED_COLUMNS = [
  'name',
  'province',
  'city',
  'industrial_belt',
  'categories',
  'oem_brands',
  'shop_id',
  'credit_code',
] as const

/** Escapes LIKE wildcards so a search for "50%" matches the text "50%". */
function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

export async function findLiveFactory(db: Kysely<DB>, id: string): Promise<FactoryRow | undefined> {
  return db
    .selectFrom('factories')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
}

/** The live factory other than `exceptId` that has this credit code, if any. */
export async function findLiveFactoryByCreditCode(
  db: Kysely<DB>,
  creditCode: string,
  exceptId: string | null,
): Promise<{ id: string; name: string } | undefined> {
  let query = db
    .selectFrom('factories')
    .select(['id', 'name'])
    .where('credit_code', '=', creditCode)
    .where('deleted_at', 'is', null)
  if (exceptId) query = query.where('id', '!=', exceptId)
  return query.executeTakeFirst()
}

/** What a list asks for: a search and a status filter. */
export interface FactoryFilter {
  /** Substring to find; empty matches every factory. */
  search: string
  /** Statuses to keep; empty keeps them all. */
  statuses: FactoryStatus[]
}

function liveMatching(db: Kysely<DB>, filter: FactoryFilter) {
  let query = db.selectFrom('factories').where('deleted_at', 'is', null)
  if (filter.statuses.length > 0) query = query.where('status', 'in', filter.statuses)
  if (filter.search !== '') {
    const pattern = likePattern(filter.search)
    query = query.where((eb) =>
      eb.or(SEARCHED_COLUMNS.map((column) => sql<boolean>`${sql.ref(column)} LIKE ${pattern} ESCAPE '\\'`)),
    )
  }
  return query
}

/** Columns the pinyin sorts compare, and the id that breaks ties. */
const SORT_KEY_COLUMNS = ['id', 'name', 'province', 'city', 'industrial_belt', 'status'] as const
export type FactorySortRow = Pick<FactoryRow, (typeof SORT_KEY_COLUMNS)[number]>

/** The sort keys of every live factory matching the filter: a page is sorted from these. */
export async function listLiveFactorySortKeys(
  db: Kysely<DB>,
  filter: FactoryFilter,
): Promise<FactorySortRow[]> {
  return liveMatching(db, filter).select(SORT_KEY_COLUMNS).execute()
}

/** The list rows of the given live factories, in no particular order (deleted ones are left out). */
export async function findLiveFactorySummaries(db: Kysely<DB>, ids: string[]): Promise<FactorySummaryRow[]> {
  if (ids.length === 0) return []
  return db
    .selectFrom('factories')
    .select(summaryColumns)
    .where('id', 'in', ids)
    .where('deleted_at', 'is', null)
    .execute()
}

/** Every live factory matching the filter, in no particular order. */
export async function listLiveFactories(db: Kysely<DB>, filter: FactoryFilter): Promise<FactorySummaryRow[]> {
  return liveMatching(db, filter).select(summaryColumns).execute()
}

/**
 * One page of the matches, newest (or oldest) change first, ties broken by id so that consecutive
 * pages neither repeat nor skip a row. The partial index on updated_at serves the order.
 */
export async function listLiveFactoriesByUpdate(
  db: Kysely<DB>,
  filter: FactoryFilter,
  page: { direction: 'asc' | 'desc'; offset: number; limit: number | undefined },
): Promise<FactorySummaryRow[]> {
  const query = liveMatching(db, filter)
    .select(summaryColumns)
    .orderBy('updated_at', page.direction)
    .orderBy('id', page.direction)
  // SQLite needs a LIMIT before an OFFSET; -1 means none.
  return query
    .limit(page.limit ?? -1)
    .offset(page.offset)
    .execute()
}

/** How many live factories match the filter. */
export async function countLiveFactories(db: Kysely<DB>, filter: FactoryFilter): Promise<number> {
  const row = await liveMatching(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow()
  return Number(row.count)
}

/** Live factories counted per status (statuses with none are absent). */
export async function countLiveFactoriesByStatus(
  db: Kysely<DB>,
): Promise<{ status: string; count: number }[]> {
  const rows = await db
    .selectFrom('factories')
    .where('deleted_at', 'is', null)
    .select((eb) => ['status', eb.fn.countAll<number>().as('count')])
    .groupBy('status')
    .execute()
  return rows.map((r) => ({ status: r.status, count: Number(r.count) }))
}
