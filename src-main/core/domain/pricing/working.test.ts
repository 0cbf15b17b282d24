import { describe, expect, it } from 'vitest'
import { compareWithAsk } from './negotiation'
import { observation, quote, sku } from './test-fixtures'

/**
 * The working of a USD case with freight per shipment, by hand: 10,000 retail packs × 2,400 抽 =
 * 24,000,000 抽; / 3,600 抽 per case = 6,666.67 → 6,667 cases; tier ≥ 3,000 at $3.50 (VAT included);
 * + $2,000 / 6,667 = $0.29999 freight → $3.79999; × 7.10 = ¥26.97989; / 3,600 = ¥0.0074944/抽;
 * / 0.65 = ¥0.0115299 planned retail; / ¥0.03 brand = 0.3843 of the brand's price → missed (> 1/3).
 */
describe('working of a row', () => {
  it('chains planned packs → units → cases → tier → VAT → freight → currency → per unit → retail → share → verdict', () => {
    const { rows } = compareWithAsk({
      sku: sku(),
      benchmarks: [observation({ observedAt: '2025-05-10' })],
      quotes: [
        quote({
          currency: 'USD',
          unitsPerPack: '3600',
          tiers: [{ fromPacks: 3000, pricePerPack: '3.50' }],
          freight: { kind: 'perShipment', amount: '2000' },
        }),
      ],
      rates: { USD: '7.10' },
      today: '2025-05-20',
    })
    const steps = rows[0]!.working
    expect(steps[0]).toEqual({ step: 'plannedRetailPacks', retailPacks: 10_000 })
    expect(steps[1]).toEqual({
      step: 'comparableUnits',
      unitsPerRetailPack: '2400',
      units: '24000000',
      unit: '抽',
    })
    expect(steps[2]).toMatchObject({ step: 'quotePacks', unitsPerPack: '3600', packs: 6667 })
    expect(Number((steps[2] as { exactPacks: string }).exactPacks)).toBeCloseTo(6666.6667, 4)
    expect(steps[3]).toEqual({
      step: 'tier',
      tierIndex: 0,
      fromPacks: 3000,
      nextFromPacks: null,
      pricePerPack: '3.50',
    })
    expect(steps[4]).toEqual({
      step: 'vat',
      basis: 'included',
      rate: '0.13',
      vatPerPack: '0',
      priceInclVat: '3.5',
    })
    expect(steps[5]).toMatchObject({ step: 'freight', kind: 'perShipment', amount: '2000' })
    expect(Number((steps[5] as { packCost: string }).packCost)).toBeCloseTo(3.79999, 5)
    expect(steps[6]).toMatchObject({ step: 'currency', currency: 'USD', fxRate: '7.1' })
    expect(Number((steps[7] as { unitCost: string }).unitCost)).toBeCloseTo(0.0074944, 7)
    expect(Number((steps[8] as { plannedRetailUnit: string }).plannedRetailUnit)).toBeCloseTo(0.0115299, 7)
    expect(steps[9]).toMatchObject({
      step: 'shareOfBrand',
      brandUnitPrice: '0.03',
      brand: '维达',
      channel: '山姆会员店',
    })
    expect(Number((steps[9] as { ratioToBrand: string }).ratioToBrand)).toBeCloseTo(0.38433, 5)
    expect(steps[10]).toMatchObject({
      step: 'verdict',
      targetRatio: '1/3',
      status: 'missed',
      maxLandedUnitCost: '0.0065',
    })
  })

  it('stops where the chain cannot go on, and says why', () => {
    const below = compareWithAsk({
      sku: sku(),
      benchmarks: [],
      quotes: [quote({ moqPacks: 20_000 }), quote({ id: 'free' })],
      rates: {},
      today: '2025-05-20',
    })
    const byId = new Map(below.rows.map((r) => [r.quoteId, r.working]))
    expect(byId.get('q')!.at(-1)).toEqual({
      step: 'unpriced',
      reason: 'belowMoq',
      minPacks: 20_000,
      minRetailPacks: 20_000,
      currency: null,
    })
    expect(byId.get('free')!.at(-1)).toEqual({ step: 'noBrandPrice', reason: 'noBenchmark' })
  })
})
