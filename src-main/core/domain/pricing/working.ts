import type { BrandUnitPrice } from './brand-price'
import type { QuoteComparisonRow } from './compare-quotes'
import { Exact } from './exact'
import type { DecimalString, Freight, PricingQuote, PricingSku, RatioString, VatBasis } from './pricing.types'
import type { TargetStatus } from './target'

/**
 * The working of one comparison row: the chain from the planned order to the verdict, each step with its
 * number, in the order a buyer checks it by hand. The numbers are the row's own (the steps multiply out
 * to them); the chain stops at the first step that cannot be taken and says why.
 */

/** One step of the working. */
export type WorkingStep =
  | {
      /** The planned order, in retail packs. */
      step: 'plannedRetailPacks'
      /** Retail packs. */
      retailPacks: number
    }
  | {
      /** × comparable units per retail pack. */
      step: 'comparableUnits'
      /** Units in one retail pack. */
      unitsPerRetailPack: DecimalString
      /** Units in the planned order. */
      units: DecimalString
      /** The comparable unit, e.g. '抽'. */
      unit: string
    }
  | {
      /** ÷ units per quote pack, rounded up to whole quote packs. */
      step: 'quotePacks'
      /** Units in one quote pack. */
      unitsPerPack: DecimalString
      /** The exact quotient before rounding up. */
      exactPacks: DecimalString
      /** Quote packs ordered. */
      packs: number
    }
  | {
      /** The tier that order reaches. */
      step: 'tier'
      /** Index in the quote's tiers. */
      tierIndex: number
      /** The tier's 'from' (quote packs). */
      fromPacks: number
      /** The next tier's 'from', or null for the top tier. */
      nextFromPacks: number | null
      /** Tier price per pack (quote currency, quote VAT basis). */
      pricePerPack: DecimalString
    }
  | {
      /** + VAT when quoted ex-VAT. */
      step: 'vat'
      /** The quote's VAT basis. */
      basis: VatBasis
      /** The VAT rate. */
      rate: DecimalString
      /** VAT added per pack ('0' when included). */
      vatPerPack: DecimalString
      /** Price per pack including VAT. */
      priceInclVat: DecimalString
    }
  | {
      /** + freight per pack. */
      step: 'freight'
      /** How freight is charged. */
      kind: Freight['kind']
      /** The amount per pack or per shipment as quoted; null when included. */
      amount: DecimalString | null
      /** Freight per pack for this order. */
      freightPerPack: DecimalString
      /** Landed pack cost in the quote's currency. */
      packCost: DecimalString
    }
  | {
      /** × the currency rate. */
      step: 'currency'
      /** The quote's currency. */
      currency: string
      /** CNY per unit of it. */
      fxRate: DecimalString
      /** Landed pack cost in CNY. */
      packCostCny: DecimalString
    }
  | {
      /** ÷ units per quote pack: the landed unit cost. */
      step: 'perUnit'
      /** Units in one quote pack. */
      unitsPerPack: DecimalString
      /** Landed cost per comparable unit (CNY). */
      unitCost: DecimalString
    }
  | {
      /** ÷ (1 − margin): the planned retail price per unit. */
      step: 'plannedRetail'
      /** Target gross margin. */
      margin: DecimalString
      /** Planned retail per comparable unit (CNY). */
      plannedRetailUnit: DecimalString
    }
  | {
      /** ÷ the brand's unit price: the share of the brand's price. */
      step: 'shareOfBrand'
      /** Brand unit price (CNY per comparable unit). */
      brandUnitPrice: DecimalString
      /** The brand. */
      brand: string
      /** The channel the brand price comes from. */
      channel: string
      /** Planned retail / brand unit price. */
      ratioToBrand: DecimalString
    }
  | {
      /** Compared with the target ratio. */
      step: 'verdict'
      /** The target ratio, e.g. '1/3'. */
      targetRatio: RatioString
      /** met / within10 / missed. */
      status: TargetStatus
      /** The highest landed unit cost that meets. */
      maxLandedUnitCost: DecimalString
      /** How much the unit cost must drop, as a share of it ('0' when met). */
      gapShare: DecimalString
    }
  | {
      /** The chain stops: the order is not priced. */
      step: 'unpriced'
      /** Why. */
      reason: 'belowMoq' | 'belowLowestTier' | 'noRate'
      /** The smallest order the quote prices (quote packs), or null for noRate. */
      minPacks: number | null
      /** The same as a planned order (retail packs), or null. */
      minRetailPacks: number | null
      /** The currency lacking a rate, for noRate. */
      currency: string | null
    }
  | {
      /** The chain stops: no brand price to compare with. */
      step: 'noBrandPrice'
      /** noBenchmark, or a benchmark currency without a rate. */
      reason: 'noBenchmark' | 'noRate'
    }

