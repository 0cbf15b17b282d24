import { sql, type Kysely, type Selectable, type Transaction } from 'kysely'
import type { DB } from '../db/schema'
import type { SampleStatusHistoryTable, SamplesTable } from './samples.table'

export type SampleRow = Selectable<SamplesTable>
export type StatusChangeRow = Selectable<SampleStatusHistoryTable>
/** A sample with the names the list shows beside it. */
export type SampleListRow = SampleRow & {
  factory_name: string | null
  factory_deleted_at: string | null
  sku_name: string | null
}

type Reader = Kysely<DB> | Transaction<DB>

export async function findLiveSample(db: Reader, id: string): Promise<SampleRow | undefined> {
  return db
    .selectFrom('samples')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
}

export async function findLiveSampleByCode(db: Reader, code: string): Promise<SampleRow | undefined> {
  return db
    .selectFrom('samples')
    .selectAll()
    .where('code', '=', code)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .executeTakeFirst()
}

/**
 * The highest code this device gave out with `codePrefix` (e.g. 'S-2026-K7QX-'), deleted samples
 * included so that a code is never given out twice. Longer codes sort after shorter ones (past 99,999).
 */
export async function lastCodeWithPrefix(
  trx: Transaction<DB>,
  codePrefix: string,
): Promise<string | undefined> {
  const row = await trx
    .selectFrom('samples')
    .select('code')
    .where('code', 'like', `${codePrefix}%`)
    .orderBy(sql`length(code)`, 'desc')
    .orderBy('code', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row?.code
}

/** What a sample list asks for. */
export interface SampleFilter {
  /** Substring of code, name, category or storage location; '' for all. */
  search: string
  /** Statuses to keep; empty keeps all. */
  statuses: string[]
  factoryId?: string
  skuId?: string
  visitId?: string
}

export async function listLiveSamples(db: Reader, filter: SampleFilter): Promise<SampleListRow[]> {
  let query = db
    .selectFrom('samples as s')
    .leftJoin('factories as f', 'f.id', 's.factory_id')
    .leftJoin('skus as k', (join) => join.onRef('k.id', '=', 's.sku_id').on('k.deleted_at', 'is', null))
    .selectAll('s')
    .select(['f.name as factory_name', 'f.deleted_at as factory_deleted_at', 'k.name as sku_name'])
    .where('s.deleted_at', 'is', null)
  if (filter.statuses.length > 0) query = query.where('s.status', 'in', filter.statuses)
  if (filter.factoryId) query = query.where('s.factory_id', '=', filter.factoryId)
  if (filter.skuId) query = query.where('s.sku_id', '=', filter.skuId)
  if (filter.visitId) query = query.where('s.visit_id', '=', filter.visitId)
  if (filter.search !== '') {
    const pattern = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    query = query.where(
      sql<boolean>`(s.code LIKE ${pattern} ESCAPE '\\' OR s.name LIKE ${pattern} ESCAPE '\\'
        OR s.category LIKE ${pattern} ESCAPE '\\' OR s.storage_location LIKE ${pattern} ESCAPE '\\')`,
    )
  }
  return query.orderBy('s.created_at', 'desc').orderBy('s.id', 'desc').execute()
}

/** A sample's transitions, oldest first. */
export async function listStatusHistory(db: Reader, sampleId: string): Promise<StatusChangeRow[]> {
  return db
    .selectFrom('sample_status_history')
    .selectAll()
    .where('sample_id', '=', sampleId)
    .where('deleted_at', 'is', null)
    .orderBy('changed_at')
    .orderBy('id')
    .execute()
}

/** Name of a live SKU brief and its category. */
export async function findSkuLabel(
  db: Reader,
  id: string,
): Promise<{ name: string; category: string } | undefined> {
  return db
    .selectFrom('skus')
    .select(['name', 'category'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
}
