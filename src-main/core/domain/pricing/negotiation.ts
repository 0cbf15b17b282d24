import { type AskPrice, askPrice, type AskTarget } from './ask-price'
import { brandUnitPriceExact } from './brand-price'
import {
  compareQuotes,
  planOf,
  type CompareQuotesInput,
  type ComparisonSummary,
  type QuoteComparisonRow,
} from './compare-quotes'
import type { IsoDate, PricingQuote } from './pricing.types'
import { maxLandedUnitCostExact, targetTerms } from './target'
import { type Working, workingOf } from './working'

/**
 * The comparison a buyer negotiates from: every row of compareQuotes with its ask price and its working.
 * Pure and fast enough to rerun on every what-if edit (the renderer does).
 */

/** A benchmark older than this many days is too stale to set an ask price against, by default. */
export const DEFAULT_BENCHMARK_MAX_AGE_DAYS = 30

/** Options of the negotiation view. */
export interface NegotiationOptions {
  /** A brand observation older than this (days before today) gives no ask price; null: never stale. */
  benchmarkMaxAgeDays?: number | null
}

/** A comparison row with what to ask for and how its figures come about. */
export interface NegotiatedRow extends QuoteComparisonRow {
  /** The ask price per pack, at the planned order and at each tier. */
  ask: AskPrice
  /** The steps from the planned order to the verdict. */
  working: Working
}

/** The comparison with ask prices and workings. */
export interface NegotiatedComparison {
  /** Ranked rows, as compareQuotes ranks them. */
  rows: NegotiatedRow[]
  /** SKU-level figures. */
  summary: ComparisonSummary
}

const DAY_MS = 86_400_000

/** Whole days from `from` to `to` (ISO dates). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS)
}

/** The comparison of `input` with each row's ask price and working. */
export function compareWithAsk(
  input: CompareQuotesInput,
  options: NegotiationOptions = {},
): NegotiatedComparison {
  const comparison = compareQuotes(input)
  const plan = planOf(input.sku, input.whatIf)
  const brand = brandUnitPriceExact(input.benchmarks, input.rates, plan.benchmarkChannel)
  const maxAge =
    options.benchmarkMaxAgeDays === undefined ? DEFAULT_BENCHMARK_MAX_AGE_DAYS : options.benchmarkMaxAgeDays
  let target: AskTarget
  if (brand.status !== 'ok') target = { status: brand.status }
  else if (maxAge !== null && daysBetween(brand.observation.observedAt, input.today) > maxAge)
    target = { status: 'benchmarkStale' }
  else
    target = {
      status: 'ok',
      maxLandedUnitCost: maxLandedUnitCostExact(
        targetTerms(brand.unitPrice, plan.targetRatio, plan.targetGrossMargin),
      ),
    }

  const quotes = new Map<string, PricingQuote>(input.quotes.map((q) => [q.id, q]))
  const rows = comparison.rows.map((row): NegotiatedRow => {
    const quote = quotes.get(row.quoteId) as PricingQuote
    return {
      ...row,
      ask: askPrice(quote, row.orderPacks, input.rates, target, row.smallestMeeting),
      working: workingOf(row, quote, plan, comparison.summary.brand),
    }
  })
  return { rows, summary: comparison.summary }
}
