import { strictAssert } from '../../shared/assert'
import { Exact } from './exact'
import { freightPerPack, fxRate, landedCostExact } from './landed-cost'
import { BoundedMemo } from './memo'
import type { CurrencyRates, DecimalString, PricingQuote, VatBasis } from './pricing.types'
import type { SmallestMeetingOrder } from './smallest-meeting'

/**
 * The ask price: the highest price per pack, in the quote's own currency, VAT basis and pack, that still
 * meets the target at an order size. Landed unit cost is (price × v + freight per pack) × fx / units, with
 * v = 1 + VAT rate when quoted ex-VAT, so it meets exactly when
 *   price <= (max landed unit cost × units / fx − freight per pack) / v.
 * That bound is rounded DOWN to the cent, so the ask never misses and one cent more always does.
 */

/** Why a tier has no ask price. */
export type TierAskReason =
  /** Freight per pack alone already reaches the most a landed pack may cost. */
  | 'freightExceeds'
  /** The price that would meet is below one cent per pack. */
  | 'belowCent'
  /** The quote's MOQ lies above every order of this tier. */
  | 'tierUnreachable'

/** The counter-offer at one tier of a quote. */
export type TierAsk =
  | {
      /** An ask price exists. */
      status: 'ask'
      /** Index of the tier in the quote's tiers. */
      tierIndex: number
      /** The tier's 'from' (quote packs). */
      fromPacks: number
      /** The order size (quote packs) the ask is computed at; per-shipment freight is spread over it. */
      atPacks: number
      /** Today's tier price per pack (quote currency, quote VAT basis). */
      todayPrice: DecimalString
      /** The highest price per pack that meets, to the cent (rounded down), e.g. '11.20'. */
      askPrice: DecimalString
      /** askPrice − todayPrice per pack; negative: the price must come down by that much. */
      gapPerPack: DecimalString
      /** gapPerPack / todayPrice, e.g. '-0.038' for −3.8%. */
      gapShare: DecimalString
      /** Today's price already meets at this order (askPrice >= todayPrice). */
      meetsToday: boolean
    }
  | {
      /** No price per pack can meet at this tier. */
      status: 'none'
      /** Index of the tier in the quote's tiers. */
      tierIndex: number
      /** The tier's 'from' (quote packs). */
      fromPacks: number
      /** The order size tried, or null when the tier cannot be ordered. */
      atPacks: number | null
      /** Today's tier price per pack. */
      todayPrice: DecimalString
      /** Why. */
      reason: TierAskReason
    }

/** The counter-offer at the planned order, or why the planned order is not priced. */
export type PlannedAsk =
  | TierAsk
  | {
      /** The planned order is below the quote's MOQ or lowest tier. */
      status: 'unpriced'
      /** belowMoq or belowLowestTier. */
      reason: 'belowMoq' | 'belowLowestTier'
      /** The smallest order the quote prices (quote packs). */
      minPacks: number
    }

/** The pack content that would meet at today's price and the planned order. */
export type PackContentAsk =
  | {
      /** More comparable units per pack are needed. */
      status: 'more'
      /** Units per pack today. */
      unitsPerPack: DecimalString
      /** The fewest whole units per pack that meet at today's price per pack (rounded up). */
      unitsNeeded: DecimalString
      /** unitsNeeded / unitsPerPack − 1, e.g. '0.04' for 4% more. */
      increaseShare: DecimalString
    }
  | {
      /** Today's pack already meets. */
      status: 'alreadyMeets'
    }
  | {
      /** The planned order is not priced, so there is no today's price to hold. */
      status: 'none'
      /** Why. */
      reason: 'belowMoq' | 'belowLowestTier'
    }

/** Why a quote has no ask price at all. */
export type AskUnavailableReason =
  /** No brand benchmark (on the named channel). */
  | 'noBenchmark'
  /** The benchmark the target uses is older than the buyer's limit. */
  | 'benchmarkStale'
  /** The quote's or a benchmark's currency has no rate. */
  | 'noRate'

