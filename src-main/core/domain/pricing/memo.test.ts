import { describe, expect, it } from 'vitest'
import { Exact } from './exact'
import { BoundedMemo, quotePricingKey } from './memo'
import { smallestMeetingOrder } from './smallest-meeting'
import { quote } from './test-fixtures'
import type { PricingQuote } from './pricing.types'

const usd = quote({
  currency: 'USD',
  vatBasis: 'excluded',
  freight: { kind: 'perShipment', amount: '800' },
  freightCurrency: 'CNY',
  moqPacks: 500,
  tiers: [
    { fromPacks: 100, pricePerPack: '2.10' },
    { fromPacks: 1000, pricePerPack: '1.90' },
  ],
})
const rates = { USD: '7.20' }

describe('quotePricingKey', () => {
  it('changes with every field the pricing reads and with the rates of the quote’s currencies', () => {
    const variants: PricingQuote[] = [
      { ...usd, currency: 'EUR' },
      { ...usd, vatBasis: 'included' },
      { ...usd, vatRate: '0.09' },
      { ...usd, unitsPerPack: '2401' },
      { ...usd, freight: { kind: 'perPack', amount: '800' } },
      { ...usd, freight: { kind: 'perShipment', amount: '801' } },
      { ...usd, freightCurrency: 'USD' },
      { ...usd, moqPacks: null },
      { ...usd, tiers: [{ fromPacks: 100, pricePerPack: '2.10' }] },
      {
        ...usd,
        tiers: [
          { fromPacks: 100, pricePerPack: '2.10' },
          { fromPacks: 1001, pricePerPack: '1.90' },
        ],
      },
      {
        ...usd,
        tiers: [
          { fromPacks: 100, pricePerPack: '2.10' },
          { fromPacks: 1000, pricePerPack: '1.91' },
        ],
      },
    ]
    const keys = new Set([quotePricingKey(usd, rates), ...variants.map((q) => quotePricingKey(q, rates))])
    expect(keys.size).toBe(variants.length + 1)
    expect(quotePricingKey(usd, { USD: '7.10' })).not.toBe(quotePricingKey(usd, rates))
    expect(quotePricingKey({ ...usd, freightCurrency: 'EUR' }, { ...rates, EUR: '7.8' })).not.toBe(
      quotePricingKey({ ...usd, freightCurrency: 'EUR' }, { ...rates, EUR: '7.9' }),
    )
  })

  it('ignores what the pricing does not read: the id, the dates and other currencies’ rates', () => {
    const same = { ...usd, id: 'other', quoteDate: '2024-01-01', validUntil: '2024-02-01' }
    expect(quotePricingKey(same, { ...rates, EUR: '7.8' })).toBe(quotePricingKey(usd, rates))
  })
})

describe('remembered smallest meeting orders', () => {
  it('answer a changed quote or rate afresh, never from an earlier answer', () => {
    const maxLanded = Exact.of('0.0065')
    const q = quote({
      tiers: [{ fromPacks: 1, pricePerPack: '15.00' }],
      freight: { kind: 'perShipment', amount: '6000' },
    })
    const first = smallestMeetingOrder(q, '2400', {}, maxLanded)
    expect(first).toMatchObject({ status: 'found', quotePacks: 10_000 })
    expect(
      smallestMeetingOrder({ ...q, freight: { kind: 'perShipment', amount: '3000' } }, '2400', {}, maxLanded),
    ).toMatchObject({
      quotePacks: 5_000,
    })
    expect(smallestMeetingOrder(q, '2400', {}, Exact.of('0.00635'))).toMatchObject({ quotePacks: 25_000 })
    // The same question again gets an equal answer, not the object another caller may have changed.
    const again = smallestMeetingOrder(q, '2400', {}, maxLanded)
    expect(again).toEqual(first)
    expect(again).not.toBe(first)
  })
})

describe('BoundedMemo', () => {
  it('computes once per key and starts over when full', () => {
    const memo = new BoundedMemo<number>(2)
    let calls = 0
    const compute = () => ++calls
    expect([memo.get('a', compute), memo.get('a', compute), memo.get('b', compute)]).toEqual([1, 1, 2])
    memo.get('c', compute) // full: forgets a and b
    expect(memo.get('a', compute)).toBe(4)
  })
})
