import type { Transaction } from 'kysely'
import type { CoreContext } from '../api/context'
import { AppError, notFound } from '../api/errors'
import type { DB } from '../db/schema'
import { inTransaction, insertRow, requireLiveReference, tombstoneRow, updateRow } from '../write/write-path'
import { demandSignalColumns, toDemandSignal } from './demand.columns'
import type { DemandSignal, DemandSignalValues } from './demand.contract'
import { findLiveDemandSignal, findLiveSignalIdsFor, listLiveDemandSignals } from './demand.repository'
import { demandSignalsTable } from './demand.columns'

export async function listDemandSignals(ctx: CoreContext, skuId: string): Promise<DemandSignal[]> {
  return (await listLiveDemandSignals(ctx.db, skuId)).map(toDemandSignal)
}

export async function getDemandSignal(ctx: CoreContext, id: string): Promise<DemandSignal> {
  const row = await findLiveDemandSignal(ctx.db, id)
  if (!row) throw notFound('demand signal', id)
  return toDemandSignal(row)
}

/** One signal per SKU, month and channel: a second one would make the monthly figure ambiguous. */
async function refuseDuplicate(
  trx: Transaction<DB>,
  values: DemandSignalValues,
  ownId: string | null,
  path: (string | number)[],
): Promise<void> {
  const others = (await findLiveSignalIdsFor(trx, values.skuId, values.month, values.channel)).filter(
    (id) => id !== ownId,
  )
  if (others.length > 0) {
    throw new AppError(
      'conflict',
      'errors.demand.duplicate',
      `a demand signal for ${values.channel} in ${values.month} already exists`,
      [
        {
          path,
          messageKey: 'errors.demand.duplicate',
          params: { channel: values.channel, month: values.month },
        },
      ],
    )
  }
}

export async function createDemandSignal(
  ctx: CoreContext,
  values: DemandSignalValues,
): Promise<DemandSignal> {
  const id = await inTransaction(ctx.db, async (trx) => {
    await requireLiveReference(trx, 'skus', values.skuId, ['skuId'])
    await refuseDuplicate(trx, values, null, ['month'])
    return insertRow(trx, ctx.write, demandSignalsTable, demandSignalColumns(values))
  })
  return getDemandSignal(ctx, id)
}

export async function updateDemandSignal(
  ctx: CoreContext,
  id: string,
  values: DemandSignalValues,
): Promise<DemandSignal> {
  await inTransaction(ctx.db, async (trx) => {
    await requireLiveReference(trx, 'skus', values.skuId, ['values', 'skuId'])
    await refuseDuplicate(trx, values, id, ['values', 'month'])
    await updateRow(trx, ctx.write, demandSignalsTable, id, demandSignalColumns(values))
  })
  return getDemandSignal(ctx, id)
}

export async function deleteDemandSignal(ctx: CoreContext, id: string): Promise<void> {
  await inTransaction(ctx.db, (trx) => tombstoneRow(trx, ctx.write, demandSignalsTable, id))
}
