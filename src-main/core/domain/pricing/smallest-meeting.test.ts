import { describe, expect, it } from 'vitest'
import { Exact } from './exact'
import { smallestMeetingOrder } from './smallest-meeting'
import { quote } from './test-fixtures'

// Brand ¥0.03 per 抽, target 1/3, margin 35%: landed cost at most ¥0.0065 per 抽,
// i.e. ¥15.60 per case of 2,400 抽 or ¥0.65 per bag of 100 抽.
const maxLanded = Exact.of('0.0065')

describe('smallestMeetingOrder', () => {
  it('solves per-shipment freight exactly inside a tier', () => {
    // ¥20 per case never meets (> 15.60). From 5,000 cases ¥15 + 6,000 / q <= 15.60
    // ⇔ q >= 6,000 / 0.60 = 10,000 cases exactly (15 + 0.60 = 15.60, met at the edge).
    const q = quote({
      tiers: [
        { fromPacks: 1000, pricePerPack: '20.00' },
        { fromPacks: 5000, pricePerPack: '15.00' },
      ],
      freight: { kind: 'perShipment', amount: '6000' },
    })
    expect(smallestMeetingOrder(q, '2400', {}, maxLanded)).toEqual({
      status: 'found',
      quotePacks: 10_000,
      tierIndex: 1,
      unitCost: '0.0065',
      retailPacks: 10_000,
    })
  })

  it('is the start of the first tier that meets, or the MOQ above it', () => {
    // ¥16 + ¥0.50 freight = 16.50 > 15.60; from 3,000 cases ¥15 + 0.50 = 15.50 <= 15.60
    const q = quote({
      tiers: [
        { fromPacks: 1000, pricePerPack: '16.00' },
        { fromPacks: 3000, pricePerPack: '15.00' },
      ],
      freight: { kind: 'perPack', amount: '0.50' },
    })
    expect(smallestMeetingOrder(q, '2400', {}, maxLanded)).toMatchObject({ quotePacks: 3000, tierIndex: 1 })
    expect(smallestMeetingOrder({ ...q, moqPacks: 4000 }, '2400', {}, maxLanded)).toMatchObject({
      quotePacks: 4000,
      tierIndex: 1,
      retailPacks: 4000,
    })
  })

  it('accounts for VAT and currency', () => {
    // $2.00 ex-VAT × 1.13 = $2.26 × 7.00 = ¥15.82 > 15.60: never; at $1.95: ¥15.4245 meets from the start
    const usd = quote({
      currency: 'USD',
      vatBasis: 'excluded',
      tiers: [{ fromPacks: 100, pricePerPack: '2.00' }],
    })
    expect(smallestMeetingOrder(usd, '2400', { USD: '7.00' }, maxLanded)).toEqual({ status: 'never' })
    const cheaper = { ...usd, tiers: [{ fromPacks: 100, pricePerPack: '1.95' }] }
    expect(smallestMeetingOrder(cheaper, '2400', { USD: '7.00' }, maxLanded)).toMatchObject({
      quotePacks: 100,
    })
    expect(smallestMeetingOrder(cheaper, '2400', {}, maxLanded)).toEqual({
      status: 'unknown',
      reason: 'noRate',
    })
  })

  it('expresses the answer as a retail plan when the packs differ', () => {
    // Bags of 100 抽 at ¥0.60 + ¥500 per shipment: 0.60 + 500 / q <= 0.65 ⇔ q >= 10,000 bags.
    // Retail packs of 24 bags: floor(9,999 / 24) + 1 = 417 packs, an order of 10,008 bags.
    const bags = quote({
      tiers: [{ fromPacks: 1, pricePerPack: '0.60' }],
      unitsPerPack: '100',
      freight: { kind: 'perShipment', amount: '500' },
    })
    expect(smallestMeetingOrder(bags, '2400', {}, maxLanded)).toMatchObject({
      quotePacks: 10_000,
      retailPacks: 417,
    })
  })

  it('has no retail plan when the rounded-up order falls into a dearer tier', () => {
    // As above, but from 10,005 bags the price rises to ¥0.70 (never meets): 10,000 bags meet, yet the
    // smallest retail plan reaching them (417 packs = 10,008 bags) lands in the dearer tier.
    const bags = quote({
      tiers: [
        { fromPacks: 1, pricePerPack: '0.60' },
        { fromPacks: 10_005, pricePerPack: '0.70' },
      ],
      unitsPerPack: '100',
      freight: { kind: 'perShipment', amount: '500' },
    })
    expect(smallestMeetingOrder(bags, '2400', {}, maxLanded)).toMatchObject({
      quotePacks: 10_000,
      retailPacks: null,
    })
  })
})
