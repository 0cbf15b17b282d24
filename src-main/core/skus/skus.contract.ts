import { z } from 'zod'
import { defineCalls } from '../api/define'
import { CategoryOverride } from '../categories/categories.contract'
import {
  CurrencyCode,
  DecimalText,
  DEFAULT_TARGET_RATIO,
  IsoDateText,
  MarginText,
  PackCount,
  PackSpecSchema,
  PositiveDecimal,
  RatioText,
} from '../domain/pricing/pricing.schema'

/**
 * SKU briefs (what to develop, benchmarked against which brand, at what target) and the brand
 * benchmarks observed per channel. Shared with the renderer's forms; messages are i18n keys.
 */

const text = (max: number) => z.string().trim().max(max, 'errors.tooLong')
export const RecordId = z.uuid('errors.id.invalid')

/** How many comparable units a shown unit price is for: ¥0.49/100抽 reads better than ¥0.004928/抽. */
export const UNIT_SCALES = [1, 10, 100, 1000] as const
export type UnitScale = (typeof UNIT_SCALES)[number]
export const UnitScaleSchema = z
  .number('errors.invalidType')
  .refine((v): v is UnitScale => (UNIT_SCALES as readonly number[]).includes(v), 'errors.unitScale.invalid')

export const SkuInput = z.object({
  category: text(40).min(1, 'errors.required'),
  name: text(100).min(1, 'errors.required'),
  /** The comparable unit: 抽, ml, g, 片, 卷 … */
  comparableUnit: text(10).min(1, 'errors.required'),
  /** One retail pack, e.g. 24 包 × 100 抽. */
  retailPackSpec: PackSpecSchema,
  /** Planned order quantity in retail packs. */
  plannedOrderPacks: PackCount,
  /** Per-unit prices are shown per this many comparable units (1 = per 抽, 100 = per 100 抽). */
  unitScale: UnitScaleSchema.default(1),
  targetRatio: RatioText.default(DEFAULT_TARGET_RATIO),
  targetMargin: MarginText,
  /** Channel the target is set against; '' = the cheapest current channel. */
  benchmarkChannel: text(40).default(''),
  notes: text(5000).default(''),
  /** Needed to save a brief in an excluded category; recorded on the brief. */
  categoryOverride: CategoryOverride.nullable().default(null),
})
export type SkuInput = z.input<typeof SkuInput>
export type SkuValues = z.output<typeof SkuInput>

export const Sku = SkuInput.extend({
  id: z.string(),
  /** Comparable units per retail pack, derived from the pack spec. */
  retailPackUnits: DecimalText,
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Sku = z.output<typeof Sku>

export const SkuSummary = z.object({
  id: z.string(),
  category: z.string(),
  name: z.string(),
  comparableUnit: z.string(),
  retailPackUnits: z.string(),
  plannedOrderPacks: z.number().int(),
  targetRatio: z.string(),
  benchmarkCount: z.number().int(),
  quoteCount: z.number().int(),
  updatedAt: z.string(),
})
export type SkuSummary = z.infer<typeof SkuSummary>

export const BenchmarkInput = z.object({
  skuId: RecordId,
  brand: text(40).min(1, 'errors.required'),
  product: text(100).default(''),
  channel: text(40).min(1, 'errors.required'),
  /** The brand's pack, e.g. 24 包 × 130 抽. */
  packSpec: PackSpecSchema,
  /** Shelf price of one pack (a consumer price, VAT included). */
  shelfPrice: PositiveDecimal,
  currency: CurrencyCode.default('CNY'),
  observedAt: IsoDateText,
  notes: text(1000).default(''),
})
export type BenchmarkInput = z.input<typeof BenchmarkInput>
export type BenchmarkValues = z.output<typeof BenchmarkInput>

export const Benchmark = BenchmarkInput.extend({
  id: z.string(),
  /** Comparable units per pack, derived from the pack spec. */
  unitsPerPack: DecimalText,
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Benchmark = z.output<typeof Benchmark>

const byId = z.object({ id: RecordId }).strict()

export const skuCalls = defineCalls({
  'skus.list': {
    summary:
      'Lists live SKU briefs, optionally by category or a name substring, with benchmark and quote counts.',
    input: z.object({ category: text(40).default(''), search: text(100).default('') }).strict(),
    output: z.array(SkuSummary),
  },
  'skus.get': { summary: 'Returns one SKU brief.', input: byId, output: Sku },
  'skus.create': { summary: 'Creates an SKU brief.', input: SkuInput.strict(), output: Sku },
  'skus.update': {
    summary: 'Replaces the fields of an SKU brief; only changed fields are written and synced.',
    input: z.object({ id: RecordId, values: SkuInput.strict() }).strict(),
    output: Sku,
  },
  'skus.delete': {
    summary: 'Deletes an SKU brief (a tombstone).',
    input: byId,
    output: z.object({ id: z.string() }),
  },
  'benchmarks.list': {
    summary: 'Lists the brand observations of an SKU, newest first (the history per channel).',
    input: z.object({ skuId: RecordId }).strict(),
    output: z.array(Benchmark),
  },
  'benchmarks.create': {
    summary: 'Records a brand shelf price seen on a channel; its currency needs a rate in Settings.',
    input: BenchmarkInput.strict(),
    output: Benchmark,
  },
  'benchmarks.update': {
    summary: 'Corrects a brand observation.',
    input: z.object({ id: RecordId, values: BenchmarkInput.strict() }).strict(),
    output: Benchmark,
  },
  'benchmarks.delete': {
    summary: 'Deletes a brand observation (a tombstone).',
    input: byId,
    output: z.object({ id: z.string() }),
  },
})
