import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'

/** What rows of an import are checked against: read once per validation, not once per row. */

/** Live factories as duplicates are looked up: by credit code, or by name and city. */
export function liveFactoryKeys(
  db: Kysely<DB>,
): Promise<{ id: string; name: string; city: string; credit_code: string }[]> {
  return db
    .selectFrom('factories')
    .select(['id', 'name', 'city', 'credit_code'])
    .where('deleted_at', 'is', null)
    .execute()
}

/** Live factories' ids and names. */
export function liveFactoryNames(db: Kysely<DB>): Promise<{ id: string; name: string }[]> {
  return db.selectFrom('factories').select(['id', 'name']).where('deleted_at', 'is', null).execute()
}

/** Live SKUs' ids, names and categories. */
export function liveSkuNames(db: Kysely<DB>): Promise<{ id: string; name: string; category: string }[]> {
  return db.selectFrom('skus').select(['id', 'name', 'category']).where('deleted_at', 'is', null).execute()
}

/** Names of live categories marked excluded. */
export async function excludedCategoryNames(db: Kysely<DB>): Promise<Set<string>> {
  const rows = await db
    .selectFrom('categories')
    .select('name')
    .where('deleted_at', 'is', null)
    .where('status', '=', 'excluded')
    .execute()
  return new Set(rows.map((r) => r.name.trim()))
}
