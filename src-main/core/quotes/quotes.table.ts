/** Row of `quotes`: one round of a factory's quote for an SKU. Rounds of one negotiation share thread_id. */
export interface QuotesTable {
  id: string
  /** Id of the first round; every revision keeps it, so earlier rounds stay as the negotiation history. */
  thread_id: string
  /** 1 for the first round, then 2, 3 … */
  round: number
  sku_id: string
  factory_id: string
  /** Free text naming the sample, as typed before samples could be picked ('' when none); kept readable. */
  sample_id: string
  /** The sample the quote is for (a row of `samples`), or null. */
  linked_sample_id: string | null
  /** ISO code of the freight amount; '' = the quote's currency. */
  freight_currency: string
  /** The quote's own pack word (箱, 包, 瓶 …); '' = 件. */
  pack_word: string
  /** 'YYYY-MM-DD' */
  quote_date: string
  /** 'YYYY-MM-DD' or null when open-ended. */
  valid_until: string | null
  currency: string
  /** 'included' | 'excluded' */
  vat_basis: string
  vat_rate: string
  /** JSON PriceTier[] sorted by fromPacks. */
  tiers: string
  /** JSON PackSpec of the quote's pack. */
  pack_spec: string
  /** JSON Freight ({"kind":"included"} | {"kind":"perPack","amount":"1.20"} | {"kind":"perShipment",…}). */
  freight: string
  moq_packs: number | null
  lead_time_days: number | null
  payment_terms: string
  notes: string
  created_at: string
  updated_at: string
  deleted_at: string | null
}
