import { z } from 'zod'
import { defineCalls } from '../api/define'
import type { NegotiatedComparison, QuoteComparison, UnitCostPoint } from '../domain/pricing'
import { CompareQuotesInputSchema, WhatIfSchema } from '../domain/pricing/pricing.schema'
import { Quote } from '../quotes/quotes.contract'
import { PackSpecSchema } from '../domain/pricing/pricing.schema'
import { RecordId } from '../skus/skus.contract'

/**
 * The one-third target per SKU: the quote comparison (the engine's numbers, so HQ and scripts read the
 * same figures as the UI), the inputs the renderer recomputes what-ifs from, and the dashboard.
 * The output schemas mirror the engine's types; `satisfies` keeps them in step.
 */

const decimal = z.string()
const nullableDecimal = z.string().nullable()

const Observation = z.object({
  id: z.string(),
  brand: z.string(),
  channel: z.string(),
  shelfPrice: decimal,
  unitsPerPack: decimal,
  observedAt: z.string(),
  currency: z.string(),
})

const LandedCostSchema = z.object({
  orderPacks: z.number(),
  tierIndex: z.number(),
  tier: z.object({ fromPacks: z.number(), pricePerPack: decimal }),
  vatPerPack: decimal,
  priceInclVatPerPack: decimal,
  freightPerPack: decimal,
  landedPackCostQuoted: decimal,
  fxRate: decimal,
  landedPackCost: decimal,
  unitCost: decimal,
})

const LandedCostOutcomeSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('priced'), cost: LandedCostSchema }),
  z.object({ status: z.literal('belowMoq'), orderPacks: z.number(), minPacks: z.number() }),
  z.object({ status: z.literal('belowLowestTier'), orderPacks: z.number(), minPacks: z.number() }),
  z.object({ status: z.literal('noRate'), orderPacks: z.number(), currency: z.string() }),
])

const TargetStatusSchema = z.enum(['met', 'within10', 'missed'])

const VerdictSchema = z.object({
  brandUnitPrice: decimal,
  maxRetailUnit: decimal,
  maxLandedUnitCost: decimal,
  plannedRetailUnit: decimal,
  ratioToBrand: decimal,
  gap: decimal,
  gapShare: decimal,
  met: z.boolean(),
  status: TargetStatusSchema,
})

const SmallestMeetingSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('found'),
    quotePacks: z.number(),
    tierIndex: z.number(),
    unitCost: decimal,
    retailPacks: z.number().nullable(),
  }),
  z.object({ status: z.literal('never') }),
  z.object({ status: z.literal('unknown'), reason: z.enum(['noBenchmark', 'noRate']) }),
])

const BrandUnitPriceSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ok'),
    unitPrice: decimal,
    observation: Observation,
    channels: z.array(z.object({ channel: z.string(), observation: Observation, unitPrice: decimal })),
  }),
  z.object({ status: z.literal('noBenchmark'), channel: z.string().nullable() }),
  z.object({ status: z.literal('noRate'), currencies: z.array(z.string()) }),
])

export const SkuTargetStatus = z.enum(['met', 'within10', 'missed', 'noQuote', 'noBenchmark'])
export type SkuTargetStatus = z.infer<typeof SkuTargetStatus>

export const QuoteComparisonSchema = z.object({
  rows: z.array(
    z.object({
      quoteId: z.string(),
      rank: z.number(),
      group: z.enum(['current', 'expired', 'unpriced']),
      orderPacks: z.number(),
      pricing: LandedCostOutcomeSchema,
      unitCost: nullableDecimal,
      minRetailPacks: z.number().nullable(),
      verdict: VerdictSchema.nullable(),
      smallestMeeting: SmallestMeetingSchema,
      flags: z.object({ expired: z.boolean(), benchmarkOlderThanQuote: z.boolean() }),
    }),
  ),
  summary: z.object({
    plannedOrderRetailPacks: z.number(),
    targetRatio: z.string(),
    targetGrossMargin: decimal,
    brand: BrandUnitPriceSchema,
    maxRetailUnit: nullableDecimal,
    maxLandedUnitCost: nullableDecimal,
    bestQuoteId: z.string().nullable(),
    bestUnitCost: nullableDecimal,
    bestRatioToBrand: nullableDecimal,
    status: SkuTargetStatus,
  }),
}) satisfies z.ZodType<QuoteComparison>

const TierAskSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ask'),
    tierIndex: z.number(),
    fromPacks: z.number(),
    atPacks: z.number(),
    todayPrice: decimal,
    askPrice: decimal,
    gapPerPack: decimal,
    gapShare: decimal,
    meetsToday: z.boolean(),
  }),
  z.object({
    status: z.literal('none'),
    tierIndex: z.number(),
    fromPacks: z.number(),
    atPacks: z.number().nullable(),
    todayPrice: decimal,
    reason: z.enum(['freightExceeds', 'belowCent', 'tierUnreachable']),
  }),
])

const VatBasisSchema = z.enum(['included', 'excluded'])

/** The ask price per pack, in the quote's currency, VAT basis and pack (see core/domain/pricing/ask-price). */
export const AskPriceSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ok'),
    currency: z.string(),
    vatBasis: VatBasisSchema,
    planned: z.union([
      TierAskSchema,
      z.object({
        status: z.literal('unpriced'),
        reason: z.enum(['belowMoq', 'belowLowestTier']),
        minPacks: z.number(),
      }),
    ]),
    tiers: z.array(TierAskSchema),
    meetsAt: z
      .object({ quotePacks: z.number(), retailPacks: z.number().nullable(), tierIndex: z.number() })
      .nullable(),
    packContent: z.discriminatedUnion('status', [
      z.object({
        status: z.literal('more'),
        unitsPerPack: decimal,
        unitsNeeded: decimal,
        increaseShare: decimal,
      }),
      z.object({ status: z.literal('alreadyMeets') }),
      z.object({ status: z.literal('none'), reason: z.enum(['belowMoq', 'belowLowestTier']) }),
    ]),
  }),
  z.object({
    status: z.literal('unavailable'),
    reason: z.enum(['noBenchmark', 'benchmarkStale', 'noRate']),
    currency: z.string(),
    vatBasis: VatBasisSchema,
  }),
])

/** One step of a row's working, planned retail packs → … → verdict (see core/domain/pricing/working). */
export const WorkingStepSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('plannedRetailPacks'), retailPacks: z.number() }),
  z.object({
    step: z.literal('comparableUnits'),
    unitsPerRetailPack: decimal,
    units: decimal,
    unit: z.string(),
  }),
  z.object({ step: z.literal('quotePacks'), unitsPerPack: decimal, exactPacks: decimal, packs: z.number() }),
  z.object({
    step: z.literal('tier'),
    tierIndex: z.number(),
    fromPacks: z.number(),
    nextFromPacks: z.number().nullable(),
    pricePerPack: decimal,
  }),
  z.object({
    step: z.literal('vat'),
    basis: VatBasisSchema,
    rate: decimal,
    vatPerPack: decimal,
    priceInclVat: decimal,
  }),
  z.object({
    step: z.literal('freight'),
    kind: z.enum(['included', 'perPack', 'perShipment']),
    amount: nullableDecimal,
    freightPerPack: decimal,
    packCost: decimal,
  }),
  z.object({ step: z.literal('currency'), currency: z.string(), fxRate: decimal, packCostCny: decimal }),
  z.object({ step: z.literal('perUnit'), unitsPerPack: decimal, unitCost: decimal }),
  z.object({ step: z.literal('plannedRetail'), margin: decimal, plannedRetailUnit: decimal }),
  z.object({
    step: z.literal('shareOfBrand'),
    brandUnitPrice: decimal,
    brand: z.string(),
    channel: z.string(),
    ratioToBrand: decimal,
  }),
  z.object({
    step: z.literal('verdict'),
    targetRatio: z.string(),
    status: TargetStatusSchema,
    maxLandedUnitCost: decimal,
    gapShare: decimal,
  }),
  z.object({
    step: z.literal('unpriced'),
    reason: z.enum(['belowMoq', 'belowLowestTier', 'noRate']),
    minPacks: z.number().nullable(),
    minRetailPacks: z.number().nullable(),
    currency: z.string().nullable(),
  }),
  z.object({ step: z.literal('noBrandPrice'), reason: z.enum(['noBenchmark', 'noRate']) }),
])

/** The comparison with each row's ask price and working. */
export const NegotiatedComparisonSchema = z.object({
  rows: z.array(
    QuoteComparisonSchema.shape.rows.element.extend({
      ask: AskPriceSchema,
      working: z.array(WorkingStepSchema),
    }),
  ),
  summary: QuoteComparisonSchema.shape.summary,
}) satisfies z.ZodType<NegotiatedComparison>

/** What the comparison table shows beside the engine's numbers for each quote. */
export const QuoteLabel = z.object({
  quoteId: z.string(),
  threadId: z.string(),
  round: z.number().int(),
  factoryId: z.string(),
  factoryName: z.string(),
  sampleId: z.string(),
  /** The linked sample's code ('' when none). */
  linkedSampleCode: z.string(),
  /** The quote's own pack word ('' = 件), for minimum orders in the factory's terms. */
  packWord: z.string(),
  /** The freight's currency when not the quote's ('' = the quote's). */
  freightCurrency: z.string(),
  leadTimeDays: z.number().int().nullable(),
  paymentTerms: z.string(),
})
export type QuoteLabel = z.infer<typeof QuoteLabel>

