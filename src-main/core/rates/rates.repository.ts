import type { Kysely, Selectable, Transaction } from 'kysely'
import type { DB } from '../db/schema'
import type { CurrencyRatesTable } from './rates.table'

export type RateRow = Selectable<CurrencyRatesTable>

export async function listLiveRates(db: Kysely<DB> | Transaction<DB>): Promise<RateRow[]> {
  return db
    .selectFrom('currency_rates')
    .selectAll()
    .where('deleted_at', 'is', null)
    .orderBy('currency')
    .execute()
}

export async function findLiveRate(
  db: Kysely<DB> | Transaction<DB>,
  currency: string,
): Promise<RateRow | undefined> {
  return db
    .selectFrom('currency_rates')
    .selectAll()
    .where('currency', '=', currency)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
}
