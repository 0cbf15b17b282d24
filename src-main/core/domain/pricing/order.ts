import { strictAssert } from '../../shared/assert'
import { Exact } from './exact'
import type { DecimalString, PriceTier, PricingQuote } from './pricing.types'

/**
 * Order quantities across pack shapes, and the tier an order falls into. A quote's pack and the SKU's
 * retail pack usually differ (a case of 24 bundles vs one bundle), so quantities convert through
 * comparable units and round up to whole quote packs.
 */

/** Quote packs needed for a planned order: ceil(retail packs × units per retail pack / units per quote pack). */
export function orderQuotePacks(
  retailPacks: number,
  unitsPerRetailPack: DecimalString,
  unitsPerQuotePack: DecimalString,
): number {
  const packs = Exact.of(retailPacks)
    .times(Exact.of(unitsPerRetailPack))
    .dividedBy(Exact.of(unitsPerQuotePack))
    .ceil()
    .toSafeInteger()
  strictAssert(packs !== null, 'order quantity out of range')
  return packs
}

/**
 * The smallest planned order (retail packs) whose quote-pack order reaches `quotePacks`: the smallest R
 * with ceil(R × retail units / quote units) >= quotePacks, i.e. floor((quotePacks - 1) × quote units /
 * retail units) + 1.
 */
export function retailPacksReaching(
  quotePacks: number,
  unitsPerRetailPack: DecimalString,
  unitsPerQuotePack: DecimalString,
): number {
  if (quotePacks <= 0) return 0
  const packs = Exact.of(quotePacks - 1)
    .times(Exact.of(unitsPerQuotePack))
    .dividedBy(Exact.of(unitsPerRetailPack))
    .floor()
    .plus(Exact.ONE)
    .toSafeInteger()
  strictAssert(packs !== null, 'order quantity out of range')
  return packs
}

/** The smallest order the quote prices: its MOQ or its lowest tier, whichever is larger. */
export function minimumOrderPacks(quote: Pick<PricingQuote, 'tiers' | 'moqPacks'>): number {
  const lowest = quote.tiers[0]?.fromPacks ?? 1
  return Math.max(lowest, quote.moqPacks ?? 1, 1)
}

/** The tier an order falls into, or why it is not priced. */
export type TierPick =
  | {
      /** The order is priced by `tier`. */
      status: 'tier'
      /** Index of the tier in the quote's tiers. */
      index: number
      /** The tier used. */
      tier: PriceTier
    }
  | {
      /** The order is below the quote's MOQ. */
      status: 'belowMoq'
      /** The smallest order the quote prices (quote packs). */
      minPacks: number
    }
  | {
      /** The order is below the quote's lowest tier. */
      status: 'belowLowestTier'
      /** The smallest order the quote prices (quote packs). */
      minPacks: number
    }

/** The highest tier whose fromPacks the order reaches; MOQ is checked first. */
export function pickTier(quote: Pick<PricingQuote, 'tiers' | 'moqPacks'>, orderPacks: number): TierPick {
  const minPacks = minimumOrderPacks(quote)
  if (quote.moqPacks != null && orderPacks < quote.moqPacks) return { status: 'belowMoq', minPacks }
  let index = -1
  for (let i = 0; i < quote.tiers.length; i++) {
    const tier = quote.tiers[i] as PriceTier
    if (tier.fromPacks <= orderPacks) index = i
    else break
  }
  const tier = quote.tiers[index]
  if (!tier) return { status: 'belowLowestTier', minPacks }
  return { status: 'tier', index, tier }
}
