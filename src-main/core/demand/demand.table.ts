/** Row of `demand_signals`: units of one SKU sold per month on one channel, as HQ reports them. */
export interface DemandSignalsTable {
  id: string
  sku_id: string
  /** 'YYYY-MM' */
  month: string
  /** Where it sold: 天猫, 京东, 山姆 … */
  channel: string
  /** Units sold in that month on that channel (whole retail packs, ≥ 0). */
  monthly_units: number
  note: string
  created_at: string
  updated_at: string
  /** Tombstone: set when deleted, so the deletion syncs. */
  deleted_at: string | null
}
