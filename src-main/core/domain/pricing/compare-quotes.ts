import { type BrandUnitPrice, brandUnitPriceExact, type ExactBrandUnitPrice } from './brand-price'
import { landedCostExact, type LandedCostOutcome, toLandedCost } from './landed-cost'
import { orderQuotePacks, retailPacksReaching } from './order'
import type {
  BenchmarkObservation,
  CurrencyRates,
  DecimalString,
  IsoDate,
  PricingQuote,
  PricingSku,
  RatioString,
  WhatIf,
} from './pricing.types'
import { type SmallestMeetingOrder, smallestMeetingOrder } from './smallest-meeting'
import type { Exact } from './exact'
import {
  judgeTarget,
  type PreparedTarget,
  prepareTarget,
  type TargetStatus,
  targetTerms,
  type TargetVerdict,
} from './target'

/**
 * The comparison view of one SKU: every quote priced at the planned order, ranked by landed unit cost,
 * judged against the brand target, with the smallest order that would meet it.
 */

/** Everything a comparison needs; all of it plain data, so the renderer can recompute on every edit. */
export interface CompareQuotesInput {
  /** The SKU brief. */
  sku: PricingSku
  /** Brand observations for the SKU (all channels, all dates). */
  benchmarks: readonly BenchmarkObservation[]
  /** The quotes to compare (latest round of each). */
  quotes: readonly PricingQuote[]
  /** CNY per unit of each foreign currency. */
  rates: CurrencyRates
  /** Today's date, for expiry. */
  today: IsoDate
  /**
   * How many days older than a quote the brand observation may be before the quote is flagged
   * (default DEFAULT_STALE_BENCHMARK_DAYS); shelf prices move slowly, a flag at every day's gap is noise.
   */
  staleBenchmarkDays?: number
  /** What-if overrides of the SKU's plan. */
  whatIf?: WhatIf
}

/** The default age (days between observation and quote) after which a benchmark counts as stale. */
export const DEFAULT_STALE_BENCHMARK_DAYS = 30

/** Whole days from `from` to `to` ('YYYY-MM-DD'), negative when `to` is earlier. */
function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

/** Where a row ranks: current priced quotes first, then expired priced ones, then unpriced ones. */
export type RowGroup = 'current' | 'expired' | 'unpriced'

/** Warnings shown beside a quote. */
export interface QuoteFlags {
  /** The quote's validUntil is before today. */
  expired: boolean
  /** The benchmark observation the target uses was seen more than the stale age before the quote's date. */
  benchmarkOlderThanQuote: boolean
}

/** One quote in the comparison. */
export interface QuoteComparisonRow {
  /** The quote's id. */
  quoteId: string
  /** 1-based position in the ranking. */
  rank: number
  /** Ranking group. */
  group: RowGroup
  /** The planned order in this quote's packs (rounded up). */
  orderPacks: number
  /** Landed cost steps at the planned order, or why it is not priced. */
  pricing: LandedCostOutcome
  /** Landed unit cost (CNY) when priced, else null. */
  unitCost: DecimalString | null
  /** When below MOQ or the lowest tier: the smallest planned order (retail packs) the quote prices. */
  minRetailPacks: number | null
  /** The target verdict when priced and a brand price is known, else null. */
  verdict: TargetVerdict | null
  /** The smallest order of this quote that meets the target. */
  smallestMeeting: SmallestMeetingOrder
  /** Expiry and stale-benchmark warnings. */
  flags: QuoteFlags
}

/** An SKU's standing: its best current quote's verdict, or why there is none. */
export type SkuTargetStatus = TargetStatus | 'noQuote' | 'noBenchmark'

/** The SKU-level figures above the table. */
export interface ComparisonSummary {
  /** Planned order used (after what-if), in retail packs. */
  plannedOrderRetailPacks: number
  /** Target ratio used (after what-if). */
  targetRatio: RatioString
  /** Target gross margin used (after what-if). */
  targetGrossMargin: DecimalString
  /** The brand unit price the target is set against, or why there is none. */
  brand: BrandUnitPrice
  /** Highest planned retail unit price that meets the target; null without a brand price. */
  maxRetailUnit: DecimalString | null
  /** Highest landed unit cost that meets the target; null without a brand price. */
  maxLandedUnitCost: DecimalString | null
  /** The cheapest current (priced, not expired) quote, or null. */
  bestQuoteId: string | null
  /** Its landed unit cost. */
  bestUnitCost: DecimalString | null
  /** Its ratio to the brand price. */
  bestRatioToBrand: DecimalString | null
  /** met / within10 / missed by the best quote; noQuote; noBenchmark. */
  status: SkuTargetStatus
}

/** The comparison: rows ranked, and the summary. */
export interface QuoteComparison {
  /** Ranked rows: current priced by unit cost ascending, then expired priced, then unpriced. */
  rows: QuoteComparisonRow[]
  /** SKU-level figures. */
  summary: ComparisonSummary
}

