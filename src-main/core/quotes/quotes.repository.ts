import { sql, type Kysely, type Selectable, type Transaction } from 'kysely'
import type { DB } from '../db/schema'
import type { QuotesTable } from './quotes.table'

export type QuoteRow = Selectable<QuotesTable> & {
  factory_name: string
  sku_name: string
  sample_code: string
  sample_name: string
}

/** Quotes with the names a reader shows beside them; a deleted sample reads as none. */
function withFactoryName(db: Kysely<DB> | Transaction<DB>) {
  return db
    .selectFrom('quotes')
    .leftJoin('factories', 'factories.id', 'quotes.factory_id')
    .leftJoin('skus', 'skus.id', 'quotes.sku_id')
    .leftJoin('samples', (join) =>
      join.onRef('samples.id', '=', 'quotes.linked_sample_id').on('samples.deleted_at', 'is', null),
    )
    .selectAll('quotes')
    .select((eb) => [
      eb.fn.coalesce('factories.name', sql<string>`''`).as('factory_name'),
      eb.fn.coalesce('skus.name', sql<string>`''`).as('sku_name'),
      eb.fn.coalesce('samples.code', sql<string>`''`).as('sample_code'),
      eb.fn.coalesce('samples.name', sql<string>`''`).as('sample_name'),
    ])
}

export async function findLiveQuote(
  db: Kysely<DB> | Transaction<DB>,
  id: string,
): Promise<QuoteRow | undefined> {
  return withFactoryName(db)
    .where('quotes.id', '=', id)
    .where('quotes.deleted_at', 'is', null)
    .executeTakeFirst()
}

/** The latest live round of each live thread, for an SKU and/or a factory, oldest thread first. */
export async function listLatestRounds(
  db: Kysely<DB>,
  filter: { skuId?: string; factoryId?: string; sampleId?: string },
): Promise<QuoteRow[]> {
  let query = withFactoryName(db)
    .where('quotes.deleted_at', 'is', null)
    .where(({ eb, selectFrom }) =>
      eb(
        'quotes.round',
        '=',
        selectFrom('quotes as later')
          .select((e) => e.fn.max('later.round').as('round'))
          .whereRef('later.thread_id', '=', 'quotes.thread_id')
          .where('later.deleted_at', 'is', null),
      ),
    )
  if (filter.skuId) query = query.where('quotes.sku_id', '=', filter.skuId)
  if (filter.factoryId) query = query.where('quotes.factory_id', '=', filter.factoryId)
  if (filter.sampleId) query = query.where('quotes.linked_sample_id', '=', filter.sampleId)
  return query.orderBy('quotes.thread_id').execute()
}

/** Every live round of a thread, oldest first. */
export async function listThreadRounds(db: Kysely<DB>, threadId: string): Promise<QuoteRow[]> {
  return withFactoryName(db)
    .where('quotes.thread_id', '=', threadId)
    .where('quotes.deleted_at', 'is', null)
    .orderBy('quotes.round')
    .execute()
}

/** Every live round of every thread of an SKU (for the target's history). */
export async function listAllRoundsForSku(db: Kysely<DB>, skuId: string): Promise<QuoteRow[]> {
  return withFactoryName(db)
    .where('quotes.sku_id', '=', skuId)
    .where('quotes.deleted_at', 'is', null)
    .orderBy('quotes.quote_date')
    .orderBy('quotes.round')
    .execute()
}

/** The highest round number a thread has used, tombstoned rounds included (numbers are never reused). */
export async function maxRound(trx: Transaction<DB>, threadId: string): Promise<number> {
  const row = await trx
    .selectFrom('quotes')
    .select((eb) => eb.fn.max('round').as('round'))
    .where('thread_id', '=', threadId)
    .executeTakeFirst()
  return Number(row?.round ?? 0)
}
