/** Row of `skus`: an SKU brief — what to develop, against which brand, at what target. */
export interface SkusTable {
  id: string
  category: string
  name: string
  /** The comparable unit every price is normalized to: 抽, ml, g, 片, 卷 … */
  comparable_unit: string
  /** JSON PackSpec of one retail pack, e.g. [{"count":24,"label":"包"},{"count":100,"label":"抽"}]. */
  retail_pack_spec: string
  /** Planned order quantity, in retail packs. */
  planned_order_packs: number
  /** Per-unit prices are shown per this many comparable units: 1, 10, 100 or 1000. */
  unit_scale: number
  /** '1/3' or a decimal; kept as text so it stays exact. */
  target_ratio: string
  /** Target gross margin as decimal text, e.g. '0.35'. */
  target_margin: string
  /** The channel the target is set against; '' for the cheapest current channel. */
  benchmark_channel: string
  notes: string
  /** Why it was created in an excluded category; '' when no override was needed. */
  category_override_reason: string
  created_at: string
  updated_at: string
  deleted_at: string | null
}

/** Row of `benchmarks`: one shelf price of the brand product, seen on one channel on one day. */
export interface BenchmarksTable {
  id: string
  sku_id: string
  brand: string
  product: string
  channel: string
  /** JSON PackSpec of the brand's pack. */
  pack_spec: string
  /** Decimal text, in `currency`, VAT included. */
  shelf_price: string
  currency: string
  /** 'YYYY-MM-DD' */
  observed_at: string
  notes: string
  created_at: string
  updated_at: string
  deleted_at: string | null
}