const GROUP_ORDER: Record<RowGroup, number> = { current: 0, expired: 1, unpriced: 2 }

/** Applies what-if overrides to the SKU's plan. */
export function planOf(sku: PricingSku, whatIf: WhatIf = {}): PricingSku {
  return {
    ...sku,
    plannedOrderRetailPacks: whatIf.plannedOrderRetailPacks ?? sku.plannedOrderRetailPacks,
    targetGrossMargin: whatIf.targetGrossMargin ?? sku.targetGrossMargin,
    targetRatio: whatIf.targetRatio ?? sku.targetRatio,
  }
}

/** Compares quotes for one SKU at its planned order against its brand target. */
export function compareQuotes(input: CompareQuotesInput): QuoteComparison {
  const sku = planOf(input.sku, input.whatIf)
  const brand = brandUnitPriceExact(input.benchmarks, input.rates, sku.benchmarkChannel)
  const target: PreparedTarget | null =
    brand.status === 'ok'
      ? prepareTarget(targetTerms(brand.unitPrice, sku.targetRatio, sku.targetGrossMargin))
      : null

  const ranked = input.quotes.map((quote, position) => {
    const row = compareOne(quote, sku, input, brand, target)
    return { ...row, position }
  })
  ranked.sort(
    (a, b) =>
      GROUP_ORDER[a.row.group] - GROUP_ORDER[b.row.group] ||
      (a.exactUnitCost && b.exactUnitCost ? a.exactUnitCost.cmp(b.exactUnitCost) : 0) ||
      a.position - b.position,
  )
  const rows = ranked.map(({ row }, i) => ({ ...row, rank: i + 1 }))

  const best = rows[0]?.group === 'current' ? rows[0] : null
  const status: SkuTargetStatus = !target ? 'noBenchmark' : !best?.verdict ? 'noQuote' : best.verdict.status
  return {
    rows,
    summary: {
      plannedOrderRetailPacks: sku.plannedOrderRetailPacks,
      targetRatio: sku.targetRatio,
      targetGrossMargin: sku.targetGrossMargin,
      brand: brand.status === 'ok' ? { ...brand, unitPrice: brand.unitPrice.toString() } : brand,
      maxRetailUnit: target?.text.maxRetailUnit ?? null,
      maxLandedUnitCost: target?.text.maxLandedUnitCost ?? null,
      bestQuoteId: best?.quoteId ?? null,
      bestUnitCost: best?.unitCost ?? null,
      bestRatioToBrand: best?.verdict?.ratioToBrand ?? null,
      status,
    },
  }
}

function compareOne(
  quote: PricingQuote,
  sku: PricingSku,
  input: CompareQuotesInput,
  brand: ExactBrandUnitPrice,
  target: PreparedTarget | null,
): { row: QuoteComparisonRow; exactUnitCost: Exact | null } {
  const orderPacks = orderQuotePacks(sku.plannedOrderRetailPacks, sku.unitsPerRetailPack, quote.unitsPerPack)
  const outcome = landedCostExact(quote, orderPacks, input.rates)
  const expired = quote.validUntil != null && quote.validUntil < input.today
  const observedAt = brand.status === 'ok' ? brand.observation.observedAt : null
  const flags: QuoteFlags = {
    expired,
    benchmarkOlderThanQuote:
      observedAt !== null &&
      daysBetween(observedAt, quote.quoteDate) > (input.staleBenchmarkDays ?? DEFAULT_STALE_BENCHMARK_DAYS),
  }
  const smallestMeeting: SmallestMeetingOrder = target
    ? smallestMeetingOrder(quote, sku.unitsPerRetailPack, input.rates, target.maxLanded)
    : { status: 'unknown', reason: brand.status === 'noRate' ? 'noRate' : 'noBenchmark' }

  if (outcome.status !== 'priced') {
    const minRetailPacks =
      outcome.status === 'noRate'
        ? null
        : retailPacksReaching(outcome.minPacks, sku.unitsPerRetailPack, quote.unitsPerPack)
    return {
      row: {
        quoteId: quote.id,
        rank: 0,
        group: 'unpriced',
        orderPacks,
        pricing: outcome,
        unitCost: null,
        minRetailPacks,
        verdict: null,
        smallestMeeting,
        flags,
      },
      exactUnitCost: null,
    }
  }
  const cost = toLandedCost(outcome.cost)
  return {
    row: {
      quoteId: quote.id,
      rank: 0,
      group: expired ? 'expired' : 'current',
      orderPacks,
      pricing: { status: 'priced', cost },
      unitCost: cost.unitCost,
      minRetailPacks: null,
      verdict: target ? judgeTarget(outcome.cost.unitCost, target) : null,
      smallestMeeting,
      flags,
    },
    exactUnitCost: outcome.cost.unitCost,
  }
}
