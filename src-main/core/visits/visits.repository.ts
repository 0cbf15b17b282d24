import type { Kysely, Selectable, Transaction } from 'kysely'
import type { DB } from '../db/schema'
import type { VisitFollowUpsTable, VisitsTable } from './visits.table'

export type VisitRow = Selectable<VisitsTable>
export type FollowUpRow = Selectable<VisitFollowUpsTable>
/** A follow-up with its visit's factory and date. */
export type FollowUpItemRow = FollowUpRow & {
  factory_id: string
  factory_name: string | null
  factory_deleted_at: string | null
  visit_date: string
}

type Reader = Kysely<DB> | Transaction<DB>

export async function findLiveVisit(db: Reader, id: string): Promise<VisitRow | undefined> {
  return db
    .selectFrom('visits')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
}

/** Live visits, newest first (ties by id), of one factory and/or one tour. */
export async function listLiveVisits(
  db: Reader,
  filter: { factoryId?: string; tourId?: string },
): Promise<VisitRow[]> {
  let query = db.selectFrom('visits').selectAll().where('deleted_at', 'is', null)
  if (filter.factoryId) query = query.where('factory_id', '=', filter.factoryId)
  if (filter.tourId) query = query.where('tour_id', '=', filter.tourId)
  return query.orderBy('visit_date', 'desc').orderBy('id', 'desc').execute()
}

/** Earliest and latest date of the live visits recorded in a tour (null when there are none). */
export async function tourVisitDateRange(
  trx: Reader,
  tourId: string,
): Promise<{ first: string | null; last: string | null }> {
  const row = await trx
    .selectFrom('visits')
    .select((eb) => [eb.fn.min('visit_date').as('first'), eb.fn.max('visit_date').as('last')])
    .where('tour_id', '=', tourId)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow()
  return { first: (row.first as string | null) ?? null, last: (row.last as string | null) ?? null }
}

/** Names (and cities) of live factories by id. */
export async function factoryLabels(
  db: Reader,
  ids: readonly string[],
): Promise<Map<string, { name: string; city: string }>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .selectFrom('factories')
    .select(['id', 'name', 'city'])
    .where('id', 'in', [...new Set(ids)])
    .where('deleted_at', 'is', null)
    .execute()
  return new Map(rows.map((r) => [r.id, { name: r.name, city: r.city }]))
}

/**
 * Factory names by id, deleted ones included (marked), so a visit or sample of a deleted factory names
 * it, never shows null.
 */
export async function factoryLabelsWithDeleted(
  db: Reader,
  ids: readonly string[],
): Promise<Map<string, { name: string; city: string; deleted: boolean }>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .selectFrom('factories')
    .select(['id', 'name', 'city', 'deleted_at'])
    .where('id', 'in', [...new Set(ids)])
    .execute()
  return new Map(rows.map((r) => [r.id, { name: r.name, city: r.city, deleted: r.deleted_at !== null }]))
}

/** A visit, deleted or not (a sample names the visit it came from). */
export async function findAnyVisit(db: Reader, id: string): Promise<VisitRow | undefined> {
  return db.selectFrom('visits').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findLiveFollowUp(db: Reader, id: string): Promise<FollowUpRow | undefined> {
  return db
    .selectFrom('visit_follow_ups')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
}

/** Live follow-ups of the given visits, in recording order. */
export async function listFollowUpsOfVisits(db: Reader, visitIds: readonly string[]): Promise<FollowUpRow[]> {
  if (visitIds.length === 0) return []
  return db
    .selectFrom('visit_follow_ups')
    .selectAll()
    .where('visit_id', 'in', [...new Set(visitIds)])
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute()
}

/** Live follow-ups of live visits, with factory and visit date, filtered by factory, visit and done flag. */
export async function listFollowUpItems(
  db: Reader,
  filter: { factoryId?: string; visitId?: string; done?: boolean },
): Promise<FollowUpItemRow[]> {
  let query = db
    .selectFrom('visit_follow_ups as f')
    .innerJoin('visits as v', 'v.id', 'f.visit_id')
    .leftJoin('factories as fa', 'fa.id', 'v.factory_id')
    .selectAll('f')
    .select([
      'v.factory_id',
      'v.visit_date',
      'fa.name as factory_name',
      'fa.deleted_at as factory_deleted_at',
    ])
    .where('f.deleted_at', 'is', null)
    .where('v.deleted_at', 'is', null)
  if (filter.factoryId) query = query.where('v.factory_id', '=', filter.factoryId)
  if (filter.visitId) query = query.where('f.visit_id', '=', filter.visitId)
  if (filter.done !== undefined) query = query.where('f.done', '=', filter.done ? 1 : 0)
  return query.orderBy('f.id').execute()
}

// Keeps the IN lists under SQLite's bound-parameter limit.
const CHUNK = 500

/** Live visits of the given factories, each factory's newest first (ties by id, newest recorded first). */
export async function listLiveVisitsOfFactories(
  db: Reader,
  factoryIds: readonly string[],
): Promise<VisitRow[]> {
  const rows: VisitRow[] = []
  const ids = [...new Set(factoryIds)]
  for (let i = 0; i < ids.length; i += CHUNK) {
    rows.push(
      ...(await db
        .selectFrom('visits')
        .selectAll()
        .where('factory_id', 'in', ids.slice(i, i + CHUNK))
        .where('deleted_at', 'is', null)
        .orderBy('factory_id')
        .orderBy('visit_date', 'desc')
        .orderBy('id', 'desc')
        .execute()),
    )
  }
  return rows
}

/** Open follow-ups of live visits, counted per factory. */
export async function countOpenFollowUpsOfFactories(
  db: Reader,
  factoryIds: readonly string[],
): Promise<Map<string, number>> {
  const counts = new Map<string, number>()
  const ids = [...new Set(factoryIds)]
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db
      .selectFrom('visit_follow_ups as f')
      .innerJoin('visits as v', 'v.id', 'f.visit_id')
      .select((eb) => ['v.factory_id', eb.fn.countAll<number>().as('open')])
      .where('v.factory_id', 'in', ids.slice(i, i + CHUNK))
      .where('v.deleted_at', 'is', null)
      .where('f.deleted_at', 'is', null)
      .where('f.done', '=', 0)
      .groupBy('v.factory_id')
      .execute()
    for (const row of rows) counts.set(row.factory_id, Number(row.open))
  }
  return counts
}
