import type { Kysely, Selectable, Transaction } from 'kysely'
import type { DB } from '../db/schema'
import type { DemandSignalsTable } from './demand.table'

export type DemandSignalRow = Selectable<DemandSignalsTable>

export async function findLiveDemandSignal(db: Kysely<DB>, id: string): Promise<DemandSignalRow | undefined> {
  return db
    .selectFrom('demand_signals')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
}

/** Live signals of an SKU, newest month first. */
export async function listLiveDemandSignals(db: Kysely<DB>, skuId: string): Promise<DemandSignalRow[]> {
  return db
    .selectFrom('demand_signals')
    .selectAll()
    .where('sku_id', '=', skuId)
    .where('deleted_at', 'is', null)
    .orderBy('month', 'desc')
    .orderBy('channel')
    .orderBy('id')
    .execute()
}

/** Ids of live signals of an SKU for one month and channel. */
export async function findLiveSignalIdsFor(
  trx: Transaction<DB>,
  skuId: string,
  month: string,
  channel: string,
): Promise<string[]> {
  const rows = await trx
    .selectFrom('demand_signals')
    .select('id')
    .where('sku_id', '=', skuId)
    .where('month', '=', month)
    .where('channel', '=', channel)
    .where('deleted_at', 'is', null)
    .execute()
  return rows.map((r) => r.id)
}
