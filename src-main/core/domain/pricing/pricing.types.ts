/**
 * The engine's inputs. Decimals travel as strings so they cross JSON and IPC losslessly; pack counts and
 * order quantities are whole numbers. pricing.schema.ts validates these shapes (with defaults) at every
 * boundary; the engine trusts schema-valid input.
 */

/** A decimal number as text, e.g. '12.50'. */
export type DecimalString = string
/** A ratio as a fraction ('1/3') or a decimal ('0.3'); kept exact, never rounded to 0.333. */
export type RatioString = string
/** A calendar date, 'YYYY-MM-DD'. */
export type IsoDate = string

/** CNY per one unit of each currency, entered by hand in Settings, e.g. { USD: '7.10' }. CNY is always 1. */
export type CurrencyRates = Readonly<Record<string, DecimalString>>

/** One level of a pack, e.g. 24 包 or 100 抽. */
export interface PackFactor {
  /** How many of what follows (or of the comparable unit, for the last factor) this level holds. */
  count: number
  /** What is counted: '包', '抽', '卷', 'ml'. */
  label: string
}

/** A pack as nested counts, outermost first: [{24,'包'},{100,'抽'}] is 2,400 抽. */
export type PackSpec = readonly PackFactor[]

/** What the engine needs from an SKU brief. */
export interface PricingSku {
  /** The comparable unit every price is normalized to: '抽', 'ml', 'g', '片', '卷'. */
  unit: string
  /** Comparable units in one retail pack (e.g. '2400' for 100抽×24包). */
  unitsPerRetailPack: DecimalString
  /** Planned order quantity, in retail packs. */
  plannedOrderRetailPacks: number
  /** Planned retail price over the brand's price must not exceed this; '1/3' by default. */
  targetRatio: RatioString
  /** Gross margin on the planned retail price, 0 <= m < 1, e.g. '0.35'. */
  targetGrossMargin: DecimalString
  /** The benchmark channel the target is set against; null or absent: the cheapest current channel. */
  benchmarkChannel?: string | null
}

/** Whether a quoted price already includes VAT. */
export type VatBasis = 'included' | 'excluded'

/** From this many quote packs on, this price per pack applies. */
export interface PriceTier {
  /** The smallest order (in quote packs) this tier applies to. */
  fromPacks: number
  /** Price per quote pack in the quote's currency, on the quote's VAT basis. */
  pricePerPack: DecimalString
}

/** Freight, in the quote's currency unless the quote names a freight currency. */
export type Freight =
  | { /** Delivered: the price includes freight. */ kind: 'included' }
  | { /** A fixed amount per quote pack. */ kind: 'perPack'; /** Amount per pack. */ amount: DecimalString }
  | {
      /** A fixed amount per shipment, spread over the order's packs. */ kind: 'perShipment'
      /** Amount for the whole order. */ amount: DecimalString
    }

/** A factory's quote, in whatever shape the factory gave it. */
export interface PricingQuote {
  /** Identifies the quote in results. */
  id: string
  /** ISO 4217 code of the prices and freight, e.g. 'CNY', 'USD'. */
  currency: string
  /** Whether the tier prices include VAT. */
  vatBasis: VatBasis
  /** VAT rate, e.g. '0.13'; added to the price when the basis is 'excluded'. */
  vatRate: DecimalString
  /** Price tiers sorted by fromPacks, strictly increasing. */
  tiers: readonly PriceTier[]
  /** Comparable units in one quote pack (the quote's own pack, e.g. a case of 24 包 × 100 抽). */
  unitsPerPack: DecimalString
  /** How freight is charged. */
  freight: Freight
  /** The currency of the freight amount when not the quote's (domestic ¥ freight on a USD quote); null or absent: the quote's. */
  freightCurrency?: string | null
  /** Minimum order in quote packs, if the factory set one. */
  moqPacks?: number | null
  /** The date of the quote. */
  quoteDate: IsoDate
  /** Last day the quote is valid, if stated. */
  validUntil?: IsoDate | null
}

/** A shelf price of the brand product, seen on one channel on one day. */
export interface BenchmarkObservation {
  /** Identifies the observation in results. */
  id: string
  /** Brand, e.g. '维达'. */
  brand: string
  /** Where it was seen: '山姆会员店', '天猫旗舰店'… Observations are grouped by this text. */
  channel: string
  /** Shelf price of one pack, in `currency`, VAT included (a consumer price). */
  shelfPrice: DecimalString
  /** Comparable units in that pack. */
  unitsPerPack: DecimalString
  /** The day it was observed. */
  observedAt: IsoDate
  /** ISO 4217 code of the shelf price. */
  currency: string
}

/** Temporary overrides of the SKU's plan, for what-if controls; nothing is saved. */
export interface WhatIf {
  /** Overrides the SKU's planned order quantity (retail packs). */
  plannedOrderRetailPacks?: number
  /** Overrides the SKU's target gross margin. */
  targetGrossMargin?: DecimalString
  /** Overrides the SKU's target ratio. */
  targetRatio?: RatioString
}
