import { z } from 'zod'
import { Dec } from './exact'
import { fxRate } from './landed-cost'
import type {
  BenchmarkObservation,
  CurrencyRates,
  Freight,
  PackFactor,
  PriceTier,
  PricingQuote,
  PricingSku,
  WhatIf,
} from './pricing.types'

/**
 * Validation of the pricing inputs, shared by the feature layer's API contract and the renderer's forms.
 * Messages are i18n keys ('errors.…') on the field they concern, as in the factories contract. Decimals
 * are bounded (12 integer and 10 fraction digits) so that exact arithmetic stays small and fast.
 */

export const DEFAULT_TARGET_RATIO = '1/3'
export const DEFAULT_VAT_RATE = '0.13'

const DECIMAL = /^-?\d{1,12}(\.\d{1,10})?$/
const RATIO = /^\d{1,12}(\.\d{1,10})?(\s*\/\s*\d{1,12}(\.\d{1,10})?)?$/
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
/** Upper bound of pack counts and order quantities: far above any order, far below float trouble. */
const MAX_PACKS = 1_000_000_000_000

const text = (max: number) => z.string().trim().max(max, 'errors.tooLong')

/** A decimal as text, e.g. '12.50' (a sign is parsed so that '-5' gets a specific message). */
export const DecimalText = z.string().trim().regex(DECIMAL, 'errors.decimal.invalid')
// zod runs every check even after the format check failed, so value checks guard on the format.
const isDecimal = (v: string) => DECIMAL.test(v)
const decimalWhere = (test: (value: InstanceType<typeof Dec>) => boolean, message: string) =>
  DecimalText.refine((v) => !isDecimal(v) || test(new Dec(v)), message)

/** A decimal >= 0. */
export const NonNegativeDecimal = decimalWhere((v) => v.gte(0), 'errors.nonNegative')
/** A decimal > 0 ('errors.positive' for 0 or less). */
export const PositiveDecimal = decimalWhere((v) => v.gt(0), 'errors.positive')
/** Comparable units per pack: > 0, else 'errors.pack.noUnits'. */
export const UnitsPerPack = decimalWhere((v) => v.gt(0), 'errors.pack.noUnits')
/** A whole number of packs >= 1. */
export const PackCount = z
  .number('errors.invalidType')
  .int('errors.integer')
  .positive('errors.positive')
  .max(MAX_PACKS, 'errors.tooBig.number')
/** A ratio such as '1/3' or '0.3', 0 < ratio <= 1. */
export const RatioText = z
  .string()
  .trim()
  .regex(RATIO, 'errors.ratio.invalid')
  .refine((v) => {
    if (!RATIO.test(v)) return true
    const [num = '0', den = '1'] = v.split('/').map((part) => part.trim())
    return new Dec(den).gt(0) && new Dec(num).gt(0) && new Dec(num).lte(den)
  }, 'errors.ratio.range')
/** Gross margin 0 <= m < 1 ('errors.margin.tooHigh' for 100% or more). */
export const MarginText = NonNegativeDecimal.refine(
  (v) => !isDecimal(v) || new Dec(v).lt(1),
  'errors.margin.tooHigh',
)
/** VAT rate 0 <= r < 1. */
export const VatRateText = NonNegativeDecimal.refine(
  (v) => !isDecimal(v) || new Dec(v).lt(1),
  'errors.vat.rateTooHigh',
)
/** ISO 4217 code, e.g. 'CNY', 'USD'. */
export const CurrencyCode = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .refine((v) => /^[A-Z]{3}$/.test(v), 'errors.currency.invalid')
/** A real calendar date 'YYYY-MM-DD'. */
export const IsoDateText = z
  .string()
  .trim()
  .refine((v) => {
    const m = ISO_DATE.exec(v)
    if (!m) return false
    const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
    return date.toISOString().slice(0, 10) === v
  }, 'errors.date.invalid')

export const PackFactorSchema = z
  .object({
    count: z.number('errors.invalidType').positive('errors.positive').max(MAX_PACKS, 'errors.tooBig.number'),
    label: text(10).min(1, 'errors.required'),
  })
  .strict() satisfies z.ZodType<PackFactor>

/** A pack spec: at least one factor ('errors.pack.noUnits' when empty). */
export const PackSpecSchema = z.array(PackFactorSchema).min(1, 'errors.pack.noUnits').max(6, 'errors.tooMany')

export const PriceTierSchema = z
  .object({ fromPacks: PackCount, pricePerPack: PositiveDecimal })
  .strict() satisfies z.ZodType<PriceTier>

