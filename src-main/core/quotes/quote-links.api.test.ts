import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { failed, ok } from '../../../test/integration/support/api-result'
import { seedPaperSku, type PaperSku } from '../../../test/integration/support/paper-sku'
import { createTempCore, type TempCore } from '../../../test/integration/support/temp-core'
import type { QuoteComparison } from '../domain/pricing'
import type { Quote } from './quotes.contract'

/**
 * Quotes where the buyer is: linked to the sample they were for, freight in its own currency, and the
 * stale-benchmark flag at the buyer's own age — through the dispatcher on a real SQLite file.
 */
describe('quotes linked to samples, freight currencies and the stale age', () => {
  let core: TempCore
  let paper: PaperSku
  const call = (name: string, input: unknown) => core.dispatch(name, input)

  beforeEach(async () => {
    core = await createTempCore({ wallClock: () => Date.parse('2026-12-01T12:00:00+08:00') })
    paper = await seedPaperSku(call)
  })
  afterEach(async () => {
    await core.dispose()
  })

  it('links a quote to a picked sample, which then lists it; old free text stays readable', async () => {
    const factory = paper.factories[0]!
    const sample = ok<{ id: string; code: string }>(
      await call('samples.create', {
        source: 'selectionCenter',
        factoryId: factory.id,
        name: '三层抽纸 样品',
      }),
    )
    const quote = ok<Quote>(
      await call('quotes.create', { ...paper.quoteA(), linkedSampleId: sample.id, sampleId: 'S-旧-7' }),
    )
    expect(quote).toMatchObject({
      linkedSampleId: sample.id,
      linkedSampleCode: sample.code,
      linkedSampleName: '三层抽纸 样品',
      sampleId: 'S-旧-7',
      skuName: '三层抽纸 100抽×24包',
    })
    const forSample = ok<Quote[]>(await call('quotes.list', { sampleId: sample.id }))
    expect(forSample.map((q) => q.id)).toEqual([quote.id])
    // A new round keeps the thread on the sample page (the latest round is listed).
    const revised = ok<Quote>(
      await call('quotes.revise', { id: quote.id, values: { ...paper.quoteA(), linkedSampleId: sample.id } }),
    )
    expect(ok<Quote[]>(await call('quotes.list', { sampleId: sample.id })).map((q) => q.id)).toEqual([
      revised.id,
    ])
  })

  it('refuses a sample of another factory, on the sample field, and writes nothing', async () => {
    const other = ok<{ id: string }>(
      await call('samples.create', {
        source: 'selectionCenter',
        factoryId: paper.factories[1]!.id,
        name: '别家的样品',
      }),
    )
    const error = failed(await call('quotes.create', { ...paper.quoteA(), linkedSampleId: other.id }))
    expect(error.fields).toEqual([
      expect.objectContaining({ path: ['linkedSampleId'], messageKey: 'errors.quote.sampleOtherFactory' }),
    ])
    expect(ok<Quote[]>(await call('quotes.list', { skuId: paper.sku.id }))).toEqual([])
  })

  it('converts CNY freight on a USD quote with the rates in Settings', async () => {
    // $2.00 per case of 2,400 抽 ex-freight, VAT incl.; freight ¥1.42 per case = $0.20 at 7.10.
    // 10,000 cases: ($2.00 + $0.20) × 7.10 = ¥15.62 per case → ¥0.006508333…/抽.
    const quote = ok<Quote>(
      await call('quotes.create', {
        ...paper.quoteA(),
        currency: 'USD',
        tiers: [{ fromPacks: 1000, pricePerPack: '2.00' }],
        freight: { kind: 'perPack', amount: '1.42' },
        freightCurrency: 'CNY',
      }),
    )
    expect(quote.freightCurrency).toBe('CNY')
    const { comparison } = ok<{ comparison: QuoteComparison }>(
      await call('targets.compare', { skuId: paper.sku.id }),
    )
    const row = comparison.rows[0]!
    expect(row.pricing.status).toBe('priced')
    if (row.pricing.status !== 'priced') return
    expect(row.pricing.cost.freightPerPack).toBe('0.2')
    expect(row.pricing.cost.landedPackCost).toBe('15.62')
    expect(row.unitCost?.startsWith('0.0065083333')).toBe(true)
    // The same freight given in the quote's own currency would be $1.42: far dearer — the currency counts.
    const inUsd = ok<Quote>(
      await call('quotes.update', {
        id: quote.id,
        values: {
          ...paper.quoteA(),
          currency: 'USD',
          tiers: [{ fromPacks: 1000, pricePerPack: '2.00' }],
          freight: { kind: 'perPack', amount: '1.42' },
        },
      }),
    )
    expect(inUsd.freightCurrency).toBe('')
    const again = ok<{ comparison: QuoteComparison }>(await call('targets.compare', { skuId: paper.sku.id }))
    const priced = again.comparison.rows[0]!.pricing
    expect(priced.status === 'priced' && priced.cost.landedPackCost).toBe('24.282')
  })

  it('asks for a rate of the freight currency', async () => {
    const error = failed(
      await call('quotes.create', {
        ...paper.quoteA(),
        freight: { kind: 'perShipment', amount: '500' },
        freightCurrency: 'EUR',
      }),
    )
    expect(error.fields?.[0]).toMatchObject({
      path: ['freightCurrency'],
      messageKey: 'errors.currency.noRate',
    })
  })

  it('flags a benchmark only when older than the quote by more than the age the buyer set', async () => {
    // Benchmarks were observed 2026-11-02; this quote is of 2026-11-20 (18 days later).
    ok(await call('quotes.create', { ...paper.quoteA(), quoteDate: '2026-11-20' }))
    const flagged = async () =>
      ok<{ comparison: QuoteComparison }>(await call('targets.compare', { skuId: paper.sku.id })).comparison
        .rows[0]!.flags.benchmarkOlderThanQuote
    expect(ok(await call('preferences.get', {}))).toEqual({ staleBenchmarkDays: 30 })
    expect(await flagged()).toBe(false)
    ok(await call('preferences.set', { staleBenchmarkDays: 14 }))
    expect(await flagged()).toBe(true)
    ok(await call('preferences.set', { staleBenchmarkDays: 18 }))
    expect(await flagged()).toBe(false)
    expect(failed(await call('preferences.set', { staleBenchmarkDays: -1 })).fields?.[0]).toMatchObject({
      path: ['staleBenchmarkDays'],
    })
  })
})
