import type { Kysely, Selectable, Transaction } from 'kysely'
import type { DB } from '../db/schema'
import type { CategoriesTable } from './categories.table'

export type CategoryRow = Selectable<CategoriesTable>

export async function findLiveCategory(db: Kysely<DB>, id: string): Promise<CategoryRow | undefined> {
  return db
    .selectFrom('categories')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
}

/**
 * Live categories of this name. Usually one; after two devices added the same name offline there may be
 * two, and the policy then takes the strictest.
 */
export async function findLiveCategoriesByName(
  db: Kysely<DB> | Transaction<DB>,
  name: string,
): Promise<CategoryRow[]> {
  return db
    .selectFrom('categories')
    .selectAll()
    .where('name', '=', name)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute()
}

export async function listLiveCategories(db: Kysely<DB>): Promise<CategoryRow[]> {
  return db.selectFrom('categories').selectAll().where('deleted_at', 'is', null).execute()
}
