import type { Kysely, Selectable, Transaction } from 'kysely'
import type { DB } from '../db/schema'
import type { ToursTable } from './tours.table'

export type TourRow = Selectable<ToursTable>

export async function findLiveTour(
  db: Kysely<DB> | Transaction<DB>,
  id: string,
): Promise<TourRow | undefined> {
  return db
    .selectFrom('tours')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
}

export async function listLiveTours(db: Kysely<DB>): Promise<TourRow[]> {
  return db
    .selectFrom('tours')
    .selectAll()
    .where('deleted_at', 'is', null)
    .orderBy('start_date', 'desc')
    .orderBy('id', 'desc')
    .execute()
}

/** Live tour names by id (for labels on visits). */
export async function tourNames(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .selectFrom('tours')
    .select(['id', 'name'])
    .where('id', 'in', [...new Set(ids)])
    .where('deleted_at', 'is', null)
    .execute()
  return new Map(rows.map((r) => [r.id, r.name]))
}

/** What a tour's plan shows of each planned factory, deleted ones included (marked by deleted_at). */
export type PlannedFactoryRow = {
  id: string
  name: string
  province: string
  city: string
  address: string
  status: string
  deleted_at: string | null
}

export async function findPlannedFactories(
  db: Kysely<DB> | Transaction<DB>,
  ids: readonly string[],
): Promise<Map<string, PlannedFactoryRow>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .selectFrom('factories')
    .select(['id', 'name', 'province', 'city', 'address', 'status', 'deleted_at'])
    .where('id', 'in', [...new Set(ids)])
    .execute()
  return new Map(rows.map((r) => [r.id, r]))
}