/** Everything the buyer says to the factory about one quote. */
export type AskPrice =
  | {
      /** The target is known; `planned` and `tiers` say what to ask. */
      status: 'ok'
      /** The quote's currency (ask prices are in it). */
      currency: string
      /** The quote's VAT basis (ask prices are on it). */
      vatBasis: VatBasis
      /** At the planned order (its tier). */
      planned: PlannedAsk
      /** At each of the quote's tiers, in order. */
      tiers: TierAsk[]
      /** The smallest order at which today's prices already meet; null when none does. */
      meetsAt: {
        /** In quote packs. */
        quotePacks: number
        /** As a planned order in retail packs; null if no retail plan lands on a meeting order. */
        retailPacks: number | null
        /** The tier of that order. */
        tierIndex: number
      } | null
      /** The pack content that would meet at today's price. */
      packContent: PackContentAsk
    }
  | {
      /** No ask price can be given; `reason` says why. */
      status: 'unavailable'
      /** Why. */
      reason: AskUnavailableReason
      /** The quote's currency. */
      currency: string
      /** The quote's VAT basis. */
      vatBasis: VatBasis
    }

/** The target as the ask price needs it: the highest landed unit cost (CNY) that meets, or why it is unknown. */
export type AskTarget = { status: 'ok'; maxLandedUnitCost: Exact } | { status: AskUnavailableReason }

const CENTS = Exact.of(100)

/** Rounds down to the cent. */
function floorToCent(value: Exact): Exact {
  return value.times(CENTS).floor().dividedBy(CENTS)
}

function money(value: Exact): string {
  return value.toDecimal().toFixed(2)
}

/** The most a landed pack may cost, in the quote's currency, and its exact text (the tier memo's key). */
interface BudgetPerPack {
  value: Exact
  key: string
}

/** The most a landed pack may cost, in the quote's currency: max landed unit cost × units per pack / fx. */
function packBudget(quote: PricingQuote, maxLandedUnitCost: Exact, fx: Exact): BudgetPerPack {
  const value = maxLandedUnitCost.times(Exact.of(quote.unitsPerPack)).dividedBy(fx)
  return { value, key: value.key() }
}

function vatFactor(quote: PricingQuote): Exact {
  return quote.vatBasis === 'excluded' ? Exact.ONE.plus(Exact.of(quote.vatRate)) : Exact.ONE
}

/** What a tier's ask says beyond the tier itself (its index, 'from' and order size). */
type TierAskOutcome =
  | { status: 'none'; reason: TierAskReason }
  | Pick<
      Extract<TierAsk, { status: 'ask' }>,
      'status' | 'askPrice' | 'gapPerPack' | 'gapShare' | 'meetsToday'
    >

// Every what-if edit reprices each tier at its smallest order under an unchanged budget, and only the
// planned tier's order moves: the outcomes are pure functions of the texts in the key, so they are
// remembered.
const TIER_OUTCOMES = new BoundedMemo<TierAskOutcome>(10_000)

/** The ask at tier `tierIndex` for an order of `atPacks` (which must fall in that tier). */
function tierAsk(quote: PricingQuote, tierIndex: number, atPacks: number, budget: BudgetPerPack): TierAsk {
  const tier = quote.tiers[tierIndex]
  strictAssert(tier, 'tier index out of range')
  const base = { tierIndex, fromPacks: tier.fromPacks, atPacks, todayPrice: tier.pricePerPack }
  const freight = quote.freight.kind === 'included' ? '' : `${quote.freight.kind}:${quote.freight.amount}`
  const vat = quote.vatBasis === 'excluded' ? quote.vatRate : ''
  const key = `${budget.key}|${atPacks}|${freight}|${vat}|${tier.pricePerPack}`
  const outcome = TIER_OUTCOMES.get(key, () =>
    tierAskOutcome(quote, tier.pricePerPack, atPacks, budget.value),
  )
  return { ...base, ...outcome }
}

