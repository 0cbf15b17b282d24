/** Row of `sample_requests`: samples a factory promised to send, followed until they arrive. */
export interface SampleRequestsTable {
  id: string
  factory_id: string
  /** The visit it was asked for in, or null. */
  visit_id: string | null
  /** The SKU brief the sample is a candidate for, or null. */
  sku_id: string | null
  /** What was asked for, e.g. 竹浆本色抽纸 3层130抽. */
  item: string
  /** How many (pieces or packs, as the buyer counts them). */
  quantity: number
  /** 'YYYY-MM-DD' the buyer asked. */
  requested_on: string
  /** 'YYYY-MM-DD' the factory promised to ship by. */
  promised_ship_date: string
  /** 'YYYY-MM-DD' it was shipped, or null. */
  shipped_on: string | null
  /** e.g. 顺丰; '' until shipped. */
  courier: string
  tracking_number: string
  /** 'YYYY-MM-DD' it arrived, or null. */
  received_on: string | null
  /** The sample registered when it arrived (a row of `samples`), or null. */
  sample_id: string | null
  notes: string
  created_at: string
  updated_at: string
  /** Tombstone: set when deleted, so the deletion syncs. */
  deleted_at: string | null
}
