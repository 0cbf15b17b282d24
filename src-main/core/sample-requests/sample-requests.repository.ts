import { sql, type Kysely, type Selectable, type Transaction } from 'kysely'
import type { DB } from '../db/schema'
import type { SampleRequestStatus } from '../domain/sample-request'
import type { SampleRequestsTable } from './sample-requests.table'

export type SampleRequestRow = Selectable<SampleRequestsTable>
/** A request with the names shown beside it. */
export type SampleRequestListRow = SampleRequestRow & {
  factory_name: string | null
  factory_deleted_at: string | null
  sku_name: string | null
  visit_date: string | null
  sample_code: string | null
}

type Reader = Kysely<DB> | Transaction<DB>

export async function findLiveRequest(db: Reader, id: string): Promise<SampleRequestRow | undefined> {
  return db
    .selectFrom('sample_requests')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
}

function withLabels(db: Reader) {
  return db
    .selectFrom('sample_requests as r')
    .leftJoin('factories as f', 'f.id', 'r.factory_id')
    .leftJoin('skus as k', (join) => join.onRef('k.id', '=', 'r.sku_id').on('k.deleted_at', 'is', null))
    .leftJoin('visits as v', 'v.id', 'r.visit_id')
    .leftJoin('samples as s', (join) => join.onRef('s.id', '=', 'r.sample_id').on('s.deleted_at', 'is', null))
    .selectAll('r')
    .select([
      'f.name as factory_name',
      'f.deleted_at as factory_deleted_at',
      'k.name as sku_name',
      'v.visit_date',
      's.code as sample_code',
    ])
    .where('r.deleted_at', 'is', null)
}

export async function findRequestWithLabels(
  db: Reader,
  id: string,
): Promise<SampleRequestListRow | undefined> {
  return withLabels(db).where('r.id', '=', id).executeTakeFirst()
}

/** What a request list asks for. */
export interface SampleRequestFilter {
  statuses: SampleRequestStatus[]
  factoryId?: string
}

const STATUS_CONDITION: Record<SampleRequestStatus, ReturnType<typeof sql<boolean>>> = {
  requested: sql<boolean>`(r.shipped_on IS NULL AND r.received_on IS NULL)`,
  shipped: sql<boolean>`(r.shipped_on IS NOT NULL AND r.received_on IS NULL)`,
  received: sql<boolean>`(r.received_on IS NOT NULL)`,
}

/** Live requests with their labels, by promised ship date (the service puts late ones first). */
export async function listLiveRequests(
  db: Reader,
  filter: SampleRequestFilter,
): Promise<SampleRequestListRow[]> {
  let query = withLabels(db)
  if (filter.factoryId) query = query.where('r.factory_id', '=', filter.factoryId)
  if (filter.statuses.length > 0) {
    const conditions = filter.statuses.map((s) => STATUS_CONDITION[s])
    query = query.where(sql<boolean>`(${sql.join(conditions, sql` OR `)})`)
  }
  return query.orderBy('r.promised_ship_date').orderBy('r.id').execute()
}

/**
 * Open requests that may be late on `today`: not shipped with the promised date before today, or
 * shipped on or before `shippedBy`. Served by the open-requests index (promised date, not received).
 */
export async function listLateCandidates(
  db: Reader,
  today: string,
  shippedBy: string,
): Promise<SampleRequestListRow[]> {
  return withLabels(db)
    .where('r.received_on', 'is', null)
    .where((eb) =>
      eb.or([
        eb.and([eb('r.shipped_on', 'is', null), eb('r.promised_ship_date', '<', today)]),
        eb('r.shipped_on', '<=', shippedBy),
      ]),
    )
    .orderBy('r.promised_ship_date')
    .orderBy('r.id')
    .execute()
}
