import { sql, type Kysely, type Selectable, type Transaction } from 'kysely'
import type { DB } from '../db/schema'
import type { BenchmarksTable, SkusTable } from './skus.table'

export type SkuRow = Selectable<SkusTable>
export type BenchmarkRow = Selectable<BenchmarksTable>
export type SkuListRow = SkuRow & { benchmark_count: number; quote_count: number }

export async function findLiveSku(db: Kysely<DB> | Transaction<DB>, id: string): Promise<SkuRow | undefined> {
  return db
    .selectFrom('skus')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
}

export async function listLiveSkus(
  db: Kysely<DB>,
  filter: { category: string; search: string },
): Promise<SkuListRow[]> {
  let query = db
    .selectFrom('skus')
    .selectAll('skus')
    .select((eb) => [
      eb
        .selectFrom('benchmarks')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('benchmarks.sku_id', '=', 'skus.id')
        .where('benchmarks.deleted_at', 'is', null)
        .as('benchmark_count'),
      // Threads, not rounds: a negotiated quote counts once.
      eb
        .selectFrom('quotes')
        .select(sql<number>`count(DISTINCT quotes.thread_id)`.as('n'))
        .whereRef('quotes.sku_id', '=', 'skus.id')
        .where('quotes.deleted_at', 'is', null)
        .as('quote_count'),
    ])
    .where('skus.deleted_at', 'is', null)
  if (filter.category !== '') query = query.where('skus.category', '=', filter.category)
  if (filter.search !== '') {
    const pattern = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    query = query.where(
      sql<boolean>`(skus.name LIKE ${pattern} ESCAPE '\\' OR skus.category LIKE ${pattern} ESCAPE '\\')`,
    )
  }
  return (await query.orderBy('skus.category').orderBy('skus.name').execute()) as SkuListRow[]
}

export async function findLiveBenchmark(db: Kysely<DB>, id: string): Promise<BenchmarkRow | undefined> {
  return db
    .selectFrom('benchmarks')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
}

/** Live observations of an SKU, newest first. */
export async function listLiveBenchmarks(db: Kysely<DB>, skuId: string): Promise<BenchmarkRow[]> {
  return db
    .selectFrom('benchmarks')
    .selectAll()
    .where('sku_id', '=', skuId)
    .where('deleted_at', 'is', null)
    .orderBy('observed_at', 'desc')
    .orderBy('id', 'desc')
    .execute()
}
