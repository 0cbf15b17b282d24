import { describe, expect, it } from 'vitest'
import { compareQuotes, type CompareQuotesInput } from './compare-quotes'
import { displayRatio, displayUnitPrice } from './display'
import { observation, quote, sku } from './test-fixtures'

/*
 * 三层抽纸 100抽×24包 (2,400 抽 per retail pack), 10,000 retail packs planned = 24,000,000 抽.
 * Brand: 山姆 ¥72.00 / 2,400 = ¥0.03 per 抽 (the lowest), 天猫 ¥84.00 / 2,400 = ¥0.035.
 * Target 1/3, margin 35%: planned retail <= ¥0.01, landed cost <= ¥0.0065 per 抽.
 */
const input: CompareQuotesInput = {
  sku: sku(),
  benchmarks: [
    observation({ id: 'sams', channel: '山姆会员店', shelfPrice: '72.00', observedAt: '2025-05-01' }),
    observation({ id: 'tmall', channel: '天猫旗舰店', shelfPrice: '84.00', observedAt: '2025-05-01' }),
  ],
  quotes: [
    // C: USD case of 36 包 × 100 抽 = 3,600, ex-VAT, MOQ 8,000 cases. 24,000,000 / 3,600 = 6,666.7 -> 6,667
    // cases < 8,000: not priced. Minimum plan: floor(7,999 × 3,600 / 2,400) + 1 = 11,999 retail packs.
    quote({
      id: 'C-usd-case',
      currency: 'USD',
      vatBasis: 'excluded',
      tiers: [{ fromPacks: 3000, pricePerPack: '3.20' }],
      unitsPerPack: '3600',
      moqPacks: 8000,
    }),
    // B: per bag of 100 抽, VAT incl., ¥8,000 per shipment. 240,000 bags -> tier 2: 0.63 + 8,000 / 240,000
    // = 0.66333… per bag / 100 = ¥0.0066333… per 抽: over 0.0065 by 0.000133…, 2.05% -> within 10%.
    quote({
      id: 'B-bag',
      tiers: [
        { fromPacks: 50_000, pricePerPack: '0.66' },
        { fromPacks: 200_000, pricePerPack: '0.63' },
      ],
      unitsPerPack: '100',
      freight: { kind: 'perShipment', amount: '8000' },
      quoteDate: '2025-04-28',
    }),
    // D: the cheapest (¥14.00 / 2,400 = ¥0.005833…) but expired on 2025-05-15.
    quote({ id: 'D-expired', tiers: [{ fromPacks: 1, pricePerPack: '14.00' }], validUntil: '2025-05-15' }),
    // A: case of 24 包 × 100 抽, ¥12.80 ex-VAT from 5,000 cases, ¥0.60 freight per case:
    // 12.80 × 1.13 = 14.464 + 0.60 = 15.064 / 2,400 = ¥0.0062766… per 抽 -> met;
    // planned retail 0.0062766… / 0.65 = 0.0096564…; / 0.03 = 0.32 of the brand price.
    quote({
      id: 'A-case',
      vatBasis: 'excluded',
      tiers: [
        { fromPacks: 1000, pricePerPack: '13.50' },
        { fromPacks: 5000, pricePerPack: '12.80' },
      ],
      freight: { kind: 'perPack', amount: '0.60' },
      validUntil: '2025-06-30',
    }),
  ],
  rates: { USD: '7.10' },
  today: '2025-05-20',
}

