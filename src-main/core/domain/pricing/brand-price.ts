import { fxRate } from './landed-cost'
import { Exact } from './exact'
import type { BenchmarkObservation, CurrencyRates, DecimalString } from './pricing.types'

/**
 * The brand's price per comparable unit: the latest observation on each channel is that channel's
 * current price; the target uses the lowest of them, or the channel the SKU names.
 */

/** A channel's current price. */
export interface ChannelUnitPrice {
  /** The channel. */
  channel: string
  /** Its latest observation. */
  observation: BenchmarkObservation
  /** Shelf price (in CNY) / comparable units per pack. */
  unitPrice: DecimalString
}

/** The brand unit price the target is set against, or why there is none. */
export type BrandUnitPrice =
  | {
      /** A price was found. */
      status: 'ok'
      /** CNY per comparable unit. */
      unitPrice: DecimalString
      /** The observation it comes from. */
      observation: BenchmarkObservation
      /** Every channel's current price, cheapest first. */
      channels: ChannelUnitPrice[]
    }
  | {
      /** No observation (on the named channel, if one is named). */
      status: 'noBenchmark'
      /** The channel asked for, or null for any channel. */
      channel: string | null
    }
  | {
      /**
       * A current observation is in a currency without a rate. Not skipped: leaving out a channel could
       * silently raise the target.
       */
      status: 'noRate'
      /** The currencies lacking a rate. */
      currencies: string[]
    }

/** Exact variant: the unit price as an exact value. */
export type ExactBrandUnitPrice =
  | { status: 'ok'; unitPrice: Exact; observation: BenchmarkObservation; channels: ChannelUnitPrice[] }
  | Exclude<BrandUnitPrice, { status: 'ok' }>

/** The latest observation per channel; on the same day the later one in the list wins. */
export function latestPerChannel(benchmarks: readonly BenchmarkObservation[]): BenchmarkObservation[] {
  const latest = new Map<string, BenchmarkObservation>()
  for (const observation of benchmarks) {
    const current = latest.get(observation.channel)
    if (!current || observation.observedAt >= current.observedAt) latest.set(observation.channel, observation)
  }
  return [...latest.values()]
}

export function brandUnitPriceExact(
  benchmarks: readonly BenchmarkObservation[],
  rates: CurrencyRates,
  channel?: string | null,
): ExactBrandUnitPrice {
  const named = channel != null && channel !== '' ? channel : null
  const current = latestPerChannel(benchmarks).filter((o) => named === null || o.channel === named)
  if (current.length === 0) return { status: 'noBenchmark', channel: named }
  const missing = [...new Set(current.filter((o) => !fxRate(rates, o.currency)).map((o) => o.currency))]
  if (missing.length > 0) return { status: 'noRate', currencies: missing.sort() }

  const priced = current.map((observation) => ({
    observation,
    unitPrice: Exact.of(observation.shelfPrice)
      .times(fxRate(rates, observation.currency) as Exact)
      .dividedBy(Exact.of(observation.unitsPerPack)),
  }))
  // Stable: on equal unit prices the channel listed first stays first.
  priced.sort((a, b) => a.unitPrice.cmp(b.unitPrice))
  const best = priced[0] as (typeof priced)[number]
  return {
    status: 'ok',
    unitPrice: best.unitPrice,
    observation: best.observation,
    channels: priced.map((p) => ({
      channel: p.observation.channel,
      observation: p.observation,
      unitPrice: p.unitPrice.toString(),
    })),
  }
}

/** The brand's unit price in CNY: lowest current channel, or the named channel's latest observation. */
export function brandUnitPrice(
  benchmarks: readonly BenchmarkObservation[],
  rates: CurrencyRates,
  channel?: string | null,
): BrandUnitPrice {
  const outcome = brandUnitPriceExact(benchmarks, rates, channel)
  return outcome.status === 'ok' ? { ...outcome, unitPrice: outcome.unitPrice.toString() } : outcome
}
