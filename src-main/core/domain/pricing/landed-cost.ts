import { assertNever } from '../../shared/assert'
import { Exact } from './exact'
import { pickTier } from './order'
import type { CurrencyRates, DecimalString, Freight, PriceTier, PricingQuote } from './pricing.types'

/**
 * Landed cost of a quote at an order size: tier price, made VAT-inclusive, plus freight per pack,
 * converted to CNY, divided by comparable units per pack. Every step is reported so a buyer can follow
 * the arithmetic.
 */

/** The steps from a quoted tier price to the landed cost per comparable unit. */
export interface LandedCost {
  /** Order size priced, in quote packs. */
  orderPacks: number
  /** Index of the tier used in the quote's tiers. */
  tierIndex: number
  /** The tier used. */
  tier: PriceTier
  /** VAT added per pack (quote currency); '0' when the price already includes VAT. */
  vatPerPack: DecimalString
  /** Tier price per pack including VAT (quote currency). */
  priceInclVatPerPack: DecimalString
  /** Freight per pack (quote currency): the per-pack amount, or the per-shipment amount / order packs. */
  freightPerPack: DecimalString
  /** Price incl. VAT + freight per pack, in the quote's currency. */
  landedPackCostQuoted: DecimalString
  /** CNY per unit of the quote's currency ('1' for CNY). */
  fxRate: DecimalString
  /** Landed cost of one quote pack in CNY. */
  landedPackCost: DecimalString
  /** Landed cost of one comparable unit in CNY. */
  unitCost: DecimalString
}

/** A landed cost, or why the quote cannot be priced at that order size. */
export type LandedCostOutcome =
  | {
      /** Priced. */
      status: 'priced'
      /** The steps and the unit cost. */
      cost: LandedCost
    }
  | {
      /** Below the quote's MOQ: flagged, not priced. */
      status: 'belowMoq'
      /** Order size asked for, in quote packs. */
      orderPacks: number
      /** The smallest order the quote prices (quote packs). */
      minPacks: number
    }
  | {
      /** Below the quote's lowest tier: flagged, not priced. */
      status: 'belowLowestTier'
      /** Order size asked for, in quote packs. */
      orderPacks: number
      /** The smallest order the quote prices (quote packs). */
      minPacks: number
    }
  | {
      /** The quote's currency has no rate in Settings. */
      status: 'noRate'
      /** Order size asked for, in quote packs. */
      orderPacks: number
      /** The currency lacking a rate. */
      currency: string
    }

/** CNY per unit of `currency`; CNY is 1; null when Settings has no rate for it. */
export function fxRate(rates: CurrencyRates, currency: string): Exact | null {
  if (currency === 'CNY') return Exact.ONE
  const rate = Object.prototype.hasOwnProperty.call(rates, currency) ? rates[currency] : undefined
  if (rate === undefined || rate.trim() === '') return null
  const exact = Exact.of(rate)
  return exact.isPositive() ? exact : null
}

/** The same steps as exact values, for callers that compare or search (the target, the smallest meeting order). */
export type ExactLandedCost = {
  [K in keyof LandedCost]: LandedCost[K] extends string ? Exact : LandedCost[K]
}

export type ExactLandedOutcome =
  | { status: 'priced'; cost: ExactLandedCost }
  | Exclude<LandedCostOutcome, { status: 'priced' }>

/** Tier price per pack made VAT-inclusive: ×(1 + rate) when quoted ex-VAT. */
export function priceInclVat(quote: Pick<PricingQuote, 'vatBasis' | 'vatRate'>, price: Exact): Exact {
  return quote.vatBasis === 'excluded' ? price.times(Exact.ONE.plus(Exact.of(quote.vatRate))) : price
}

/**
 * What one unit of the freight's currency is in the quote's currency: (CNY per freight currency) / (CNY per
 * quote currency), exact; 1 when the freight is in the quote's currency or included; the missing currency
 * when Settings has no rate for it.
 */
export function freightFx(
  quote: Pick<PricingQuote, 'currency' | 'freight' | 'freightCurrency'>,
  rates: CurrencyRates,
): { factor: Exact } | { missingRate: string } {
  const from = quote.freightCurrency
  if (quote.freight.kind === 'included' || from == null || from === '' || from === quote.currency) {
    return { factor: Exact.ONE }
  }
  const fromRate = fxRate(rates, from)
  if (!fromRate) return { missingRate: from }
  const toRate = fxRate(rates, quote.currency)
  if (!toRate) return { missingRate: quote.currency }
  return { factor: fromRate.dividedBy(toRate) }
}

/** Freight per quote pack for an order of `orderPacks`, in the quote's currency. */
export function freightPerPack(freight: Freight, orderPacks: number): Exact {
  switch (freight.kind) {
    case 'included':
      return Exact.ZERO
    case 'perPack':
      return Exact.of(freight.amount)
    case 'perShipment':
      return Exact.of(freight.amount).dividedBy(Exact.of(orderPacks))
    default:
      return assertNever(freight)
  }
}

export function landedCostExact(
  quote: PricingQuote,
  orderPacks: number,
  rates: CurrencyRates,
): ExactLandedOutcome {
  const pick = pickTier(quote, orderPacks)
  if (pick.status !== 'tier') return { status: pick.status, orderPacks, minPacks: pick.minPacks }
  const fx = fxRate(rates, quote.currency)
  if (!fx) return { status: 'noRate', orderPacks, currency: quote.currency }
  const freightRate = freightFx(quote, rates)
  if ('missingRate' in freightRate) return { status: 'noRate', orderPacks, currency: freightRate.missingRate }
  const price = Exact.of(pick.tier.pricePerPack)
  const inclVat = priceInclVat(quote, price)
  const freight = freightPerPack(quote.freight, orderPacks).times(freightRate.factor)
  const packQuoted = inclVat.plus(freight)
  const packCny = packQuoted.times(fx)
  return {
    status: 'priced',
    cost: {
      orderPacks,
      tierIndex: pick.index,
      tier: pick.tier,
      vatPerPack: inclVat.minus(price),
      priceInclVatPerPack: inclVat,
      freightPerPack: freight,
      landedPackCostQuoted: packQuoted,
      fxRate: fx,
      landedPackCost: packCny,
      unitCost: packCny.dividedBy(Exact.of(quote.unitsPerPack)),
    },
  }
}

export function toLandedCost(cost: ExactLandedCost): LandedCost {
  return {
    orderPacks: cost.orderPacks,
    tierIndex: cost.tierIndex,
    tier: cost.tier,
    vatPerPack: cost.vatPerPack.toString(),
    priceInclVatPerPack: cost.priceInclVatPerPack.toString(),
    freightPerPack: cost.freightPerPack.toString(),
    landedPackCostQuoted: cost.landedPackCostQuoted.toString(),
    fxRate: cost.fxRate.toString(),
    landedPackCost: cost.landedPackCost.toString(),
    unitCost: cost.unitCost.toString(),
  }
}

/** Landed cost of `quote` for an order of `orderPacks` quote packs. */
export function landedCost(quote: PricingQuote, orderPacks: number, rates: CurrencyRates): LandedCostOutcome {
  const outcome = landedCostExact(quote, orderPacks, rates)
  return outcome.status === 'priced' ? { status: 'priced', cost: toLandedCost(outcome.cost) } : outcome
}