export const UnitCostPointSchema = z.object({
  retailPacks: z.number(),
  quotePacks: z.number(),
  unitCost: nullableDecimal,
  tierIndex: z.number().nullable(),
}) satisfies z.ZodType<UnitCostPoint>

export const TargetDashboardRow = z.object({
  skuId: z.string(),
  category: z.string(),
  name: z.string(),
  comparableUnit: z.string(),
  /** Unit prices are shown per this many comparable units. */
  unitScale: z.number().int(),
  status: SkuTargetStatus,
  bestRatioToBrand: nullableDecimal,
  bestUnitCost: nullableDecimal,
  bestFactoryName: z.string().nullable(),
  maxLandedUnitCost: nullableDecimal,
  brandUnitPrice: nullableDecimal,
  quoteCount: z.number().int(),
  /** The best ratio after each day quotes came in, oldest first. */
  history: z.array(
    z.object({ date: z.string(), bestRatioToBrand: nullableDecimal, status: SkuTargetStatus }),
  ),
})
export type TargetDashboardRow = z.infer<typeof TargetDashboardRow>

/** One SKU on a factory's negotiation page: its target and the factory's quotes with their ask prices. */
export const NegotiationSkuBlock = z.object({
  skuId: z.string(),
  skuName: z.string(),
  unit: z.string(),
  retailPackSpec: PackSpecSchema,
  /** The SKU's comparison summary: the brand benchmark and the maximum landed cost the asks meet. */
  summary: QuoteComparisonSchema.shape.summary,
  quotes: z.array(
    z.object({
      quote: Quote,
      label: QuoteLabel,
      row: NegotiatedComparisonSchema.shape.rows.element,
    }),
  ),
})
export type NegotiationSkuBlock = z.infer<typeof NegotiationSkuBlock>

/** The negotiation sheet: one page per factory. */
export const NegotiationSheet = z.object({
  /** The day the figures are for. */
  today: z.string(),
  pages: z.array(
    z.object({ factoryId: z.string(), factoryName: z.string(), skus: z.array(NegotiationSkuBlock) }),
  ),
})
export type NegotiationSheet = z.infer<typeof NegotiationSheet>

export const targetCalls = defineCalls({
  'targets.inputs': {
    summary:
      'The plain inputs of an SKU’s comparison (brief, benchmarks, latest quote rounds, rates, today) with quote labels; the UI recomputes what-ifs from them with the same engine.',
    input: z.object({ skuId: RecordId }).strict(),
    output: z.object({ input: CompareQuotesInputSchema, labels: z.array(QuoteLabel) }),
  },
  'targets.compare': {
    summary:
      'Ranks an SKU’s quotes by landed unit cost at the planned order and judges each against the one-third target, with each quote’s ask price per pack (at the planned tier and every tier, in its own currency and VAT basis) and the working of its figures; what-if overrides are not saved.',
    input: z.object({ skuId: RecordId, whatIf: WhatIfSchema.optional() }).strict(),
    output: z.object({ comparison: NegotiatedComparisonSchema, labels: z.array(QuoteLabel) }),
  },
  'targets.negotiation': {
    summary:
      'The negotiation sheet: one page per factory with each of its quotes for the SKU (or, for a factory, every SKU it quoted) — the counter-offer per pack at every tier, the order size at which today’s price already meets, and the brand benchmark.',
    input: z
      .object({ skuId: RecordId.optional(), factoryId: RecordId.optional() })
      .strict()
      .refine((v) => (v.skuId === undefined) !== (v.factoryId === undefined), {
        message: 'errors.required',
        path: ['skuId'],
      }),
    output: NegotiationSheet,
  },
  'targets.curves': {
    summary:
      'Each quote’s landed unit cost across order quantities (retail packs), for the tier-curve chart.',
    input: z.object({ skuId: RecordId }).strict(),
    output: z.array(z.object({ quoteId: z.string(), points: z.array(UnitCostPointSchema) })),
  },
  'targets.dashboard': {
    summary:
      'Every SKU with its target status, best ratio, best factory and how the best ratio moved over time.',
    input: z
      .object({
        category: z.string().trim().max(40, 'errors.tooLong').default(''),
        statuses: z.array(SkuTargetStatus).max(5).default([]),
      })
      .strict(),
    output: z.array(TargetDashboardRow),
  },
})
