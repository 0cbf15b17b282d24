import { Exact } from './exact'
import type { DecimalString, RatioString } from './pricing.types'

/**
 * The one-third target: planned retail = landed unit cost / (1 - margin); met when planned retail <=
 * brand unit price × target ratio. Decided exactly, so a cost right at the limit is met.
 */

/** met; within10: missed by at most 10% of the maximum landed cost; missed. */
export type TargetStatus = 'met' | 'within10' | 'missed'

/** How a landed unit cost fares against the target. */
export interface TargetVerdict {
  /** The brand unit price the target is set against (CNY per comparable unit). */
  brandUnitPrice: DecimalString
  /** Highest planned retail unit price that meets the target: brand unit price × ratio. */
  maxRetailUnit: DecimalString
  /** Highest landed unit cost that still meets the target: brand × ratio × (1 - margin). */
  maxLandedUnitCost: DecimalString
  /** Planned retail price per comparable unit: landed unit cost / (1 - margin). */
  plannedRetailUnit: DecimalString
  /** Planned retail / brand unit price, e.g. '0.29'. */
  ratioToBrand: DecimalString
  /** How much the landed unit cost must drop to meet the target; '0' when met. */
  gap: DecimalString
  /** The gap as a share of the landed unit cost ('0.12' = must drop 12%); '0' when met. */
  gapShare: DecimalString
  /** Whether planned retail <= brand × ratio. */
  met: boolean
  /** met, within10 (missed by <= 10% of the maximum landed cost) or missed. */
  status: TargetStatus
}

/** The target's terms as exact values. */
export interface TargetTerms {
  /** CNY per comparable unit. */
  brandUnitPrice: Exact
  /** Target ratio, e.g. exactly 1/3. */
  ratio: Exact
  /** Target gross margin, 0 <= m < 1. */
  margin: Exact
}

const WITHIN_10_PERCENT = Exact.of('1.1')

export function targetTerms(brandUnitPrice: Exact, ratio: RatioString, margin: DecimalString): TargetTerms {
  return { brandUnitPrice, ratio: Exact.of(ratio), margin: Exact.of(margin) }
}

/** Highest planned retail unit price that meets the target. */
export function maxRetailUnitExact(terms: TargetTerms): Exact {
  return terms.brandUnitPrice.times(terms.ratio)
}

/** Highest landed unit cost that meets the target. */
export function maxLandedUnitCostExact(terms: TargetTerms): Exact {
  return maxRetailUnitExact(terms).times(Exact.ONE.minus(terms.margin))
}

/** The target's limits, computed once per comparison and shared by every quote's verdict. */
export interface PreparedTarget {
  /** The terms. */
  terms: TargetTerms
  /** 1 - margin. */
  costShare: Exact
  /** Highest landed unit cost that meets the target. */
  maxLanded: Exact
  /** The edge of within10: maxLanded × 1.1. */
  within10: Exact
  /** The figures every verdict repeats, as text. */
  text: Pick<TargetVerdict, 'brandUnitPrice' | 'maxRetailUnit' | 'maxLandedUnitCost'>
}

export function prepareTarget(terms: TargetTerms): PreparedTarget {
  const maxLanded = maxLandedUnitCostExact(terms)
  return {
    terms,
    costShare: Exact.ONE.minus(terms.margin),
    maxLanded,
    within10: maxLanded.times(WITHIN_10_PERCENT),
    text: {
      brandUnitPrice: terms.brandUnitPrice.toString(),
      maxRetailUnit: maxRetailUnitExact(terms).toString(),
      maxLandedUnitCost: maxLanded.toString(),
    },
  }
}

/** The verdict, from exact values. */
export function judgeTarget(unitCost: Exact, target: PreparedTarget): TargetVerdict {
  const plannedRetail = unitCost.dividedBy(target.costShare)
  // unit cost <= max landed ⇔ planned retail <= brand × ratio, as 1 - margin > 0.
  const met = unitCost.lte(target.maxLanded)
  const gap = met ? Exact.ZERO : unitCost.minus(target.maxLanded)
  const status: TargetStatus = met ? 'met' : unitCost.lte(target.within10) ? 'within10' : 'missed'
  return {
    ...target.text,
    plannedRetailUnit: plannedRetail.toString(),
    ratioToBrand: plannedRetail.dividedBy(target.terms.brandUnitPrice).toString(),
    gap: met ? '0' : gap.toString(),
    gapShare: met || unitCost.isZero() ? '0' : gap.dividedBy(unitCost).toString(),
    met,
    status,
  }
}

/** The verdict for a landed unit cost against a brand unit price (all CNY per comparable unit). */
export function targetVerdict(
  unitCost: DecimalString,
  brandUnitPrice: DecimalString,
  targetRatio: RatioString,
  targetGrossMargin: DecimalString,
): TargetVerdict {
  return judgeTarget(
    Exact.of(unitCost),
    prepareTarget(targetTerms(Exact.of(brandUnitPrice), targetRatio, targetGrossMargin)),
  )
}
