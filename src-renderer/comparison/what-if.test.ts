import { compareQuotes, type CompareQuotesInput } from '@core/domain/pricing'
import { describe, expect, it } from 'vitest'
import { draftOf, readWhatIf } from './what-if'

/** The paper SKU of the integration tests: brand ¥0.0300/抽, 35% margin, 1/3; quote A at ¥0.0060/抽. */
const input: CompareQuotesInput = {
  sku: {
    unit: '抽',
    unitsPerRetailPack: '2400',
    plannedOrderRetailPacks: 10000,
    targetRatio: '1/3',
    targetGrossMargin: '0.35',
    benchmarkChannel: null,
  },
  benchmarks: [
    {
      id: 'b1',
      brand: '维达',
      channel: '山姆会员店',
      shelfPrice: '72.00',
      unitsPerPack: '2400',
      observedAt: '2026-11-02',
      currency: 'CNY',
    },
  ],
  quotes: [
    {
      id: 'a',
      currency: 'CNY',
      vatBasis: 'included',
      vatRate: '0.13',
      tiers: [
        { fromPacks: 1000, pricePerPack: '15.00' },
        { fromPacks: 5000, pricePerPack: '14.40' },
      ],
      unitsPerPack: '2400',
      freight: { kind: 'included' },
      moqPacks: null,
      quoteDate: '2026-11-01',
      validUntil: null,
    },
  ],
  rates: {},
  today: '2026-12-01',
}

describe('what-if controls', () => {
  it('start from the SKU’s own plan, margin in percent', () => {
    expect(draftOf(input.sku)).toEqual({
      plannedOrderRetailPacks: 10000,
      marginPercent: 35,
      targetRatio: '1/3',
    })
    expect(readWhatIf(draftOf(input.sku))).toEqual({
      whatIf: { plannedOrderRetailPacks: 10000, targetGrossMargin: '0.35', targetRatio: '1/3' },
      errors: {},
    })
  })

  it('turn a 60% margin into a miss, and a smaller order into the dearer tier', () => {
    const atSixty = readWhatIf({ ...draftOf(input.sku), marginPercent: 60 })
    expect(atSixty.whatIf.targetGrossMargin).toBe('0.6')
    const missed = compareQuotes({ ...input, whatIf: atSixty.whatIf })
    expect(missed.summary.maxLandedUnitCost).toBe('0.004')
    expect(missed.summary.status).toBe('missed')

    const small = compareQuotes({
      ...input,
      whatIf: readWhatIf({ ...draftOf(input.sku), plannedOrderRetailPacks: 2000 }).whatIf,
    })
    expect(small.rows[0]?.unitCost).toBe('0.00625')
    expect(small.summary.status).toBe('met')
  })

  it('ignore a control while its text is invalid and say why', () => {
    const reading = readWhatIf({ plannedOrderRetailPacks: '', marginPercent: 100, targetRatio: '3/1' })
    expect(reading.whatIf).toEqual({})
    expect(reading.errors).toEqual({
      plannedOrderRetailPacks: 'errors.required',
      marginPercent: 'errors.margin.tooHigh',
      targetRatio: 'errors.ratio.range',
    })
  })
})