/** The working of a row, first step first. */
export type Working = WorkingStep[]

/** The chain of `row` (a row of compareQuotes for `plan`, the SKU after what-ifs). */
export function workingOf(
  row: QuoteComparisonRow,
  quote: PricingQuote,
  plan: PricingSku,
  brand: BrandUnitPrice,
): Working {
  const units = Exact.of(plan.plannedOrderRetailPacks).times(Exact.of(plan.unitsPerRetailPack))
  const steps: Working = [
    { step: 'plannedRetailPacks', retailPacks: plan.plannedOrderRetailPacks },
    {
      step: 'comparableUnits',
      unitsPerRetailPack: plan.unitsPerRetailPack,
      units: units.toString(),
      unit: plan.unit,
    },
    {
      step: 'quotePacks',
      unitsPerPack: quote.unitsPerPack,
      exactPacks: units.dividedBy(Exact.of(quote.unitsPerPack)).toString(),
      packs: row.orderPacks,
    },
  ]
  const pricing = row.pricing
  if (pricing.status !== 'priced') {
    steps.push({
      step: 'unpriced',
      reason: pricing.status,
      minPacks: pricing.status === 'noRate' ? null : pricing.minPacks,
      minRetailPacks: row.minRetailPacks,
      currency: pricing.status === 'noRate' ? pricing.currency : null,
    })
    return steps
  }
  const cost = pricing.cost
  steps.push(
    {
      step: 'tier',
      tierIndex: cost.tierIndex,
      fromPacks: cost.tier.fromPacks,
      nextFromPacks: quote.tiers[cost.tierIndex + 1]?.fromPacks ?? null,
      pricePerPack: cost.tier.pricePerPack,
    },
    {
      step: 'vat',
      basis: quote.vatBasis,
      rate: quote.vatRate,
      vatPerPack: cost.vatPerPack,
      priceInclVat: cost.priceInclVatPerPack,
    },
    {
      step: 'freight',
      kind: quote.freight.kind,
      amount: quote.freight.kind === 'included' ? null : quote.freight.amount,
      freightPerPack: cost.freightPerPack,
      packCost: cost.landedPackCostQuoted,
    },
    { step: 'currency', currency: quote.currency, fxRate: cost.fxRate, packCostCny: cost.landedPackCost },
    { step: 'perUnit', unitsPerPack: quote.unitsPerPack, unitCost: cost.unitCost },
    {
      step: 'plannedRetail',
      margin: plan.targetGrossMargin,
      plannedRetailUnit:
        row.verdict?.plannedRetailUnit ??
        Exact.of(cost.unitCost)
          .dividedBy(Exact.ONE.minus(Exact.of(plan.targetGrossMargin)))
          .toString(),
    },
  )
  const verdict = row.verdict
  if (brand.status !== 'ok' || !verdict) {
    steps.push({ step: 'noBrandPrice', reason: brand.status === 'noRate' ? 'noRate' : 'noBenchmark' })
    return steps
  }
  steps.push(
    {
      step: 'shareOfBrand',
      brandUnitPrice: brand.unitPrice,
      brand: brand.observation.brand,
      channel: brand.observation.channel,
      ratioToBrand: verdict.ratioToBrand,
    },
    {
      step: 'verdict',
      targetRatio: plan.targetRatio,
      status: verdict.status,
      maxLandedUnitCost: verdict.maxLandedUnitCost,
      gapShare: verdict.gapShare,
    },
  )
  return steps
}
