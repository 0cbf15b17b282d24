import { sql, type Kysely } from 'kysely'
import type { DB } from '../db/schema'
import type { FollowUpItemRow } from '../visits/visits.repository'

/**
 * Today's queries. Each reads one index range (migration 0017) and stops at `limit` rows; its count
 * reads the same range, so Today stays fast however much history the laptop holds.
 */

type Range = { from?: string; to: string; limit: number }

function openFollowUps(db: Kysely<DB>, range: Omit<Range, 'limit'>) {
  let query = db
    .selectFrom('visit_follow_ups as f')
    .innerJoin('visits as v', 'v.id', 'f.visit_id')
    .where('f.deleted_at', 'is', null)
    .where('f.done', '=', 0)
    .where('v.deleted_at', 'is', null)
    .where('f.due_date', '<=', range.to)
  if (range.from !== undefined) query = query.where('f.due_date', '>=', range.from)
  else query = query.where('f.due_date', 'is not', null)
  return query
}

/** Open follow-ups of live visits due in [from, to] (from left out: any due date up to `to`). */
export async function listOpenFollowUpsDue(
  db: Kysely<DB>,
  range: Range,
): Promise<{ total: number; rows: FollowUpItemRow[] }> {
  const [rows, count] = await Promise.all([
    openFollowUps(db, range)
      .leftJoin('factories as fa', 'fa.id', 'v.factory_id')
      .selectAll('f')
      .select([
        'v.factory_id',
        'v.visit_date',
        'fa.name as factory_name',
        'fa.deleted_at as factory_deleted_at',
      ])
      .orderBy('f.due_date')
      .orderBy('f.id')
      .limit(range.limit)
      .execute(),
    openFollowUps(db, range)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return { total: Number(count.n), rows }
}

export interface AwaitingSampleRow {
  id: string
  code: string
  name: string
  factory_id: string
  factory_name: string | null
  status: string
  updated_at: string
}

/** Live samples received or under evaluation, longest waiting first. */
export async function listSamplesAwaitingEvaluation(
  db: Kysely<DB>,
  limit: number,
): Promise<{ total: number; rows: AwaitingSampleRow[] }> {
  const awaiting = () =>
    db
      .selectFrom('samples as s')
      .where('s.deleted_at', 'is', null)
      .where('s.status', 'in', ['received', 'evaluating'])
  const [rows, count] = await Promise.all([
    awaiting()
      .leftJoin('factories as f', 'f.id', 's.factory_id')
      .select([
        's.id',
        's.code',
        's.name',
        's.factory_id',
        'f.name as factory_name',
        's.status',
        's.updated_at',
      ])
      .orderBy('s.updated_at')
      .orderBy('s.id')
      .limit(limit)
      .execute(),
    awaiting()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return { total: Number(count.n), rows }
}

export interface ExpiringQuoteRow {
  id: string
  thread_id: string
  round: number
  sku_id: string
  sku_name: string | null
  factory_id: string
  factory_name: string | null
  valid_until: string
}

/** Latest live rounds of their threads whose validity ends in [from, to], soonest first. */
export async function listQuotesExpiring(
  db: Kysely<DB>,
  range: Required<Range>,
): Promise<{ total: number; rows: ExpiringQuoteRow[] }> {
  const expiring = () =>
    db
      .selectFrom('quotes as q')
      .where('q.deleted_at', 'is', null)
      .where('q.valid_until', '>=', range.from)
      .where('q.valid_until', '<=', range.to)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('quotes as later')
              .select('later.id')
              .whereRef('later.thread_id', '=', 'q.thread_id')
              .whereRef('later.round', '>', 'q.round')
              .where('later.deleted_at', 'is', null),
          ),
        ),
      )
  const [rows, count] = await Promise.all([
    expiring()
      .leftJoin('factories as f', 'f.id', 'q.factory_id')
      .leftJoin('skus as k', 'k.id', 'q.sku_id')
      .select([
        'q.id',
        'q.thread_id',
        'q.round',
        'q.sku_id',
        'k.name as sku_name',
        'q.factory_id',
        'f.name as factory_name',
        sql<string>`q.valid_until`.as('valid_until'),
      ])
      .orderBy('q.valid_until')
      .orderBy('q.id')
      .limit(range.limit)
      .execute(),
    expiring()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return { total: Number(count.n), rows }
}

export interface StaleBenchmarkRow {
  sku_id: string
  sku_name: string
  observed_at: string
  brand: string
  channel: string
}

/**
 * Live SKUs whose newest live benchmark was observed before `before`, oldest first. The newest per SKU
 * is one step down the (sku_id, observed_at) index.
 */
export async function listStaleBenchmarks(db: Kysely<DB>, before: string): Promise<StaleBenchmarkRow[]> {
  const result = await sql<StaleBenchmarkRow>`
    SELECT k.id AS sku_id, k.name AS sku_name, b.observed_at, b.brand, b.channel
    FROM skus k
    JOIN benchmarks b ON b.id = (
      SELECT n.id FROM benchmarks n WHERE n.sku_id = k.id AND n.deleted_at IS NULL
      ORDER BY n.observed_at DESC, n.id DESC LIMIT 1)
    WHERE k.deleted_at IS NULL AND b.observed_at < ${before}
    ORDER BY b.observed_at, k.id`.execute(db)
  return result.rows
}
