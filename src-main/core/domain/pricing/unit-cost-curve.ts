import { landedCostExact } from './landed-cost'
import { minimumOrderPacks, orderQuotePacks, retailPacksReaching } from './order'
import type { CurrencyRates, DecimalString, PricingQuote, PricingSku } from './pricing.types'

/**
 * A quote's landed unit cost across order sizes, for the tier-curve chart. Quantities are the SKU's
 * retail packs, the one axis all quotes share.
 */

/** One point of a tier curve. */
export interface UnitCostPoint {
  /** Planned order, in retail packs. */
  retailPacks: number
  /** That order in the quote's packs (rounded up). */
  quotePacks: number
  /** Landed unit cost (CNY); null where the quote does not price the order (below MOQ / tier, no rate). */
  unitCost: DecimalString | null
  /** Tier used; null where not priced. */
  tierIndex: number | null
}

/** Unit cost of `quote` at each planned order in `retailQuantities` (retail packs), in the order given. */
export function unitCostCurve(
  quote: PricingQuote,
  sku: Pick<PricingSku, 'unitsPerRetailPack'>,
  rates: CurrencyRates,
  retailQuantities: readonly number[],
): UnitCostPoint[] {
  return retailQuantities.map((retailPacks) => {
    const quotePacks = orderQuotePacks(retailPacks, sku.unitsPerRetailPack, quote.unitsPerPack)
    const outcome = landedCostExact(quote, quotePacks, rates)
    return outcome.status === 'priced'
      ? {
          retailPacks,
          quotePacks,
          unitCost: outcome.cost.unitCost.toString(),
          tierIndex: outcome.cost.tierIndex,
        }
      : { retailPacks, quotePacks, unitCost: null, tierIndex: null }
  })
}

/**
 * Order sizes (retail packs) worth plotting for a set of quotes: each quote's minimum and tier starts,
 * the planned order, and a little beyond the largest, sorted and distinct. Tier steps show as steps
 * because both sides of each start are included.
 */
export function curveQuantities(
  quotes: readonly PricingQuote[],
  sku: Pick<PricingSku, 'unitsPerRetailPack' | 'plannedOrderRetailPacks'>,
): number[] {
  const points = new Set<number>([sku.plannedOrderRetailPacks])
  for (const quote of quotes) {
    const reach = (packs: number) => retailPacksReaching(packs, sku.unitsPerRetailPack, quote.unitsPerPack)
    const minimum = reach(minimumOrderPacks(quote))
    points.add(minimum)
    for (const tier of quote.tiers) {
      const start = reach(tier.fromPacks)
      if (start > minimum) points.add(start - 1)
      points.add(start)
    }
  }
  const largest = Math.max(...points)
  points.add(Math.ceil(largest * 1.5))
  return [...points].filter((p) => p > 0).sort((a, b) => a - b)
}
