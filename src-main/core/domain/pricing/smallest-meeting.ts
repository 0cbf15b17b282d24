import { strictAssert } from '../../shared/assert'
import { Exact } from './exact'
import { freightFx, fxRate, landedCostExact, priceInclVat } from './landed-cost'
import { BoundedMemo, quotePricingKey } from './memo'
import { orderQuotePacks, retailPacksReaching } from './order'
import type { CurrencyRates, DecimalString, PricingQuote } from './pricing.types'

/**
 * The smallest order of a quote that meets the target. Within a tier the landed unit cost is
 * (fixed per-pack part + per-shipment freight / packs) × fx / units, which falls as packs grow, so a
 * tier's smallest meeting order solves
 *   fixed + shipment / q <= budget  ⇔  q >= shipment / (budget - fixed)
 * exactly (budget = max landed unit cost × units / fx, the most a pack may cost in the quote's
 * currency). Tiers are tried in order; prices need not fall from tier to tier.
 */

/** The smallest order that meets the target, or why there is none. */
export type SmallestMeetingOrder =
  | {
      /** Some order size meets the target. */
      status: 'found'
      /** Smallest meeting order in quote packs. */
      quotePacks: number
      /** Tier of that order. */
      tierIndex: number
      /** Landed unit cost (CNY) at that order. */
      unitCost: DecimalString
      /**
       * Smallest planned order in retail packs that meets the target (its order rounds up to whole
       * quote packs, so it may buy a little more than quotePacks); null if no retail plan lands on a
       * meeting order.
       */
      retailPacks: number | null
    }
  | {
      /** No order size of this quote meets the target. */
      status: 'never'
    }
  | {
      /** The target cannot be evaluated. */
      status: 'unknown'
      /** No brand benchmark, or a currency without a rate. */
      reason: 'noBenchmark' | 'noRate'
    }

interface TierRange {
  index: number
  /** Smallest order in the tier that the MOQ allows. */
  lo: number
  /** Largest order in the tier. */
  hi: number
  /** Per-pack cost that does not depend on order size (price incl. VAT + per-pack freight). */
  fixed: Exact
}

// The answer does not depend on the planned order, which is what a what-if edit usually changes: each
// quote's is remembered under its pricing texts and the target, rather than searched again per keystroke.
const SMALLEST = new BoundedMemo<SmallestMeetingOrder>(10_000)

/** Smallest meeting order of `quote` against `maxLandedUnitCost` (CNY per comparable unit). */
export function smallestMeetingOrder(
  quote: PricingQuote,
  unitsPerRetailPack: DecimalString,
  rates: CurrencyRates,
  maxLandedUnitCost: Exact,
): SmallestMeetingOrder {
  const key = `${quotePricingKey(quote, rates)}|${unitsPerRetailPack}|${maxLandedUnitCost.key()}`
  // A copy, so a caller that changes its result cannot change another's.
  return {
    ...SMALLEST.get(key, () =>
      searchSmallestMeetingOrder(quote, unitsPerRetailPack, rates, maxLandedUnitCost),
    ),
  }
}

function searchSmallestMeetingOrder(
  quote: PricingQuote,
  unitsPerRetailPack: DecimalString,
  rates: CurrencyRates,
  maxLandedUnitCost: Exact,
): SmallestMeetingOrder {
  const fx = fxRate(rates, quote.currency)
  if (!fx) return { status: 'unknown', reason: 'noRate' }
  const freightRate = freightFx(quote, rates)
  if ('missingRate' in freightRate) return { status: 'unknown', reason: 'noRate' }
  const budget = maxLandedUnitCost.times(Exact.of(quote.unitsPerPack)).dividedBy(fx)
  const inQuoteCurrency = (amount: string) => Exact.of(amount).times(freightRate.factor)
  const shipment = quote.freight.kind === 'perShipment' ? inQuoteCurrency(quote.freight.amount) : Exact.ZERO
  const perPackFreight = quote.freight.kind === 'perPack' ? inQuoteCurrency(quote.freight.amount) : Exact.ZERO
  const moq = Math.max(quote.moqPacks ?? 1, 1)

  const ranges: TierRange[] = quote.tiers.map((tier, index) => {
    const next = quote.tiers[index + 1]
    return {
      index,
      lo: Math.max(tier.fromPacks, moq),
      hi: next ? next.fromPacks - 1 : Number.MAX_SAFE_INTEGER,
      fixed: priceInclVat(quote, Exact.of(tier.pricePerPack)).plus(perPackFreight),
    }
  })

  const smallestIn = (range: TierRange): number | null => {
    if (range.lo > range.hi) return null
    if (shipment.isZero()) return range.fixed.lte(budget) ? range.lo : null
    if (!range.fixed.lt(budget)) return null
    const solved = shipment.dividedBy(budget.minus(range.fixed)).ceil().toSafeInteger()
    if (solved === null) return null
    const packs = Math.max(solved, range.lo)
    return packs <= range.hi ? packs : null
  }

  let found: { range: TierRange; packs: number } | null = null
  let retailPacks: number | null = null
  for (const range of ranges) {
    const packs = smallestIn(range)
    if (packs === null) continue
    found ??= { range, packs }
    // Cost does not rise within a tier, so the first retail plan landing in [packs, hi] meets.
    const retail = retailPacksReaching(packs, unitsPerRetailPack, quote.unitsPerPack)
    if (orderQuotePacks(retail, unitsPerRetailPack, quote.unitsPerPack) <= range.hi) {
      retailPacks = retail
      break
    }
  }
  if (!found) return { status: 'never' }

  const landed = landedCostExact(quote, found.packs, rates)
  strictAssert(landed.status === 'priced', 'a meeting order must be priced')
  strictAssert(landed.cost.unitCost.lte(maxLandedUnitCost), 'a meeting order must meet the target')
  return {
    status: 'found',
    quotePacks: found.packs,
    tierIndex: found.range.index,
    unitCost: landed.cost.unitCost.toString(),
    retailPacks,
  }
}
