import { describe, expect, it } from 'vitest'
import { displayMoney, displayUnitPrice } from './display'
import { landedCost } from './landed-cost'
import { quote } from './test-fixtures'

describe('landedCost, worked by hand', () => {
  it('case of 24 包 × 100 抽 at ¥38.00 ex-VAT, 13% VAT, ¥1.20 freight per case', () => {
    // VAT 38 × 0.13 = 4.94; incl. VAT 42.94; + 1.20 freight = 44.14 per case;
    // 44.14 / 2,400 抽 = ¥0.0183916… per 抽 (shown ¥0.0184)
    const outcome = landedCost(
      quote({
        vatBasis: 'excluded',
        tiers: [{ fromPacks: 100, pricePerPack: '38.00' }],
        unitsPerPack: '2400',
        freight: { kind: 'perPack', amount: '1.20' },
      }),
      5000,
      {},
    )
    expect(outcome.status).toBe('priced')
    if (outcome.status !== 'priced') return
    const c = outcome.cost
    expect(c.tierIndex).toBe(0)
    expect(c.vatPerPack).toBe('4.94')
    expect(c.priceInclVatPerPack).toBe('42.94')
    expect(c.freightPerPack).toBe('1.2')
    expect(c.landedPackCostQuoted).toBe('44.14')
    expect(c.fxRate).toBe('1')
    expect(c.landedPackCost).toBe('44.14')
    expect(c.unitCost).toBe('0.01839166666666666666666666666666666666667')
    expect(displayUnitPrice(c.unitCost)).toBe('0.01839')
    expect(displayMoney(c.landedPackCost)).toBe('44.14')
  })

  it('a USD bundle price, VAT and freight included', () => {
    // $5.00 per bundle of 100 抽 × 7.10 = ¥35.50 per bundle; / 100 = ¥0.355 per 抽
    const outcome = landedCost(
      quote({ currency: 'USD', tiers: [{ fromPacks: 1, pricePerPack: '5.00' }], unitsPerPack: '100' }),
      50,
      {
        USD: '7.10',
      },
    )
    expect(outcome).toMatchObject({
      status: 'priced',
      cost: {
        vatPerPack: '0',
        freightPerPack: '0',
        fxRate: '7.1',
        landedPackCost: '35.5',
        unitCost: '0.355',
      },
    })
  })

  it('freight in its own currency: ¥8,000 per shipment on a USD quote, converted at the manual rate', () => {
    // ¥8,000 / 7.10 = $1,126.76… for the shipment; / 1,000 cases = $1.1267605… per case;
    // ($20.00 + $1.1267605…) × 7.10 = ¥150.00 per case exactly (142 + 8): nothing lost to rounding.
    const outcome = landedCost(
      quote({
        currency: 'USD',
        tiers: [{ fromPacks: 1, pricePerPack: '20.00' }],
        unitsPerPack: '100',
        freight: { kind: 'perShipment', amount: '8000' },
        freightCurrency: 'CNY',
      }),
      1000,
      { USD: '7.10' },
    )
    expect(outcome.status === 'priced' && outcome.cost.landedPackCost).toBe('150')
    expect(outcome.status === 'priced' && displayMoney(outcome.cost.freightPerPack)).toBe('1.13')
    // A freight currency without a rate is named, not priced at 0.
    const missing = landedCost(
      quote({ freight: { kind: 'perPack', amount: '1' }, freightCurrency: 'EUR' }),
      1000,
      { USD: '7.10' },
    )
    expect(missing).toMatchObject({ status: 'noRate', currency: 'EUR' })
  })

  it('per-shipment freight is spread over the order', () => {
    // 24 rolls × 150 sheets = 3,600 per case at ¥30.00 incl. VAT; ¥2,000 per shipment over 2,000 cases
    // = ¥1.00 per case; (30 + 1) / 3,600 = ¥0.0086111… per sheet
    const q = quote({
      tiers: [{ fromPacks: 1000, pricePerPack: '30.00' }],
      unitsPerPack: '3600',
      freight: { kind: 'perShipment', amount: '2000' },
    })
    const at2000 = landedCost(q, 2000, {})
    expect(at2000).toMatchObject({ status: 'priced', cost: { freightPerPack: '1', landedPackCost: '31' } })
    if (at2000.status === 'priced') expect(displayUnitPrice(at2000.cost.unitCost)).toBe('0.008611')
    // at 4,000 cases the same shipment costs ¥0.50 per case
    expect(landedCost(q, 4000, {})).toMatchObject({ cost: { freightPerPack: '0.5', landedPackCost: '30.5' } })
  })

  it('picks the tier for the order size', () => {
    const q = quote({
      tiers: [
        { fromPacks: 500, pricePerPack: '40.00' },
        { fromPacks: 2000, pricePerPack: '36.00' },
      ],
    })
    expect(landedCost(q, 1999, {})).toMatchObject({ cost: { tierIndex: 0, landedPackCost: '40' } })
    expect(landedCost(q, 2000, {})).toMatchObject({ cost: { tierIndex: 1, landedPackCost: '36' } })
  })

  it('flags an order below the lowest tier or MOQ instead of pricing it', () => {
    const q = quote({ tiers: [{ fromPacks: 500, pricePerPack: '40.00' }] })
    expect(landedCost(q, 499, {})).toEqual({ status: 'belowLowestTier', orderPacks: 499, minPacks: 500 })
    expect(landedCost({ ...q, moqPacks: 800 }, 600, {})).toEqual({
      status: 'belowMoq',
      orderPacks: 600,
      minPacks: 800,
    })
  })

  it('reports a currency without a rate instead of pricing it at 0', () => {
    expect(landedCost(quote({ currency: 'EUR' }), 10, { USD: '7.10' })).toEqual({
      status: 'noRate',
      orderPacks: 10,
      currency: 'EUR',
    })
  })

  it('has no binary-float artefacts', () => {
    // 0.1 per pack + 0.2 freight per pack = 0.3, not 0.30000000000000004
    const outcome = landedCost(
      quote({
        tiers: [{ fromPacks: 1, pricePerPack: '0.1' }],
        unitsPerPack: '1',
        freight: { kind: 'perPack', amount: '0.2' },
      }),
      3,
      {},
    )
    expect(outcome).toMatchObject({ cost: { landedPackCost: '0.3', unitCost: '0.3' } })
    // ex-VAT 0.1 at 13%: 0.113 exactly; ¥1.15 × 100 units / 100 = 1.15 (float gives 1.1499999999999999)
    expect(
      landedCost(
        quote({ vatBasis: 'excluded', tiers: [{ fromPacks: 1, pricePerPack: '0.1' }], unitsPerPack: '1' }),
        1,
        {},
      ),
    ).toMatchObject({
      cost: { priceInclVatPerPack: '0.113' },
    })
    expect(
      landedCost(quote({ tiers: [{ fromPacks: 1, pricePerPack: '115' }], unitsPerPack: '100' }), 1, {}),
    ).toMatchObject({
      cost: { unitCost: '1.15' },
    })
  })
})
