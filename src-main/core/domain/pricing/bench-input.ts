import type { CompareQuotesInput } from './compare-quotes'
import type { Freight, PricingQuote } from './pricing.types'

/**
 * A realistic comparison for `npm run bench` (DESIGN.md: 50 quotes recomputed on every what-if edit in
 * <= 10 ms): quotes in mixed shapes — per case of 2,400 or 3,600 抽 or per bag of 100, ex- or incl.
 * VAT, CNY or USD, per-pack, per-shipment or no freight, some with an MOQ, some expired — 4 tiers each.
 */
export function benchComparisonInput(quoteCount = 50, tiersPerQuote = 4): CompareQuotesInput {
  const quotes = Array.from({ length: quoteCount }, (_, i): PricingQuote => {
    const usd = i % 5 === 0
    const unitsPerPack = ['3600', '2400', '100'][i % 3] as string
    const perUnit = 0.0041 + (i % 7) * 0.00019
    const freight: Freight =
      i % 3 === 0
        ? { kind: 'perShipment', amount: '6000' }
        : i % 3 === 1
          ? { kind: 'perPack', amount: '0.60' }
          : { kind: 'included' }
    return {
      id: `bench-${i}`,
      currency: usd ? 'USD' : 'CNY',
      vatBasis: i % 2 ? 'excluded' : 'included',
      vatRate: '0.13',
      tiers: Array.from({ length: tiersPerQuote }, (_, t) => {
        const price = (perUnit * Number(unitsPerPack) * (1 - t * 0.04)) / (usd ? 7.1 : 1)
        return { fromPacks: 500 * 4 ** t, pricePerPack: price.toFixed(unitsPerPack === '100' ? 4 : 2) }
      }),
      unitsPerPack,
      freight,
      moqPacks: i % 4 === 0 ? 1000 : null,
      quoteDate: '2025-05-10',
      validUntil: i % 10 === 7 ? '2025-05-15' : '2025-06-30',
    }
  })
  return {
    sku: {
      unit: '抽',
      unitsPerRetailPack: '2400',
      plannedOrderRetailPacks: 10_000,
      targetRatio: '1/3',
      targetGrossMargin: '0.35',
      benchmarkChannel: null,
    },
    benchmarks: [
      {
        id: 'sams',
        brand: '维达',
        channel: '山姆会员店',
        shelfPrice: '59.90',
        unitsPerPack: '2700',
        observedAt: '2025-05-01',
        currency: 'CNY',
      },
      {
        id: 'tmall-1',
        brand: '维达',
        channel: '天猫旗舰店',
        shelfPrice: '64.90',
        unitsPerPack: '2400',
        observedAt: '2025-04-01',
        currency: 'CNY',
      },
      {
        id: 'tmall-2',
        brand: '维达',
        channel: '天猫旗舰店',
        shelfPrice: '69.90',
        unitsPerPack: '2400',
        observedAt: '2025-05-02',
        currency: 'CNY',
      },
    ],
    quotes,
    rates: { USD: '7.10' },
    today: '2025-05-20',
  }
}
