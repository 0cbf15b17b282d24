import { describe, expect, it } from 'vitest'
import { minimumOrderPacks, orderQuotePacks, pickTier, retailPacksReaching } from './order'

const tiers = [
  { fromPacks: 500, pricePerPack: '40.00' },
  { fromPacks: 2000, pricePerPack: '36.00' },
  { fromPacks: 5000, pricePerPack: '33.00' },
]

describe('orderQuotePacks', () => {
  it('converts a planned order in retail packs to whole quote packs, rounding up', () => {
    // 10,000 retail packs of 2,400 抽 = 24,000,000 抽 = 6,666.67 cases of 3,600 -> 6,667 cases
    expect(orderQuotePacks(10_000, '2400', '3600')).toBe(6667)
    // same pack on both sides: no conversion
    expect(orderQuotePacks(10_000, '2400', '2400')).toBe(10_000)
    // retail pack of 24 bags, quote per bag of 100: 10,000 × 24 = 240,000 bags
    expect(orderQuotePacks(10_000, '2400', '100')).toBe(240_000)
  })
})

describe('retailPacksReaching', () => {
  it('is the smallest retail plan whose order reaches the quote packs', () => {
    // 6,667 cases of 3,600: floor(6,666 × 3,600 / 2,400) + 1 = 9,999 + 1 = 10,000 retail packs
    expect(retailPacksReaching(6667, '2400', '3600')).toBe(10_000)
    expect(orderQuotePacks(10_000, '2400', '3600')).toBe(6667)
    expect(orderQuotePacks(9_999, '2400', '3600')).toBe(6666)
    // 500 bags of 100 抽 in retail packs of 24 bags: floor(499 / 24) + 1 = 21 (21 × 24 = 504 bags)
    expect(retailPacksReaching(500, '2400', '100')).toBe(21)
  })
})

describe('pickTier', () => {
  it('takes the highest tier whose start the order reaches', () => {
    expect(pickTier({ tiers }, 500)).toMatchObject({ status: 'tier', index: 0 })
    expect(pickTier({ tiers }, 1999)).toMatchObject({ status: 'tier', index: 0 })
    expect(pickTier({ tiers }, 2000)).toMatchObject({ status: 'tier', index: 1, tier: tiers[1] })
    expect(pickTier({ tiers }, 4999)).toMatchObject({ status: 'tier', index: 1 })
    expect(pickTier({ tiers }, 5000)).toMatchObject({ status: 'tier', index: 2 })
    expect(pickTier({ tiers }, 1_000_000)).toMatchObject({ status: 'tier', index: 2 })
  })

  it('flags an order below the lowest tier with the minimum to order', () => {
    expect(pickTier({ tiers }, 499)).toEqual({ status: 'belowLowestTier', minPacks: 500 })
  })

  it('flags an order below the MOQ, even where a tier would price it', () => {
    expect(pickTier({ tiers, moqPacks: 1000 }, 800)).toEqual({ status: 'belowMoq', minPacks: 1000 })
    expect(pickTier({ tiers, moqPacks: 1000 }, 1000)).toMatchObject({ status: 'tier', index: 0 })
    // the MOQ is below the lowest tier: the tier is the binding minimum
    expect(pickTier({ tiers, moqPacks: 100 }, 300)).toEqual({ status: 'belowLowestTier', minPacks: 500 })
    expect(minimumOrderPacks({ tiers, moqPacks: 100 })).toBe(500)
    expect(minimumOrderPacks({ tiers, moqPacks: 800 })).toBe(800)
  })
})
