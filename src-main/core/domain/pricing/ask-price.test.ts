import { describe, expect, it } from 'vitest'
import type { AskPrice, TierAsk } from './ask-price'
import { compareWithAsk } from './negotiation'
import type { PricingQuote } from './pricing.types'
import { observation, quote, sku } from './test-fixtures'

/**
 * Hand-worked ask prices. SKU: 2,400 抽 per retail pack, planned 10,000 packs = 24,000,000 抽, margin
 * 35%, target 1/3. Brand ¥72.00 / 2,400 抽 = ¥0.03/抽, so max retail ¥0.01/抽 and max landed
 * 0.01 × 0.65 = ¥0.0065/抽 — ¥15.60 for a case of 2,400 抽, ¥0.65 for a bag of 100 抽.
 */

const today = '2025-05-20'

function askOf(
  q: PricingQuote,
  overrides: Parameters<typeof sku>[0] = {},
  observedAt = '2025-05-10',
): AskPrice {
  const result = compareWithAsk({
    sku: sku(overrides),
    benchmarks: [observation({ observedAt })],
    quotes: [q],
    rates: { USD: '7.10' },
    today,
  })
  return (result.rows[0] as (typeof result.rows)[number]).ask
}

function okAsk(ask: AskPrice): Extract<AskPrice, { status: 'ok' }> {
  if (ask.status !== 'ok') throw new Error(`no ask price: ${ask.reason}`)
  return ask
}

function priced(ask: AskPrice): Extract<TierAsk, { status: 'ask' }> {
  const planned = okAsk(ask).planned
  if (planned.status !== 'ask') throw new Error(`planned order has no ask: ${planned.status}`)
  return planned
}

