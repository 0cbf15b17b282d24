import { z } from 'zod'
import { SampleSummary } from '../samples/samples.contract'
import { PackSpecSchema } from '../domain/pricing/pricing.schema'
import { AskPriceSchema, SkuTargetStatus } from '../targets/targets.contract'
import { FollowUp, FollowUpItem } from '../visits/visits.contract'

/**
 * What a summary for a category manager opens with: the quote to go with (as the factory stated its
 * price and as it lands), its verdict against the one-third target, and what to do next.
 */

const TargetStatus = z.enum(['met', 'within10', 'missed'])

/** The best current quote of an SKU, in the factory's terms and in landed terms. */
export const RecommendedQuote = z.object({
  quoteId: z.string(),
  threadId: z.string(),
  /** Negotiation round of this quote (1 for the first offer). */
  round: z.number().int(),
  factoryId: z.string(),
  factoryName: z.string(),
  /** The quote's currency and VAT basis: pricePerPack is in these terms. */
  currency: z.string(),
  vatBasis: z.enum(['included', 'excluded']),
  /** Price per quote pack at the tier the planned order reaches, as quoted. */
  pricePerPack: z.string(),
  /** That tier's 'from' quantity, in quote packs. */
  tierFromPacks: z.number().int(),
  /** The planned order in the quote's packs. */
  orderPacks: z.number().int(),
  /** The quote's pack as written, e.g. '24包 × 100抽 = 2,400抽'. */
  packText: z.string(),
  /** The quote's pack (without a word of its own, case or pack is guessed from it). */
  packSpec: PackSpecSchema,
  /** The factory's own word for the quote's pack (箱, 瓶), '' when none was given. */
  packWord: z.string(),
  /** CNY per quote pack with VAT and freight. */
  landedPackCost: z.string(),
  /** CNY per comparable unit, landed. */
  unitCost: z.string(),
  /** Planned retail unit price over the brand's unit price (the share of the brand's price). */
  ratioToBrand: z.string(),
  status: TargetStatus,
  /** How much the landed unit cost must fall, as a share of itself ('0' when met). */
  gapShare: z.string(),
  /** Highest landed unit cost that still meets the target. */
  maxLandedUnitCost: z.string(),
  validUntil: z.string().nullable(),
  /** The highest price per pack, in the quote's own terms, that meets the target (targets.compare's). */
  ask: AskPriceSchema,
})
export type RecommendedQuote = z.output<typeof RecommendedQuote>

/** A quote to take back to the factory, and why. */
export const QuoteToRenegotiate = z.object({
  quoteId: z.string(),
  factoryName: z.string(),
  round: z.number().int(),
  /** missesTarget: priced but over the target; expired: past its validity; belowMinimum: below MOQ or the lowest tier. */
  reason: z.enum(['missesTarget', 'expired', 'belowMinimum']),
  /** Share of the brand's price when priced. */
  ratioToBrand: z.string().nullable(),
  /** The verdict when priced and judged (within10 or missed for missesTarget). */
  status: TargetStatus.nullable(),
  /** Smallest planned order (retail packs) the quote prices, for belowMinimum. */
  minRetailPacks: z.number().int().nullable(),
  /** The counter-offer to make (targets.compare's ask price). */
  ask: AskPriceSchema,
  packSpec: PackSpecSchema,
  /** The factory's own word for the quote's pack, '' when none was given. */
  packWord: z.string(),
})

/** An SKU's recommendation and next steps. */
export const SkuRecommendation = z.object({
  skuId: z.string(),
  skuName: z.string(),
  comparableUnit: z.string(),
  status: SkuTargetStatus,
  /** The target ratio, e.g. '1/3'. */
  targetRatio: z.string(),
  /** The brand's unit price the target is set against, with where it was seen; null without one. */
  brand: z.object({ brand: z.string(), channel: z.string(), unitPrice: z.string() }).nullable(),
  /** null when no current quote is priced (none, all expired, all below their minimum). */
  best: RecommendedQuote.nullable(),
  /** Quotes missing the target, expired or below their minimum, best-ranked first. */
  renegotiate: z.array(QuoteToRenegotiate),
  /** Samples received or under evaluation, not yet approved or rejected. */
  samplesAwaiting: z.array(SampleSummary),
  /** Open follow-ups with the factories that quoted the SKU or sent a sample for it, earliest due first. */
  openFollowUps: z.array(FollowUpItem),
})
export type SkuRecommendation = z.output<typeof SkuRecommendation>

/** One factory of a tour: planned or not, visited or not, with what the visits found. */
export const TourFactory = z.object({
  factoryId: z.string(),
  /** null only when the factory never reached this laptop. */
  factoryName: z.string().nullable(),
  city: z.string().nullable(),
  /** On the tour's plan. */
  planned: z.boolean(),
  /** Visited within the tour. */
  visited: z.boolean(),
  /** The tour's visits to it, earliest first. */
  visits: z.array(
    z.object({
      id: z.string(),
      visitDate: z.string(),
      averageScore: z.number().nullable(),
      /** How many of the seven dimensions were scored. */
      scoredCount: z.number().int(),
      notes: z.string(),
    }),
  ),
  /** Open follow-ups agreed in those visits. */
  openFollowUps: z.array(FollowUp),
})
export type TourFactory = z.output<typeof TourFactory>
