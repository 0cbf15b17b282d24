import { z } from 'zod'
import { overrideFromReason } from '../categories/categories.contract'
import {
  CurrencyCode,
  IsoDateText,
  MarginText,
  PackSpecSchema,
  PositiveDecimal,
  RatioText,
} from '../domain/pricing/pricing.schema'
import { packUnits, type PackSpec } from '../domain/pricing'
import { defineSyncedTable, readJson, stored } from '../write/stored-columns'
import {
  UNIT_SCALES,
  type Benchmark,
  type BenchmarkValues,
  type Sku,
  type SkuValues,
  type UnitScale,
} from './skus.contract'
import type { BenchmarkRow, SkuRow } from './skus.repository'

/**
 * SKU briefs and benchmarks between their contract values and their table columns, in one place: the
 * laptop's service and HQ (which writes these tables as messages) map them alike.
 */

// What a pack spec that does not decode reads as: one unit per pack, so prices still divide.
const ONE_UNIT: PackSpec = [{ count: 1, label: '件' }]
const packSpec = () => stored.json(PackSpecSchema, ONE_UNIT)

/** A stored pack spec for a reader (skus, benchmarks, quotes). */
export function readPackSpec(text: string): PackSpec {
  return readJson(text, PackSpecSchema, ONE_UNIT)
}

/** A stored scale as the contract's: a value an older or odd writer left reads as 1 (per single unit). */
export function readUnitScale(value: number): UnitScale {
  return (UNIT_SCALES as readonly number[]).includes(value) ? (value as UnitScale) : 1
}

/** SKU briefs as stored (HQ writes them; laptops only apply them). */
export const skusTable = defineSyncedTable({
  name: 'skus',
  entity: 'SKU',
  rowId: 'uuid',
  columns: z.object({
    category: stored.text(40, { required: true }),
    name: stored.text(100, { required: true }),
    comparable_unit: stored.text(10, { required: true }),
    retail_pack_spec: packSpec(),
    planned_order_packs: stored.int(1, 1_000_000_000_000),
    unit_scale: stored.int(1, 1000, 1),
    target_ratio: stored.checked(RatioText, '1/3'),
    target_margin: stored.checked(MarginText, '0'),
    benchmark_channel: stored.text(40),
    notes: stored.text(5000),
    category_override_reason: stored.text(500),
  }),
})

/** Brand benchmarks as stored (HQ writes them). */
export const benchmarksTable = defineSyncedTable({
  name: 'benchmarks',
  entity: 'benchmark',
  rowId: 'uuid',
  columns: z.object({
    sku_id: stored.reference(),
    brand: stored.text(40, { required: true }),
    product: stored.text(100),
    channel: stored.text(40, { required: true }),
    pack_spec: packSpec(),
    shelf_price: stored.checked(PositiveDecimal, '1'),
    currency: stored.checked(CurrencyCode, 'CNY'),
    observed_at: stored.checked(IsoDateText, '1970-01-01'),
    notes: stored.text(1000),
  }),
})

export function skuColumns(values: SkuValues): Record<string, unknown> {
  return {
    category: values.category,
    name: values.name,
    comparable_unit: values.comparableUnit,
    retail_pack_spec: JSON.stringify(values.retailPackSpec),
    planned_order_packs: values.plannedOrderPacks,
    unit_scale: values.unitScale,
    target_ratio: values.targetRatio,
    target_margin: values.targetMargin,
    benchmark_channel: values.benchmarkChannel,
    notes: values.notes,
  }
}

export function toSku(row: SkuRow): Sku {
  const retailPackSpec = readPackSpec(row.retail_pack_spec)
  return {
    id: row.id,
    category: row.category,
    name: row.name,
    comparableUnit: row.comparable_unit,
    retailPackSpec: [...retailPackSpec],
    retailPackUnits: packUnits(retailPackSpec),
    plannedOrderPacks: row.planned_order_packs,
    unitScale: readUnitScale(row.unit_scale),
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
  const packSpec = readPackSpec(row.pack_spec)
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