describe('compareQuotes', () => {
  const { rows, summary } = compareQuotes(input)
  const row = (id: string) => rows.find((r) => r.quoteId === id)

  it('ranks current quotes by landed unit cost, then expired, then unpriced', () => {
    expect(rows.map((r) => [r.rank, r.quoteId, r.group])).toEqual([
      [1, 'A-case', 'current'],
      [2, 'B-bag', 'current'],
      [3, 'D-expired', 'expired'],
      [4, 'C-usd-case', 'unpriced'],
    ])
  })

  it('shows every step for the winner', () => {
    expect(row('A-case')).toMatchObject({
      orderPacks: 10_000,
      pricing: {
        status: 'priced',
        cost: {
          tierIndex: 1,
          vatPerPack: '1.664',
          priceInclVatPerPack: '14.464',
          freightPerPack: '0.6',
          landedPackCost: '15.064',
        },
      },
      verdict: { met: true, status: 'met', gap: '0', maxLandedUnitCost: '0.0065', maxRetailUnit: '0.01' },
      // The benchmark (2025-05-01) is 9 days older than the quote: within the default 30 days.
      flags: { expired: false, benchmarkOlderThanQuote: false },
    })
    const a = row('A-case')
    expect(displayUnitPrice(a?.unitCost ?? '')).toBe('0.006277')
    expect(displayRatio(a?.verdict?.ratioToBrand ?? '')).toBe('0.322')
    // ¥13.50 × 1.13 + 0.60 = 15.855 > 15.60 per case: only the 5,000-case tier meets
    expect(a?.smallestMeeting).toMatchObject({
      status: 'found',
      quotePacks: 5000,
      retailPacks: 5000,
      tierIndex: 1,
    })
  })

  it('flags a benchmark older than the quote by more than the stale age', () => {
    const flag = (days: number) =>
      compareQuotes({ ...input, staleBenchmarkDays: days }).rows.find((r) => r.quoteId === 'A-case')?.flags
        .benchmarkOlderThanQuote
    expect(flag(8)).toBe(true)
    expect(flag(9)).toBe(false)
    expect(flag(0)).toBe(true)
  })

  it('spreads per-shipment freight and tells how much more to order', () => {
    const b = row('B-bag')
    expect(b).toMatchObject({
      orderPacks: 240_000,
      pricing: { cost: { tierIndex: 1, freightPerPack: '0.03333333333333333333333333333333333333333' } },
      verdict: { met: false, status: 'within10' },
      // benchmark 2025-05-01 is newer than this quote (2025-04-28)
      flags: { benchmarkOlderThanQuote: false },
    })
    expect(b?.verdict?.gap.startsWith('0.000133333')).toBe(true)
    // 0.63 + 8,000 / q <= 0.65 ⇔ q >= 400,000 bags; floor(399,999 / 24) + 1 = 16,667 retail packs
    expect(b?.smallestMeeting).toMatchObject({ status: 'found', quotePacks: 400_000, retailPacks: 16_667 })
  })

  it('flags an expired quote and a quote below its MOQ', () => {
    expect(row('D-expired')).toMatchObject({ flags: { expired: true }, verdict: { met: true } })
    expect(row('C-usd-case')).toMatchObject({
      orderPacks: 6667,
      pricing: { status: 'belowMoq', minPacks: 8000 },
      unitCost: null,
      verdict: null,
      minRetailPacks: 11_999,
      // $3.20 × 1.13 × 7.10 = ¥25.6736 per 3,600 抽 = ¥0.00713 > 0.0065 at any quantity
      smallestMeeting: { status: 'never' },
    })
  })

  it('summarises the best current quote against the brand', () => {
    expect(summary).toMatchObject({
      plannedOrderRetailPacks: 10_000,
      targetRatio: '1/3',
      brand: { status: 'ok', unitPrice: '0.03', observation: { id: 'sams' } },
      maxRetailUnit: '0.01',
      maxLandedUnitCost: '0.0065',
      bestQuoteId: 'A-case',
      status: 'met',
    })
    expect(displayRatio(summary.bestRatioToBrand ?? '')).toBe('0.322')
  })

  it('recomputes for a what-if order size', () => {
    // 3,000 retail packs: A falls to its ¥13.50 tier, 15.855 / 2,400 = ¥0.00660625 -> within 10%.
    // B: 72,000 bags, 0.66 + 8,000 / 72,000 = 0.7711… per bag -> missed
    const small = compareQuotes({ ...input, whatIf: { plannedOrderRetailPacks: 3000 } })
    expect(small.summary).toMatchObject({
      plannedOrderRetailPacks: 3000,
      bestQuoteId: 'A-case',
      status: 'within10',
    })
    expect(small.rows[0]).toMatchObject({ quoteId: 'A-case', unitCost: '0.00660625' })
    expect(small.rows.find((r) => r.quoteId === 'B-bag')?.verdict?.status).toBe('missed')
  })

  it('recomputes for a what-if margin and ratio', () => {
    // margin 30%: landed cost may reach 0.01 × 0.70 = ¥0.007, so B (0.0066333…) now meets
    const lowerMargin = compareQuotes({ ...input, whatIf: { targetGrossMargin: '0.30' } })
    expect(lowerMargin.summary.maxLandedUnitCost).toBe('0.007')
    expect(lowerMargin.rows.find((r) => r.quoteId === 'B-bag')?.verdict?.met).toBe(true)
    // ratio 0.3: 0.03 × 0.3 × 0.65 = ¥0.00585; A (0.0062766…) misses by 7.3% -> within 10%
    const lowerRatio = compareQuotes({ ...input, whatIf: { targetRatio: '0.3' } })
    expect(lowerRatio.summary).toMatchObject({ maxLandedUnitCost: '0.00585', status: 'within10' })
  })

  it('sets the target against the channel the SKU names', () => {
    const tmall = compareQuotes({ ...input, sku: sku({ benchmarkChannel: '天猫旗舰店' }) })
    // 0.035 / 3 × 0.65 = ¥0.0075833…
    expect(tmall.summary.brand).toMatchObject({ unitPrice: '0.035', observation: { id: 'tmall' } })
    expect(tmall.summary.maxLandedUnitCost?.startsWith('0.00758333')).toBe(true)
  })

  it('prices quotes but gives no verdict without a benchmark', () => {
    const none = compareQuotes({ ...input, benchmarks: [] })
    expect(none.summary).toMatchObject({
      brand: { status: 'noBenchmark' },
      status: 'noBenchmark',
      maxLandedUnitCost: null,
      bestQuoteId: 'A-case',
    })
    expect(none.rows[0]).toMatchObject({
      verdict: null,
      smallestMeeting: { status: 'unknown', reason: 'noBenchmark' },
    })
  })

  it('reports a missing rate as an unpriced row, not a zero price', () => {
    const noUsd = compareQuotes({ ...input, rates: {}, whatIf: { plannedOrderRetailPacks: 20_000 } })
    expect(noUsd.rows.at(-1)).toMatchObject({
      quoteId: 'C-usd-case',
      group: 'unpriced',
      pricing: { status: 'noRate', currency: 'USD' },
      minRetailPacks: null,
      smallestMeeting: { status: 'unknown', reason: 'noRate' },
    })
  })

  it('says noQuote when no current quote is priced', () => {
    const onlyExpired = compareQuotes({ ...input, quotes: input.quotes.filter((q) => q.id === 'D-expired') })
    expect(onlyExpired.summary).toMatchObject({ status: 'noQuote', bestQuoteId: null })
  })

  it('keeps one third exact through division', () => {
    // ¥8.00 / 2,400 = 1/300 per unit; brand ¥24.00 / 2,400 = 0.01; 1/3 of it with no margin is 1/300: met.
    const edge = compareQuotes({
      ...input,
      sku: sku({ targetGrossMargin: '0' }),
      benchmarks: [observation({ shelfPrice: '24.00' })],
      quotes: [quote({ id: 'edge', tiers: [{ fromPacks: 1, pricePerPack: '8.00' }] })],
    })
    expect(edge.rows[0]?.verdict).toMatchObject({ met: true, gap: '0' })
    expect(edge.rows[0]?.unitCost).toBe(edge.summary.maxLandedUnitCost)
  })
})
