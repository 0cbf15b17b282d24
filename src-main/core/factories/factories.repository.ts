import { sql, type Kysely, type Selectable } from 'kysely'
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
  'contacts',
  'updated_at',
] as const
export type FactorySummaryRow = Pick<FactoryRow, (typeof SUMMARY_COLUMNS)[number]>

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

export async function listLiveFactories(
  db: Kysely<DB>,
  filter: { search: string; statuses: FactoryStatus[] },
): Promise<FactorySummaryRow[]> {
  let query = db.selectFrom('factories').select(SUMMARY_COLUMNS).where('deleted_at', 'is', null)
  if (filter.statuses.length > 0) query = query.where('status', 'in', filter.statuses)
  if (filter.search !== '') {
    const pattern = likePattern(filter.search)
    query = query.where((eb) =>
      eb.or(SEARCHED_COLUMNS.map((column) => sql<boolean>`${sql.ref(column)} LIKE ${pattern} ESCAPE '\\'`)),
    )
  }
  return query.execute()
}
