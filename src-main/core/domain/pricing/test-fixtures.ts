import type { BenchmarkObservation, PricingQuote, PricingSku } from './pricing.types'

/** Builders for tests: a plain quote / SKU / observation with the given fields changed. */

export function quote(overrides: Partial<PricingQuote> = {}): PricingQuote {
  return {
    id: 'q',
    currency: 'CNY',
    vatBasis: 'included',
    vatRate: '0.13',
    tiers: [{ fromPacks: 1, pricePerPack: '10.00' }],
    unitsPerPack: '2400',
    freight: { kind: 'included' },
    moqPacks: null,
    quoteDate: '2025-05-10',
    validUntil: null,
    ...overrides,
  }
}

export function sku(overrides: Partial<PricingSku> = {}): PricingSku {
  return {
    unit: '抽',
    unitsPerRetailPack: '2400',
    plannedOrderRetailPacks: 10_000,
    targetRatio: '1/3',
    targetGrossMargin: '0.35',
    benchmarkChannel: null,
    ...overrides,
  }
}

export function observation(overrides: Partial<BenchmarkObservation> = {}): BenchmarkObservation {
  return {
    id: 'b',
    brand: '维达',
    channel: '山姆会员店',
    shelfPrice: '72.00',
    unitsPerPack: '2400',
    observedAt: '2025-05-01',
    currency: 'CNY',
    ...overrides,
  }
}