function tierAskOutcome(
  quote: PricingQuote,
  pricePerPack: DecimalString,
  atPacks: number,
  budget: Exact,
): TierAskOutcome {
  const room = budget.minus(freightPerPack(quote.freight, atPacks))
  if (!room.isPositive()) return { status: 'none', reason: 'freightExceeds' }
  const ask = floorToCent(room.dividedBy(vatFactor(quote)))
  if (!ask.isPositive()) return { status: 'none', reason: 'belowCent' }
  const today = Exact.of(pricePerPack)
  const gap = ask.minus(today)
  return {
    status: 'ask',
    askPrice: money(ask),
    gapPerPack: gap.toString(),
    gapShare: gap.dividedBy(today).toString(),
    meetsToday: !gap.lt(Exact.ZERO),
  }
}

/** The smallest order in tier `index` the MOQ allows, or null when the MOQ lies above the tier. */
function tierFloor(quote: PricingQuote, index: number): number | null {
  const tier = quote.tiers[index] as PricingQuote['tiers'][number]
  const next = quote.tiers[index + 1]
  const lo = Math.max(tier.fromPacks, quote.moqPacks ?? 1, 1)
  return next && lo >= next.fromPacks ? null : lo
}

/**
 * The ask price of `quote` for a planned order of `orderPacks` quote packs. Each tier's ask is computed
 * at the tier's smallest order (so it holds for every order of the tier: per-shipment freight per pack
 * only falls as the order grows), except the planned order's tier, which is computed at the planned order.
 */
export function askPrice(
  quote: PricingQuote,
  orderPacks: number,
  rates: CurrencyRates,
  target: AskTarget,
  smallest: SmallestMeetingOrder,
): AskPrice {
  const terms = { currency: quote.currency, vatBasis: quote.vatBasis }
  const fx = fxRate(rates, quote.currency)
  if (target.status !== 'ok') return { status: 'unavailable', reason: target.status, ...terms }
  if (!fx) return { status: 'unavailable', reason: 'noRate', ...terms }
  const budget = packBudget(quote, target.maxLandedUnitCost, fx)

  const landed = landedCostExact(quote, orderPacks, rates)
  const plannedTier = landed.status === 'priced' ? landed.cost.tierIndex : null
  const tiers = quote.tiers.map((tier, index): TierAsk => {
    if (index === plannedTier) return tierAsk(quote, index, orderPacks, budget)
    const lo = tierFloor(quote, index)
    if (lo === null) {
      return {
        status: 'none',
        tierIndex: index,
        fromPacks: tier.fromPacks,
        atPacks: null,
        todayPrice: tier.pricePerPack,
        reason: 'tierUnreachable',
      }
    }
    return tierAsk(quote, index, lo, budget)
  })

  let planned: PlannedAsk
  let packContent: PackContentAsk
  if (landed.status === 'priced') {
    planned = tiers[landed.cost.tierIndex] as TierAsk
    const needed = landed.cost.landedPackCost.dividedBy(target.maxLandedUnitCost).ceil()
    const units = Exact.of(quote.unitsPerPack)
    packContent = needed.lte(units)
      ? { status: 'alreadyMeets' }
      : {
          status: 'more',
          unitsPerPack: quote.unitsPerPack,
          unitsNeeded: needed.toString(),
          increaseShare: needed.dividedBy(units).minus(Exact.ONE).toString(),
        }
  } else {
    // noRate was answered above, so the planned order is below the MOQ or the lowest tier.
    strictAssert(landed.status !== 'noRate', 'a quote with a rate is priced or below its minimum')
    planned = { status: 'unpriced', reason: landed.status, minPacks: landed.minPacks }
    packContent = { status: 'none', reason: landed.status }
  }

  return {
    status: 'ok',
    ...terms,
    planned,
    tiers,
    meetsAt:
      smallest.status === 'found'
        ? {
            quotePacks: smallest.quotePacks,
            retailPacks: smallest.retailPacks,
            tierIndex: smallest.tierIndex,
          }
        : null,
    packContent,
  }
}
