import { describe, expect, it } from 'vitest'
import { quote, sku } from './test-fixtures'
import { curveQuantities, unitCostCurve } from './unit-cost-curve'

// Case of 2,400 抽 (one retail pack each): ¥16.80 from 1,000 cases, ¥14.40 from 5,000, VAT incl.,
// ¥2,400 per shipment. At 1,000: (16.80 + 2.40) / 2,400 = 0.008; at 4,000: (16.80 + 0.60) / 2,400 = 0.00725;
// at 5,000: (14.40 + 0.48) / 2,400 = 0.0062.
const q = quote({
  tiers: [
    { fromPacks: 1000, pricePerPack: '16.80' },
    { fromPacks: 5000, pricePerPack: '14.40' },
  ],
  freight: { kind: 'perShipment', amount: '2400' },
})

describe('unitCostCurve', () => {
  it('gives the unit cost at each order size, null where the quote does not price it', () => {
    expect(unitCostCurve(q, sku(), {}, [500, 1000, 4000, 5000])).toEqual([
      { retailPacks: 500, quotePacks: 500, unitCost: null, tierIndex: null },
      { retailPacks: 1000, quotePacks: 1000, unitCost: '0.008', tierIndex: 0 },
      { retailPacks: 4000, quotePacks: 4000, unitCost: '0.00725', tierIndex: 0 },
      { retailPacks: 5000, quotePacks: 5000, unitCost: '0.0062', tierIndex: 1 },
    ])
  })

  it('converts retail packs to the quote pack', () => {
    // 12 retail packs of 2,400 = 28,800 抽 = 8 cases of 3,600
    const big = { ...q, unitsPerPack: '3600', tiers: [{ fromPacks: 1, pricePerPack: '36.00' }] }
    expect(unitCostCurve(big, sku(), {}, [12])).toMatchObject([{ quotePacks: 8, tierIndex: 0 }])
  })
})

describe('curveQuantities', () => {
  it('includes the plan, each minimum and both sides of each tier start, sorted', () => {
    expect(curveQuantities([q], sku({ plannedOrderRetailPacks: 10_000 }))).toEqual([
      1000, 4999, 5000, 10_000, 15_000,
    ])
  })
})
