import type { CoreContext } from '../api/context'
import { notFound } from '../api/errors'
import { checkCategoryPolicy } from '../categories/categories.service'
import { packUnits } from '../domain/pricing'
import { requireRate } from '../rates/rates.service'
import { inTransaction, insertRow, requireLiveReference, tombstoneRow, updateRow } from '../write/write-path'
import type { Benchmark, BenchmarkValues, Sku, SkuSummary, SkuValues } from './skus.contract'
import { benchmarkColumns, readPackSpec, skuColumns, toBenchmark, toSku } from './skus.columns'
import {
  findLiveBenchmark,
  findLiveSku,
  listLiveBenchmarks,
  listLiveSkus,
  type SkuListRow,
} from './skus.repository'
import { benchmarksTable, skusTable } from './skus.columns'

function toSkuSummary(row: SkuListRow): SkuSummary {
  return {
    id: row.id,
    category: row.category,
    name: row.name,
    comparableUnit: row.comparable_unit,
    retailPackUnits: packUnits(readPackSpec(row.retail_pack_spec)),
    plannedOrderPacks: row.planned_order_packs,
    targetRatio: row.target_ratio,
    benchmarkCount: Number(row.benchmark_count),
    quoteCount: Number(row.quote_count),
    updatedAt: row.updated_at,
  }
}

export async function listSkus(
  ctx: CoreContext,
  filter: { category: string; search: string },
): Promise<SkuSummary[]> {
  return (await listLiveSkus(ctx.db, filter)).map(toSkuSummary)
}

export async function getSku(ctx: CoreContext, id: string): Promise<Sku> {
  const row = await findLiveSku(ctx.db, id)
  if (!row) throw notFound('SKU', id)
  return toSku(row)
}

export async function createSku(ctx: CoreContext, values: SkuValues): Promise<Sku> {
  const id = await inTransaction(ctx.db, async (trx) => {
    const reason = await checkCategoryPolicy(trx, values.category, values.categoryOverride, null, [
      'category',
    ])
    return insertRow(trx, ctx.write, skusTable, { ...skuColumns(values), category_override_reason: reason })
  })
  return getSku(ctx, id)
}

export async function updateSku(ctx: CoreContext, id: string, values: SkuValues): Promise<Sku> {
  await inTransaction(ctx.db, async (trx) => {
    const current = await findLiveSku(trx, id)
    if (!current) throw notFound('SKU', id)
    const previous = { category: current.category, reason: current.category_override_reason }
    const path = ['values', 'category']
    const reason = await checkCategoryPolicy(trx, values.category, values.categoryOverride, previous, path)
    await updateRow(trx, ctx.write, skusTable, id, {
      ...skuColumns(values),
      category_override_reason: reason,
    })
  })
  return getSku(ctx, id)
}

export async function deleteSku(ctx: CoreContext, id: string): Promise<void> {
  await inTransaction(ctx.db, (trx) => tombstoneRow(trx, ctx.write, skusTable, id))
}

export async function listBenchmarks(ctx: CoreContext, skuId: string): Promise<Benchmark[]> {
  return (await listLiveBenchmarks(ctx.db, skuId)).map(toBenchmark)
}

export async function getBenchmark(ctx: CoreContext, id: string): Promise<Benchmark> {
  const row = await findLiveBenchmark(ctx.db, id)
  if (!row) throw notFound('benchmark', id)
  return toBenchmark(row)
}

export async function createBenchmark(ctx: CoreContext, values: BenchmarkValues): Promise<Benchmark> {
  const id = await inTransaction(ctx.db, async (trx) => {
    await requireLiveReference(trx, 'skus', values.skuId, ['skuId'])
    await requireRate(trx, values.currency, ['currency'])
    return insertRow(trx, ctx.write, benchmarksTable, benchmarkColumns(values))
  })
  return getBenchmark(ctx, id)
}

export async function updateBenchmark(
  ctx: CoreContext,
  id: string,
  values: BenchmarkValues,
): Promise<Benchmark> {
  await inTransaction(ctx.db, async (trx) => {
    await requireLiveReference(trx, 'skus', values.skuId, ['values', 'skuId'])
    await requireRate(trx, values.currency, ['values', 'currency'])
    await updateRow(trx, ctx.write, benchmarksTable, id, benchmarkColumns(values))
  })
  return getBenchmark(ctx, id)
}

export async function deleteBenchmark(ctx: CoreContext, id: string): Promise<void> {
  await inTransaction(ctx.db, (trx) => tombstoneRow(trx, ctx.write, benchmarksTable, id))
}
