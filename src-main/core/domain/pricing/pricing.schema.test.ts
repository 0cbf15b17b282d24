import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { fieldErrorsFromZod } from '../../api/errors'
import {
  BenchmarkObservationSchema,
  CompareQuotesInputSchema,
  PackSpecSchema,
  pricingQuoteSchemaWithRates,
  PricingQuoteSchema,
  PricingSkuSchema,
  WhatIfSchema,
} from './pricing.schema'

/** The field errors a schema reports, as [path, messageKey] pairs. */
function problems(schema: z.ZodType, value: unknown): [string, string][] {
  const result = schema.safeParse(value)
  if (result.success) return []
  return fieldErrorsFromZod(result.error).map((f) => [f.path.join('.'), f.messageKey])
}

const goodQuote = {
  id: 'q1',
  currency: 'usd',
  vatBasis: 'excluded',
  tiers: [
    { fromPacks: 500, pricePerPack: '38.00' },
    { fromPacks: 2000, pricePerPack: '36.50' },
  ],
  unitsPerPack: '2400',
  freight: { kind: 'perShipment', amount: '1500' },
  moqPacks: 500,
  quoteDate: '2025-05-10',
  validUntil: '2025-06-30',
}

describe('PricingQuoteSchema', () => {
  it('accepts a quote and fills defaults (13% VAT, freight included, CNY)', () => {
    expect(PricingQuoteSchema.parse(goodQuote)).toMatchObject({ currency: 'USD', vatRate: '0.13' })
    const minimal = PricingQuoteSchema.parse({
      id: 'q',
      vatBasis: 'included',
      tiers: [{ fromPacks: 1, pricePerPack: '9.9' }],
      unitsPerPack: '100',
      quoteDate: '2025-05-10',
    })
    expect(minimal).toEqual({
      id: 'q',
      currency: 'CNY',
      vatBasis: 'included',
      vatRate: '0.13',
      tiers: [{ fromPacks: 1, pricePerPack: '9.9' }],
      unitsPerPack: '100',
      freight: { kind: 'included' },
      moqPacks: null,
      quoteDate: '2025-05-10',
      validUntil: null,
    })
  })

  it('rejects unsorted tiers on the tier out of order', () => {
    const tiers = [
      { fromPacks: 2000, pricePerPack: '36.50' },
      { fromPacks: 500, pricePerPack: '38.00' },
    ]
    expect(problems(PricingQuoteSchema, { ...goodQuote, tiers })).toEqual([
      ['tiers.1.fromPacks', 'errors.tiers.unsorted'],
    ])
  })

  it('rejects two tiers from the same quantity as overlapping', () => {
    const tiers = [
      { fromPacks: 500, pricePerPack: '38.00' },
      { fromPacks: 500, pricePerPack: '36.50' },
    ]
    expect(problems(PricingQuoteSchema, { ...goodQuote, tiers })).toEqual([
      ['tiers.1.fromPacks', 'errors.tiers.overlap'],
    ])
  })

  it('rejects zero or negative quantities and prices on their fields', () => {
    const tiers = [
      { fromPacks: 0, pricePerPack: '38.00' },
      { fromPacks: 500, pricePerPack: '0' },
      { fromPacks: 900, pricePerPack: '-1.5' },
    ]
    expect(problems(PricingQuoteSchema, { ...goodQuote, tiers, moqPacks: -5 })).toEqual([
      ['tiers.0.fromPacks', 'errors.positive'],
      ['tiers.1.pricePerPack', 'errors.positive'],
      ['tiers.2.pricePerPack', 'errors.positive'],
      ['moqPacks', 'errors.positive'],
    ])
    expect(problems(PricingQuoteSchema, { ...goodQuote, freight: { kind: 'perPack', amount: '0' } })).toEqual(
      [['freight.amount', 'errors.positive']],
    )
    expect(problems(PricingQuoteSchema, { ...goodQuote, tiers: [] })).toEqual([
      ['tiers', 'errors.tiers.required'],
    ])
  })

  it('rejects a pack with no comparable units', () => {
    expect(problems(PricingQuoteSchema, { ...goodQuote, unitsPerPack: '0' })).toEqual([
      ['unitsPerPack', 'errors.pack.noUnits'],
    ])
    expect(problems(PackSpecSchema, [])).toEqual([['', 'errors.pack.noUnits']])
    expect(problems(PackSpecSchema, [{ count: 0, label: '包' }])).toEqual([['0.count', 'errors.positive']])
  })

  it('rejects a validity date before the quote date, on validUntil', () => {
    expect(problems(PricingQuoteSchema, { ...goodQuote, validUntil: '2025-05-09' })).toEqual([
      ['validUntil', 'errors.validUntil.beforeQuoteDate'],
    ])
    expect(problems(PricingQuoteSchema, { ...goodQuote, validUntil: '2025-05-10' })).toEqual([])
    expect(problems(PricingQuoteSchema, { ...goodQuote, quoteDate: '2025-02-30' })).toEqual([
      ['quoteDate', 'errors.date.invalid'],
    ])
  })

  it('rejects text that is not a decimal, and a VAT rate of 100%', () => {
    expect(problems(PricingQuoteSchema, { ...goodQuote, vatRate: '13%' })).toEqual([
      ['vatRate', 'errors.decimal.invalid'],
    ])
    expect(problems(PricingQuoteSchema, { ...goodQuote, vatRate: '1' })).toEqual([
      ['vatRate', 'errors.vat.rateTooHigh'],
    ])
    expect(problems(PricingQuoteSchema, { ...goodQuote, unitsPerPack: '1e3' })).toEqual([
      ['unitsPerPack', 'errors.decimal.invalid'],
    ])
  })

  it('rejects a currency without a rate when checked against the rates', () => {
    expect(problems(pricingQuoteSchemaWithRates({ EUR: '7.8' }), goodQuote)).toEqual([
      ['currency', 'errors.currency.noRate'],
    ])
    expect(problems(pricingQuoteSchemaWithRates({ USD: '7.10' }), goodQuote)).toEqual([])
    expect(problems(pricingQuoteSchemaWithRates({}), { ...goodQuote, currency: 'CNY' })).toEqual([])
  })
})