describe('ask price', () => {
  it('a VAT-included case: ¥15.60 at the planned tier, today ¥14.40 already meets (+¥1.20, +8.3%)', () => {
    const ask = askOf(
      quote({
        tiers: [
          { fromPacks: 1000, pricePerPack: '15.00' },
          { fromPacks: 5000, pricePerPack: '14.40' },
        ],
      }),
    )
    // 24,000,000 抽 / 2,400 = 10,000 cases → the 5,000 tier; 0.0065 × 2,400 = ¥15.60 per case.
    expect(priced(ask)).toMatchObject({
      tierIndex: 1,
      fromPacks: 5000,
      atPacks: 10_000,
      askPrice: '15.60',
      gapPerPack: '1.2',
      meetsToday: true,
    })
    expect(Number(priced(ask).gapShare)).toBeCloseTo(1.2 / 14.4, 12)
    expect(okAsk(ask).tiers.map((t) => t.status === 'ask' && t.askPrice)).toEqual(['15.60', '15.60'])
    expect(okAsk(ask).packContent).toEqual({ status: 'alreadyMeets' })
    expect(okAsk(ask).meetsAt).toEqual({ quotePacks: 1000, retailPacks: 1000, tierIndex: 0 })
  })

  it('an ex-VAT case with freight per case: ask ≤ ¥13.36 (ex-VAT), −¥1.04, −7.2%; 2,581 抽 per case would meet', () => {
    const ask = askOf(
      quote({
        vatBasis: 'excluded',
        tiers: [{ fromPacks: 1000, pricePerPack: '14.40' }],
        freight: { kind: 'perPack', amount: '0.50' },
      }),
    )
    // (15.60 − 0.50) / 1.13 = 13.3628… → ¥13.36; ¥13.37 × 1.13 + 0.50 = 15.6081 > 15.60 misses.
    expect(priced(ask)).toMatchObject({ askPrice: '13.36', gapPerPack: '-1.04', meetsToday: false })
    expect(Number(priced(ask).gapShare)).toBeCloseTo(-1.04 / 14.4, 12)
    // Today's case lands at 14.40 × 1.13 + 0.50 = ¥16.772; 16.772 / 0.0065 = 2,580.3 → 2,581 抽.
    expect(okAsk(ask).packContent).toMatchObject({
      status: 'more',
      unitsPerPack: '2400',
      unitsNeeded: '2581',
    })
    expect(okAsk(ask).meetsAt).toBeNull()
  })

  it('a USD case with freight per shipment: $2.99 at the planned 6,667 cases, and lower at the tier floor', () => {
    const ask = askOf(
      quote({
        currency: 'USD',
        unitsPerPack: '3600',
        tiers: [{ fromPacks: 3000, pricePerPack: '3.50' }],
        freight: { kind: 'perShipment', amount: '2000' },
      }),
    )
    // ceil(24,000,000 / 3,600) = 6,667 cases; budget 0.0065 × 3,600 / 7.10 = $3.29577 per case;
    // minus 2,000 / 6,667 = $0.29999 freight → $2.99578 → $2.99.
    expect(priced(ask)).toMatchObject({ atPacks: 6667, askPrice: '2.99', gapPerPack: '-0.51' })
    expect(okAsk(ask).currency).toBe('USD')
  })

  it('an ex-VAT bag: ¥0.56 per bag at 240,000 bags, today ¥0.55 meets', () => {
    const ask = askOf(
      quote({
        vatBasis: 'excluded',
        unitsPerPack: '100',
        tiers: [{ fromPacks: 100_000, pricePerPack: '0.55' }],
        freight: { kind: 'perPack', amount: '0.01' },
      }),
    )
    // (0.65 − 0.01) / 1.13 = 0.56637… → ¥0.56.
    expect(priced(ask)).toMatchObject({ atPacks: 240_000, askPrice: '0.56', meetsToday: true })
  })

  it('says why instead of a negative figure: freight alone exceeds, or the price would be under a cent', () => {
    const freightAlone = askOf(quote({ freight: { kind: 'perPack', amount: '16.00' } }))
    expect(okAsk(freightAlone).planned).toMatchObject({ status: 'none', reason: 'freightExceeds' })
    const tiny = askOf(quote({ unitsPerPack: '1' }), { unitsPerRetailPack: '1' })
    expect(okAsk(tiny).planned).toMatchObject({ status: 'none', reason: 'belowCent' })
  })

  it('no benchmark, a stale benchmark or a currency without a rate gives a reason, not a price', () => {
    const none = compareWithAsk({ sku: sku(), benchmarks: [], quotes: [quote()], rates: {}, today })
    expect(none.rows[0]?.ask).toMatchObject({ status: 'unavailable', reason: 'noBenchmark' })
    expect(askOf(quote(), {}, '2025-04-01')).toMatchObject({
      status: 'unavailable',
      reason: 'benchmarkStale',
    })
    expect(askOf(quote(), {}, '2025-04-20')).toMatchObject({ status: 'ok' })
    expect(askOf(quote({ currency: 'EUR' }))).toMatchObject({ status: 'unavailable', reason: 'noRate' })
    const lenient = compareWithAsk(
      {
        sku: sku(),
        benchmarks: [observation({ observedAt: '2024-01-01' })],
        quotes: [quote()],
        rates: {},
        today,
      },
      { benchmarkMaxAgeDays: null },
    )
    expect(lenient.rows[0]?.ask.status).toBe('ok')
  })

  it('a planned order below the MOQ still gets an ask at each tier, and the order size that meets', () => {
    const ask = okAsk(
      askOf(
        quote({
          moqPacks: 20_000,
          tiers: [
            { fromPacks: 5000, pricePerPack: '16.00' },
            { fromPacks: 30_000, pricePerPack: '15.00' },
          ],
        }),
      ),
    )
    expect(ask.planned).toMatchObject({ status: 'unpriced', reason: 'belowMoq', minPacks: 20_000 })
    expect(ask.packContent).toEqual({ status: 'none', reason: 'belowMoq' })
    // Tier 1 from 5,000 is ordered from the MOQ of 20,000 on; both tiers ask ≤ ¥15.60.
    expect(ask.tiers).toMatchObject([
      { status: 'ask', atPacks: 20_000, askPrice: '15.60', meetsToday: false },
      { status: 'ask', atPacks: 30_000, askPrice: '15.60', meetsToday: true },
    ])
    expect(ask.meetsAt).toEqual({ quotePacks: 30_000, retailPacks: 30_000, tierIndex: 1 })
  })

  it('a tier the MOQ lies above cannot be ordered', () => {
    const ask = okAsk(
      askOf(
        quote({
          moqPacks: 6000,
          tiers: [
            { fromPacks: 1000, pricePerPack: '16.00' },
            { fromPacks: 5000, pricePerPack: '15.00' },
          ],
        }),
      ),
    )
    expect(ask.tiers[0]).toMatchObject({ status: 'none', reason: 'tierUnreachable', atPacks: null })
  })
})