/** Tiers with strictly increasing fromPacks; the issue sits on the offending tier's fromPacks. */
export const PriceTiersSchema = z
  .array(PriceTierSchema)
  .min(1, 'errors.tiers.required')
  .max(20, 'errors.tooMany')
  .superRefine((tiers, ctx) => {
    const seen = new Set<number>()
    tiers.forEach((tier, i) => {
      const previous = tiers[i - 1]
      if (seen.has(tier.fromPacks)) {
        ctx.addIssue({ code: 'custom', message: 'errors.tiers.overlap', path: [i, 'fromPacks'] })
      } else if (previous && tier.fromPacks < previous.fromPacks) {
        ctx.addIssue({ code: 'custom', message: 'errors.tiers.unsorted', path: [i, 'fromPacks'] })
      }
      seen.add(tier.fromPacks)
    })
  })

export const FreightSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('included') }).strict(),
  z.object({ kind: z.literal('perPack'), amount: PositiveDecimal }).strict(),
  z.object({ kind: z.literal('perShipment'), amount: PositiveDecimal }).strict(),
]) satisfies z.ZodType<Freight>

/**
 * The priced terms of a quote, as a shape the feature layer can spread into its own quote schema
 * (with factory, lead time, notes…); refine the result with `checkQuoteDates`.
 */
export const quoteTermsShape = {
  currency: CurrencyCode.default('CNY'),
  vatBasis: z.enum(['included', 'excluded']),
  vatRate: VatRateText.default(DEFAULT_VAT_RATE),
  tiers: PriceTiersSchema,
  unitsPerPack: UnitsPerPack,
  freight: FreightSchema.default({ kind: 'included' }),
  moqPacks: PackCount.nullable().default(null),
  quoteDate: IsoDateText,
  validUntil: IsoDateText.nullable().default(null),
}

/** A validity date before the quote date is an error on validUntil. */
export function checkQuoteDates(
  quote: { quoteDate: string; validUntil?: string | null },
  ctx: z.RefinementCtx,
): void {
  if (quote.validUntil != null && quote.validUntil < quote.quoteDate) {
    ctx.addIssue({ code: 'custom', message: 'errors.validUntil.beforeQuoteDate', path: ['validUntil'] })
  }
}

export const PricingQuoteSchema = z
  .object({
    id: z.string().min(1, 'errors.required'),
    ...quoteTermsShape,
    freightCurrency: CurrencyCode.nullable().optional(),
  })
  .strict()
  .superRefine(checkQuoteDates) satisfies z.ZodType<PricingQuote>

/** A currency without a rate in `rates` is an error on `path` (for saving a quote or benchmark). */
export function checkCurrencyRate(rates: CurrencyRates, path: (string | number)[] = ['currency']) {
  return (value: { currency: string }, ctx: z.RefinementCtx): void => {
    if (!fxRate(rates, value.currency)) {
      ctx.addIssue({
        code: 'custom',
        message: 'errors.currency.noRate',
        path,
        params: { currency: value.currency },
      })
    }
  }
}

/** The quote schema that also requires a rate for the quote's currency. */
export function pricingQuoteSchemaWithRates(rates: CurrencyRates) {
  return PricingQuoteSchema.superRefine(checkCurrencyRate(rates))
}

export const PricingSkuSchema = z
  .object({
    unit: text(10).min(1, 'errors.required'),
    unitsPerRetailPack: UnitsPerPack,
    plannedOrderRetailPacks: PackCount,
    targetRatio: RatioText.default(DEFAULT_TARGET_RATIO),
    targetGrossMargin: MarginText,
    benchmarkChannel: text(40).nullable().default(null),
  })
  .strict() satisfies z.ZodType<PricingSku>

export const BenchmarkObservationSchema = z
  .object({
    id: z.string().min(1, 'errors.required'),
    brand: text(40).min(1, 'errors.required'),
    channel: text(40).min(1, 'errors.required'),
    shelfPrice: PositiveDecimal,
    unitsPerPack: UnitsPerPack,
    observedAt: IsoDateText,
    currency: CurrencyCode.default('CNY'),
  })
  .strict() satisfies z.ZodType<BenchmarkObservation>

/** CNY per unit of each currency. */
export const CurrencyRatesSchema = z.record(
  z.string().regex(/^[A-Z]{3}$/, 'errors.currency.invalid'),
  PositiveDecimal,
) satisfies z.ZodType<CurrencyRates>

export const WhatIfSchema = z
  .object({
    plannedOrderRetailPacks: PackCount.optional(),
    targetGrossMargin: MarginText.optional(),
    targetRatio: RatioText.optional(),
  })
  .strict() satisfies z.ZodType<WhatIf>

/**
 * The comparison's input. Missing rates are not an error here: the comparison reports them per quote
 * ('noRate'), so a buyer sees which quote needs a rate.
 */
export const CompareQuotesInputSchema = z
  .object({
    sku: PricingSkuSchema,
    benchmarks: z.array(BenchmarkObservationSchema).max(1000, 'errors.tooMany'),
    quotes: z.array(PricingQuoteSchema).max(500, 'errors.tooMany'),
    rates: CurrencyRatesSchema,
    today: IsoDateText,
    staleBenchmarkDays: z.number().int().min(0).max(3650).optional(),
    whatIf: WhatIfSchema.optional(),
  })
  .strict()