describe('PricingSkuSchema', () => {
  const goodSku = {
    unit: '抽',
    unitsPerRetailPack: '2400',
    plannedOrderRetailPacks: 10000,
    targetGrossMargin: '0.35',
  }

  it('defaults the target ratio to exactly one third', () => {
    expect(PricingSkuSchema.parse(goodSku)).toMatchObject({ targetRatio: '1/3', benchmarkChannel: null })
    expect(PricingSkuSchema.parse({ ...goodSku, targetRatio: '0.3' }).targetRatio).toBe('0.3')
  })

  it('rejects a margin of 100% or more, a bad ratio, and a zero plan', () => {
    expect(problems(PricingSkuSchema, { ...goodSku, targetGrossMargin: '1' })).toEqual([
      ['targetGrossMargin', 'errors.margin.tooHigh'],
    ])
    expect(problems(PricingSkuSchema, { ...goodSku, targetGrossMargin: '1.2' })).toEqual([
      ['targetGrossMargin', 'errors.margin.tooHigh'],
    ])
    expect(problems(PricingSkuSchema, { ...goodSku, targetRatio: '1/0' })).toEqual([
      ['targetRatio', 'errors.ratio.range'],
    ])
    expect(problems(PricingSkuSchema, { ...goodSku, targetRatio: 'a third' })).toEqual([
      ['targetRatio', 'errors.ratio.invalid'],
    ])
    expect(problems(PricingSkuSchema, { ...goodSku, plannedOrderRetailPacks: 0 })).toEqual([
      ['plannedOrderRetailPacks', 'errors.positive'],
    ])
    expect(problems(PricingSkuSchema, { ...goodSku, plannedOrderRetailPacks: 2.5 })).toEqual([
      ['plannedOrderRetailPacks', 'errors.integer'],
    ])
  })

  it('checks what-if overrides the same way', () => {
    expect(problems(WhatIfSchema, { targetGrossMargin: '1' })).toEqual([
      ['targetGrossMargin', 'errors.margin.tooHigh'],
    ])
    expect(problems(WhatIfSchema, { plannedOrderRetailPacks: 3000, targetRatio: '1/4' })).toEqual([])
  })
})

describe('BenchmarkObservationSchema and CompareQuotesInputSchema', () => {
  const obs = {
    id: 'b',
    brand: '维达',
    channel: '山姆会员店',
    shelfPrice: '72.00',
    unitsPerPack: '2400',
    observedAt: '2025-05-01',
  }

  it('accepts an observation in CNY by default and rejects a free shelf price', () => {
    expect(BenchmarkObservationSchema.parse(obs).currency).toBe('CNY')
    expect(problems(BenchmarkObservationSchema, { ...obs, shelfPrice: '0' })).toEqual([
      ['shelfPrice', 'errors.positive'],
    ])
  })

  it('puts errors on paths inside the comparison input', () => {
    const input = {
      sku: {
        unit: '抽',
        unitsPerRetailPack: '2400',
        plannedOrderRetailPacks: 10000,
        targetGrossMargin: '0.35',
      },
      benchmarks: [obs],
      quotes: [goodQuote],
      rates: { USD: '7.10' },
      today: '2025-05-20',
    }
    expect(CompareQuotesInputSchema.safeParse(input).success).toBe(true)
    // a missing rate is not an input error: the comparison reports it on the quote
    expect(CompareQuotesInputSchema.safeParse({ ...input, rates: {} }).success).toBe(true)
    expect(problems(CompareQuotesInputSchema, { ...input, rates: { USD: '0' } })).toEqual([
      ['rates.USD', 'errors.positive'],
    ])
    const badSecond = { ...input, quotes: [goodQuote, { ...goodQuote, id: 'q2', unitsPerPack: '0' }] }
    expect(problems(CompareQuotesInputSchema, badSecond)).toEqual([
      ['quotes.1.unitsPerPack', 'errors.pack.noUnits'],
    ])
    expect(problems(CompareQuotesInputSchema, { ...input, whatIf: { targetGrossMargin: '1' } })).toEqual([
      ['whatIf.targetGrossMargin', 'errors.margin.tooHigh'],
    ])
  })
})
