import { overrideFromReason } from '../categories/categories.contract'
import { packUnits, type PackSpec } from '../domain/pricing'
import type { Benchmark, BenchmarkValues, Sku, SkuValues } from './skus.contract'
import type { BenchmarkRow, SkuRow } from './skus.repository'

/**
 * SKU briefs and benchmarks between their contract values and their table columns, in one place: the
 * laptop's service and HQ (which writes these tables as messages) map them alike.
 */

export function skuColumns(values: SkuValues): Record<string, unknown> {
  return {
    category: values.category,
    name: values.name,
    comparable_unit: values.comparableUnit,
    retail_pack_spec: JSON.stringify(values.retailPackSpec),
    planned_order_packs: values.plannedOrderPacks,
    target_ratio: values.targetRatio,
    target_margin: values.targetMargin,
    benchmark_channel: values.benchmarkChannel,
    notes: values.notes,
  }
}

export function toSku(row: SkuRow): Sku {
  const retailPackSpec = JSON.parse(row.retail_pack_spec) as PackSpec
  return {
    id: row.id,
    category: row.category,
    name: row.name,
    comparableUnit: row.comparable_unit,
    retailPackSpec: [...retailPackSpec],
    retailPackUnits: packUnits(retailPackSpec),
    plannedOrderPacks: row.planned_order_packs,
    targetRatio: row.target_ratio,
    targetMargin: row.target_margin,
    benchmarkChannel: row.benchmark_channel,
    notes: row.notes,
    categoryOverride: overrideFromReason(row.category_override_reason),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

export function benchmarkColumns(values: BenchmarkValues): Record<string, unknown> {
  return {
    sku_id: values.skuId,
    brand: values.brand,
    product: values.product,
    channel: values.channel,
    pack_spec: JSON.stringify(values.packSpec),
    shelf_price: values.shelfPrice,
    currency: values.currency,
    observed_at: values.observedAt,
    notes: values.notes,
  }
}

export function toBenchmark(row: BenchmarkRow): Benchmark {
  const packSpec = JSON.parse(row.pack_spec) as PackSpec
  return {
    id: row.id,
    skuId: row.sku_id,
    brand: row.brand,
    product: row.product,
    channel: row.channel,
    packSpec: [...packSpec],
    unitsPerPack: packUnits(packSpec),
    shelfPrice: row.shelf_price,
    currency: row.currency,
    observedAt: row.observed_at,
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}
