/**
 * The pricing engine: pure, exact functions from quotes, benchmarks and an SKU brief to landed unit
 * costs, the brand target and the quote ranking. Shared by the core (API, exports) and the renderer
 * (what-if recomputation). Input validation (zod, i18n-key messages) is in ./pricing.schema.
 */
export type * from './pricing.types'
export { packUnits, formatPackSpec } from './pack'
export { orderQuotePacks, retailPacksReaching, minimumOrderPacks, pickTier, type TierPick } from './order'
export { landedCost, type LandedCost, type LandedCostOutcome } from './landed-cost'
export { brandUnitPrice, latestPerChannel, type BrandUnitPrice, type ChannelUnitPrice } from './brand-price'
export { targetVerdict, type TargetStatus, type TargetVerdict } from './target'
export { type SmallestMeetingOrder } from './smallest-meeting'
export {
  compareQuotes,
  DEFAULT_STALE_BENCHMARK_DAYS,
  planOf,
  type CompareQuotesInput,
  type ComparisonSummary,
  type QuoteComparison,
  type QuoteComparisonRow,
  type QuoteFlags,
  type RowGroup,
  type SkuTargetStatus,
} from './compare-quotes'
export { unitCostCurve, curveQuantities, type UnitCostPoint } from './unit-cost-curve'
export { displayMoney, displayUnitPrice, displayRatio, displayPercent, displayDecimal } from './display'
export {
  askPrice,
  type AskPrice,
  type AskTarget,
  type AskUnavailableReason,
  type PackContentAsk,
  type PlannedAsk,
  type TierAsk,
  type TierAskReason,
} from './ask-price'
export { workingOf, type Working, type WorkingStep } from './working'
export {
  compareWithAsk,
  daysBetween,
  DEFAULT_BENCHMARK_MAX_AGE_DAYS,
  type NegotiatedComparison,
  type NegotiatedRow,
  type NegotiationOptions,
} from './negotiation'
