import type { CoreContext } from '../api/context'
import { formatPackSpec, type NegotiatedComparison } from '../domain/pricing'
import type { Quote } from '../quotes/quotes.contract'
import { listQuotes } from '../quotes/quotes.service'
import type { SampleSummary } from '../samples/samples.contract'
import { listSamples } from '../samples/samples.service'
import type { Sku } from '../skus/skus.contract'
import { compareSku } from '../targets/targets.service'
import type { Tour } from '../tours/tours.contract'
import type { FollowUpItem, VisitSummary } from '../visits/visits.contract'
import { getVisit, listFollowUps } from '../visits/visits.service'
import type { RecommendedQuote, SkuRecommendation, TourFactory } from './summary.contract'

/**
 * The recommendation a summary opens with, built from the same comparison the SKU page ranks: the
 * best current quote (cheapest landed unit cost among priced, unexpired quotes), its verdict, and the
 * next steps that would move the SKU: quotes to take back to their factories, samples still to judge,
 * follow-ups still open.
 */

/** Samples that have arrived but carry no decision yet. */
const AWAITING = ['received', 'evaluating'] as const

function recommendedQuote(
  comparison: NegotiatedComparison,
  quotes: ReadonlyMap<string, Quote>,
): RecommendedQuote | null {
  const id = comparison.summary.bestQuoteId
  const row = comparison.rows.find((r) => r.quoteId === id)
  const quote = id ? quotes.get(id) : undefined
  if (!row || !quote || row.pricing.status !== 'priced' || !row.verdict) return null
  const { cost } = row.pricing
  return {
    quoteId: quote.id,
    threadId: quote.threadId,
    round: quote.round,
    factoryId: quote.factoryId,
    factoryName: quote.factoryName,
    currency: quote.currency,
    vatBasis: quote.vatBasis,
    pricePerPack: cost.tier.pricePerPack,
    tierFromPacks: cost.tier.fromPacks,
    orderPacks: row.orderPacks,
    packText: formatPackSpec(quote.packSpec),
    packSpec: quote.packSpec,
    packWord: quote.packWord,
    landedPackCost: cost.landedPackCost,
    unitCost: cost.unitCost,
    ratioToBrand: row.verdict.ratioToBrand,
    status: row.verdict.status,
    gapShare: row.verdict.met ? '0' : row.verdict.gapShare,
    maxLandedUnitCost: row.verdict.maxLandedUnitCost,
    validUntil: quote.validUntil,
    ask: row.ask,
  }
}

function toRenegotiate(
  comparison: NegotiatedComparison,
  quotes: ReadonlyMap<string, Quote>,
  inScope: (factoryId: string) => boolean,
): SkuRecommendation['renegotiate'] {
  const out: SkuRecommendation['renegotiate'] = []
  for (const row of comparison.rows) {
    const quote = quotes.get(row.quoteId)
    if (!quote || !inScope(quote.factoryId)) continue
    const reason =
      row.group === 'expired'
        ? 'expired'
        : row.pricing.status === 'belowMoq' || row.pricing.status === 'belowLowestTier'
          ? 'belowMinimum'
          : row.verdict && !row.verdict.met
            ? 'missesTarget'
            : null
    if (!reason) continue
    out.push({
      quoteId: quote.id,
      factoryName: quote.factoryName,
      round: quote.round,
      reason,
      ratioToBrand: row.verdict?.ratioToBrand ?? null,
      status: row.verdict?.status ?? null,
      minRetailPacks: row.minRetailPacks,
      ask: row.ask,
      packSpec: quote.packSpec,
      packWord: quote.packWord,
    })
  }
  return out
}

const byDue = (a: FollowUpItem, b: FollowUpItem) =>
  (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.createdAt.localeCompare(b.createdAt)

/**
 * The recommendation for one SKU. `factoryScope` narrows the next steps (not the best quote, which is
 * the SKU's best wherever it came from) to some factories, e.g. a tour's.
 */
export async function skuRecommendation(
  ctx: CoreContext,
  sku: Sku,
  factoryScope: ReadonlySet<string> | null = null,
): Promise<{
  recommendation: SkuRecommendation
  comparison: NegotiatedComparison
  samples: SampleSummary[]
}> {
  const inScope = (factoryId: string) => !factoryScope || factoryScope.has(factoryId)
  const [{ comparison }, quoteList, samples] = await Promise.all([
    compareSku(ctx, sku.id),
    listQuotes(ctx, { skuId: sku.id }),
    listSamples(ctx, { search: '', statuses: [], skuId: sku.id }),
  ])
  const quotes = new Map(quoteList.map((q) => [q.id, q]))
  const factoryIds = [...new Set([...quoteList, ...samples].map((r) => r.factoryId))].filter(inScope)
  const followUps = (
    await Promise.all(factoryIds.map((factoryId) => listFollowUps(ctx, { factoryId, status: 'open' })))
  )
    .flat()
    .sort(byDue)
  const { summary } = comparison
  return {
    recommendation: {
      skuId: sku.id,
      skuName: sku.name,
      comparableUnit: sku.comparableUnit,
      status: summary.status,
      targetRatio: summary.targetRatio,
      brand:
        summary.brand.status === 'ok'
          ? {
              brand: summary.brand.observation.brand,
              channel: summary.brand.observation.channel,
              unitPrice: summary.brand.unitPrice,
            }
          : null,
      best: recommendedQuote(comparison, quotes),
      renegotiate: toRenegotiate(comparison, quotes, inScope),
      samplesAwaiting: samples.filter(
        (s) => (AWAITING as readonly string[]).includes(s.status) && inScope(s.factoryId),
      ),
      openFollowUps: followUps,
    },
    comparison,
    samples,
  }
}

/**
 * Every factory of a tour: the planned ones in plan order, visited or not, then any visited off the
 * plan in visit order; each with its visits' scores and notes and the follow-ups still open.
 */
export async function tourFactories(
  ctx: CoreContext,
  tour: Tour,
  visits: readonly VisitSummary[],
): Promise<TourFactory[]> {
  const details = await Promise.all(visits.map((v) => getVisit(ctx, v.id)))
  const rows = new Map<string, TourFactory>()
  for (const planned of tour.plannedFactories) {
    rows.set(planned.factoryId, {
      factoryId: planned.factoryId,
      factoryName: planned.factoryName,
      city: planned.city,
      planned: true,
      visited: false,
      visits: [],
      openFollowUps: [],
    })
  }
  for (const [index, visit] of visits.entries()) {
    const detail = details[index]!
    const row = rows.get(visit.factoryId) ?? {
      factoryId: visit.factoryId,
      factoryName: visit.factoryName,
      city: null,
      planned: false,
      visited: false,
      visits: [],
      openFollowUps: [],
    }
    row.visited = true
    row.visits.push({
      id: visit.id,
      visitDate: visit.visitDate,
      averageScore: visit.averageScore,
      scoredCount: visit.scoredCount,
      notes: detail.notes,
    })
    row.openFollowUps.push(...detail.followUps.filter((f) => !f.done))
    rows.set(visit.factoryId, row)
  }
  return [...rows.values()]
}
