import type { CoreContext } from '../api/context'
import {
  compareQuotes,
  compareWithAsk,
  curveQuantities,
  unitCostCurve,
  type BenchmarkObservation,
  type CompareQuotesInput,
  type PricingQuote,
  type PricingSku,
  type NegotiatedComparison,
  type WhatIf,
} from '../domain/pricing'
import { listAllRoundsForSku, listLatestRounds } from '../quotes/quotes.repository'
import { toPricingQuote, toQuote } from '../quotes/quotes.service'
import { currencyRates } from '../rates/rates.service'
import type { Benchmark, Sku } from '../skus/skus.contract'
import { listLiveBenchmarks, listLiveSkus } from '../skus/skus.repository'
import { toBenchmark, toSku } from '../skus/skus.columns'
import { getSku, listBenchmarks } from '../skus/skus.service'
import { getPreferences } from '../preferences/preferences.service'
import type { Quote } from '../quotes/quotes.contract'
import type { QuoteLabel, SkuTargetStatus, TargetDashboardRow } from './targets.contract'

/** The SKU brief as the pricing engine takes it. */
function toPricingSku(sku: Sku): PricingSku {
  return {
    unit: sku.comparableUnit,
    unitsPerRetailPack: sku.retailPackUnits,
    plannedOrderRetailPacks: sku.plannedOrderPacks,
    targetRatio: sku.targetRatio,
    targetGrossMargin: sku.targetMargin,
    benchmarkChannel: sku.benchmarkChannel === '' ? null : sku.benchmarkChannel,
  }
}

function toObservation(benchmark: Benchmark): BenchmarkObservation {
  return {
    id: benchmark.id,
    brand: benchmark.brand,
    channel: benchmark.channel,
    shelfPrice: benchmark.shelfPrice,
    unitsPerPack: benchmark.unitsPerPack,
    observedAt: benchmark.observedAt,
    currency: benchmark.currency,
  }
}

function toLabel(quote: Quote): QuoteLabel {
  return {
    quoteId: quote.id,
    threadId: quote.threadId,
    round: quote.round,
    factoryId: quote.factoryId,
    factoryName: quote.factoryName,
    sampleId: quote.sampleId,
    linkedSampleCode: quote.linkedSampleCode,
    packWord: quote.packWord,
    freightCurrency: quote.freightCurrency,
    leadTimeDays: quote.leadTimeDays,
    paymentTerms: quote.paymentTerms,
  }
}

/** Today in the buyer's own time zone, as the engine's 'YYYY-MM-DD'. */
export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

export async function comparisonInputs(
  ctx: CoreContext,
  skuId: string,
): Promise<{ input: CompareQuotesInput; labels: QuoteLabel[] }> {
  const sku = await getSku(ctx, skuId)
  const [benchmarks, quotes, rates, preferences] = await Promise.all([
    listBenchmarks(ctx, skuId),
    listLatestRounds(ctx.db, { skuId }).then((rows) => rows.map(toQuote)),
    currencyRates(ctx.db),
    getPreferences(ctx),
  ])
  return {
    input: {
      sku: toPricingSku(sku),
      benchmarks: benchmarks.map(toObservation),
      quotes: quotes.map(toPricingQuote),
      rates,
      today: localDate(ctx.write.now()),
      staleBenchmarkDays: preferences.staleBenchmarkDays,
    },
    labels: quotes.map(toLabel),
  }
}

export async function compareSku(
  ctx: CoreContext,
  skuId: string,
  whatIf?: WhatIf,
): Promise<{ comparison: NegotiatedComparison; labels: QuoteLabel[] }> {
  const { input, labels } = await comparisonInputs(ctx, skuId)
  return { comparison: compareWithAsk({ ...input, whatIf }), labels }
}

export async function skuCurves(
  ctx: CoreContext,
  skuId: string,
): Promise<{ quoteId: string; points: ReturnType<typeof unitCostCurve> }[]> {
  const { input } = await comparisonInputs(ctx, skuId)
  const quantities = curveQuantities(input.quotes, input.sku)
  return input.quotes.map((quote) => ({
    quoteId: quote.id,
    points: unitCostCurve(quote, input.sku, input.rates, quantities),
  }))
}

/**
 * How the best ratio moved as quotes came in: on each day a quote arrived, the latest round of each thread
 * quoted by then, judged as of that day (a quote that expired later still counted then) against today's
 * brand price, so the line moves with the quotes, not with shelf-price noise.
 */
function ratioHistory(
  sku: PricingSku,
  rounds: Quote[],
  benchmarks: BenchmarkObservation[],
  rates: CompareQuotesInput['rates'],
): TargetDashboardRow['history'] {
  const days = [...new Set(rounds.map((q) => q.quoteDate))].sort()
  return days.map((day) => {
    const latestByThread = new Map<string, Quote>()
    for (const quote of rounds) {
      if (quote.quoteDate > day) continue
      const seen = latestByThread.get(quote.threadId)
      if (!seen || quote.round > seen.round) latestByThread.set(quote.threadId, quote)
    }
    const quotes: PricingQuote[] = [...latestByThread.values()].map(toPricingQuote)
    const { summary } = compareQuotes({
      sku,
      quotes,
      benchmarks,
      rates,
      today: day,
    })
    return { date: day, bestRatioToBrand: summary.bestRatioToBrand, status: summary.status }
  })
}

export async function targetDashboard(
  ctx: CoreContext,
  filter: { category: string; statuses: SkuTargetStatus[] },
): Promise<TargetDashboardRow[]> {
  const [skus, rates] = await Promise.all([
    listLiveSkus(ctx.db, { category: filter.category, search: '' }),
    currencyRates(ctx.db),
  ])
  const today = localDate(ctx.write.now())
  const rows: TargetDashboardRow[] = []
  for (const skuRow of skus) {
    const sku = toSku(skuRow)
    const pricingSku = toPricingSku(sku)
    const [benchmarkRows, latest, allRounds] = await Promise.all([
      listLiveBenchmarks(ctx.db, sku.id),
      listLatestRounds(ctx.db, { skuId: sku.id }),
      listAllRoundsForSku(ctx.db, sku.id),
    ])
    const benchmarks = benchmarkRows.map(toBenchmark).map(toObservation)
    const quotes = latest.map(toQuote)
    const { summary } = compareQuotes({
      sku: pricingSku,
      benchmarks,
      quotes: quotes.map(toPricingQuote),
      rates,
      today,
    })
    if (filter.statuses.length > 0 && !filter.statuses.includes(summary.status)) continue
    const best = quotes.find((q) => q.id === summary.bestQuoteId)
    rows.push({
      skuId: sku.id,
      category: sku.category,
      name: sku.name,
      comparableUnit: sku.comparableUnit,
      unitScale: sku.unitScale,
      status: summary.status,
      bestRatioToBrand: summary.bestRatioToBrand,
      bestUnitCost: summary.bestUnitCost,
      bestFactoryName: best?.factoryName ?? null,
      maxLandedUnitCost: summary.maxLandedUnitCost,
      brandUnitPrice: summary.brand.status === 'ok' ? summary.brand.unitPrice : null,
      quoteCount: quotes.length,
      history: ratioHistory(pricingSku, allRounds.map(toQuote), benchmarks, rates),
    })
  }
  return rows
}
