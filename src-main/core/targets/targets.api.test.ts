import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { failed, ok } from '../../../test/integration/support/api-result'
import { CASE_2400, seedPaperSku, type PaperSku } from '../../../test/integration/support/paper-sku'
import { createTempCore, type TempCore } from '../../../test/integration/support/temp-core'
import type { Quote } from '../quotes/quotes.contract'
import type { Sku } from '../skus/skus.contract'
import type { NegotiatedComparison, QuoteComparison } from '../domain/pricing'
import type { NegotiationSheet, QuoteLabel, TargetDashboardRow } from './targets.contract'

/**
 * SKU → benchmarks → quotes → comparison, through the dispatcher on a real SQLite file, with numbers a
 * buyer can check by hand:
 *
 * SKU 三层抽纸 100抽×24包: 2,400 抽 per retail pack, planned 10,000 packs = 24,000,000 抽, margin 35%, 1/3.
 * Brand: 山姆 ¥72.00 / 2,400 抽 = ¥0.0300/抽 (the lowest), 天猫 ¥81.60 / 2,400 = ¥0.0340/抽.
 * Max retail = 0.03 × 1/3 = ¥0.0100/抽; max landed = 0.0100 × 0.65 = ¥0.0065/抽.
 *
 * A: CNY, VAT incl., case 24包×100抽 (2,400), tiers 1,000 → ¥15.00, 5,000 → ¥14.40, freight included.
 *    10,000 cases → ¥14.40 / 2,400 = ¥0.0060/抽 → met; planned retail 0.006/0.65 = 0.0092308; ratio 0.3077.
 * B: CNY ex-VAT 13%, bag of 100抽, from 100,000 bags ¥0.55, freight ¥0.01 per bag.
 *    240,000 bags → (0.55 × 1.13 + 0.01) / 100 = ¥0.006315/抽 → met; ratio 0.006315/0.65/0.03 = 0.3238.
 * C: USD at 7.10, VAT incl., case 24卷×150抽 (3,600), from 3,000 cases $3.50, $2,000 freight per shipment.
 *    ceil(24,000,000 / 3,600) = 6,667 cases → (3.50 + 2000/6667) × 7.10 / 3,600 = ¥0.0074944/抽 → missed.
 */

describe('SKU targets and quote comparison', () => {
  let core: TempCore
  let sku: Sku
  let quoteA: PaperSku['quoteA']
  let enterThreeQuotes: PaperSku['enterThreeQuotes']
  const call = (name: string, input: unknown) => core.dispatch(name, input)

  beforeEach(async () => {
    // Today is 2026-12-01 for expiry (noon, so every time zone agrees on the date).
    core = await createTempCore({ wallClock: () => Date.parse('2026-12-01T12:00:00+08:00') })
    ;({ sku, quoteA, enterThreeQuotes } = await seedPaperSku(call))
  })
  afterEach(async () => {
    await core.dispose()
  })

  it('ranks three quotes of different shapes by landed unit cost and judges the one-third target', async () => {
    const [a, b, c] = await enterThreeQuotes()
    const { comparison, labels } = ok<{ comparison: QuoteComparison; labels: QuoteLabel[] }>(
      await call('targets.compare', { skuId: sku.id }),
    )
    expect(comparison.rows.map((r) => r.quoteId)).toEqual([a!.id, b!.id, c!.id])
    expect(labels.find((l) => l.quoteId === a!.id)?.factoryName).toBe('晋江示例纸业')

    const [rowA, rowB, rowC] = comparison.rows
    expect(rowA!.unitCost).toBe('0.006')
    expect(rowA!.verdict).toMatchObject({ status: 'met', met: true })
    expect(Number(rowA!.verdict!.ratioToBrand)).toBeCloseTo(0.3077, 4)
    expect(rowA!.pricing.status === 'priced' && rowA!.pricing.cost.tier.fromPacks).toBe(5000)

    expect(rowB!.unitCost).toBe('0.006315')
    expect(rowB!.verdict?.status).toBe('met')
    expect(rowB!.pricing.status === 'priced' && rowB!.pricing.cost.vatPerPack).toBe('0.0715')

    expect(Number(rowC!.unitCost)).toBeCloseTo(0.0074944, 7)
    expect(rowC!.verdict?.status).toBe('missed')
    expect(rowC!.orderPacks).toBe(6667)

    expect(comparison.summary).toMatchObject({
      status: 'met',
      bestQuoteId: a!.id,
      maxLandedUnitCost: '0.0065',
      maxRetailUnit: '0.01',
    })
    expect(comparison.summary.brand.status === 'ok' && comparison.summary.brand.observation.channel).toBe(
      '山姆会员店',
    )
  })

  it('gives each quote the price to ask for per pack, in its own currency and VAT basis, with the working', async () => {
    const [a, b, c] = await enterThreeQuotes()
    const { comparison } = ok<{ comparison: NegotiatedComparison }>(
      await call('targets.compare', { skuId: sku.id }),
    )
    const row = (id: string) => comparison.rows.find((r) => r.quoteId === id)!
    // A: max landed ¥0.0065 × 2,400 = ¥15.60 per case (VAT and freight included); today ¥14.40 meets.
    expect(row(a!.id).ask).toMatchObject({
      status: 'ok',
      currency: 'CNY',
      vatBasis: 'included',
      planned: { status: 'ask', fromPacks: 5000, atPacks: 10_000, askPrice: '15.60', meetsToday: true },
      meetsAt: { quotePacks: 1000, retailPacks: 1000, tierIndex: 0 },
    })
    // B: (0.65 − 0.01) / 1.13 = ¥0.5663… → ask ≤ ¥0.56 per bag ex-VAT.
    expect(row(b!.id).ask).toMatchObject({ vatBasis: 'excluded', planned: { askPrice: '0.56' } })
    // C: $3.29577 budget − $2,000 / 6,667 freight = $2.99578 → ask ≤ $2.99, −$0.51 (−14.6%).
    const askC = row(c!.id).ask
    expect(askC).toMatchObject({ currency: 'USD', planned: { askPrice: '2.99', gapPerPack: '-0.51' } })
    expect(
      askC.status === 'ok' && askC.planned.status === 'ask' && Number(askC.planned.gapShare),
    ).toBeCloseTo(-0.51 / 3.5, 10)
    expect(row(c!.id).working.map((s) => s.step)).toEqual([
      'plannedRetailPacks',
      'comparableUnits',
      'quotePacks',
      'tier',
      'vat',
      'freight',
      'currency',
      'perUnit',
      'plannedRetail',
      'shareOfBrand',
      'verdict',
    ])
    expect(row(c!.id).working[2]).toMatchObject({ step: 'quotePacks', packs: 6667 })
  })

  it('builds the negotiation sheet: a page per factory for an SKU, and a factory’s page across its SKUs', async () => {
    const [a, , c] = await enterThreeQuotes()
    const sheet = ok<NegotiationSheet>(await call('targets.negotiation', { skuId: sku.id }))
    expect(sheet.today).toBe('2026-12-01')
    expect(sheet.pages.map((p) => p.factoryName)).toEqual(['晋江示例纸业', '保定示例纸品', '东莞示例纸业'])
    const first = sheet.pages[0]!.skus[0]!
    expect(first.skuName).toBe(sku.name)
    expect(first.summary.maxLandedUnitCost).toBe('0.0065')
    expect(first.quotes[0]!.quote.packSpec).toEqual(CASE_2400)
    expect(first.quotes[0]!.row.ask).toMatchObject({ status: 'ok', planned: { askPrice: '15.60' } })

    const factory = ok<NegotiationSheet>(await call('targets.negotiation', { factoryId: c!.factoryId }))
    expect(factory.pages).toHaveLength(1)
    expect(factory.pages[0]!.skus[0]!.quotes.map((q) => q.quote.id)).toEqual([c!.id])
    expect(factory.pages[0]!.skus[0]!.quotes[0]!.row.ask).toMatchObject({ planned: { askPrice: '2.99' } })
    expect(a!.factoryId).not.toBe(c!.factoryId)
    expect(failed(await call('targets.negotiation', {})).code).toBe('validation')
  })

  it('recomputes a what-if without saving it', async () => {
    await enterThreeQuotes()
    // At a 60% margin the max landed cost is 0.01 × 0.40 = ¥0.0040/抽: every quote misses.
    const whatIf = ok<{ comparison: QuoteComparison }>(
      await call('targets.compare', { skuId: sku.id, whatIf: { targetGrossMargin: '0.6' } }),
    )
    expect(whatIf.comparison.summary.maxLandedUnitCost).toBe('0.004')
    expect(whatIf.comparison.summary.status).toBe('missed')
    const saved = ok<Sku>(await call('skus.get', { id: sku.id }))
    expect(saved.targetMargin).toBe('0.35')
  })

  it('keeps the earlier rounds when a quote is revised, and compares the latest', async () => {
    const first = ok<Quote>(await call('quotes.create', quoteA()))
    const revised = ok<Quote>(
      await call('quotes.revise', {
        id: first.id,
        values: { ...quoteA(), quoteDate: '2026-11-10', tiers: [{ fromPacks: 1000, pricePerPack: '13.20' }] },
      }),
    )
    expect(revised).toMatchObject({ threadId: first.id, round: 2 })
    const rounds = ok<Quote[]>(await call('quotes.rounds', { threadId: first.id }))
    expect(rounds.map((q) => q.tiers[0]!.pricePerPack)).toEqual(['15.00', '13.20'])
    const latest = ok<Quote[]>(await call('quotes.list', { skuId: sku.id }))
    expect(latest.map((q) => q.id)).toEqual([revised.id])
    const { comparison } = ok<{ comparison: QuoteComparison }>(
      await call('targets.compare', { skuId: sku.id }),
    )
    expect(comparison.rows[0]!.unitCost).toBe('0.0055')
  })

  it('flags expired quotes and benchmarks older than the quote', async () => {
    ok(await call('quotes.create', { ...quoteA(), quoteDate: '2026-11-20', validUntil: '2026-11-21' }))
    const { comparison } = ok<{ comparison: QuoteComparison }>(
      await call('targets.compare', { skuId: sku.id }),
    )
    expect(comparison.rows[0]!.flags.expired).toBe(true)
    expect(comparison.rows[0]!.group).toBe('expired')
    // The benchmark (2026-11-02) is 18 days older than the quote: within the default 30 days, no flag.
    expect(comparison.rows[0]!.flags.benchmarkOlderThanQuote).toBe(false)
  })

  it('summarises every SKU on the dashboard with its best factory and ratio history', async () => {
    await enterThreeQuotes()
    const rows = ok<TargetDashboardRow[]>(await call('targets.dashboard', {}))
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ status: 'met', bestFactoryName: '晋江示例纸业', quoteCount: 3 })
    expect(rows[0]!.history.map((h) => h.date)).toEqual(['2026-11-01', '2026-11-05', '2026-11-06'])
    // 11-01: only quote A (ratio 0.3077); 11-05 and 11-06: B and C arrive, A stays the best.
    expect(rows[0]!.history.map((h) => h.status)).toEqual(['met', 'met', 'met'])
    expect(Number(rows[0]!.history[0]!.bestRatioToBrand)).toBeCloseTo(0.3077, 4)
    expect(ok<TargetDashboardRow[]>(await call('targets.dashboard', { statuses: ['missed'] }))).toEqual([])
  })

  it('gives tier curves per quote for the chart', async () => {
    const [a] = await enterThreeQuotes()
    const curves = ok<{ quoteId: string; points: { retailPacks: number; unitCost: string | null }[] }[]>(
      await call('targets.curves', { skuId: sku.id }),
    )
    const curveA = curves.find((c) => c.quoteId === a!.id)!
    // Below 1,000 cases quote A does not price; from 5,000 it is ¥14.40 per case.
    expect(curveA.points.find((p) => p.retailPacks === 999)?.unitCost ?? null).toBeNull()
    expect(curveA.points.find((p) => p.retailPacks === 5000)?.unitCost).toBe('0.006')
  })

  describe('bad input: a specific error on the field, nothing saved', () => {
    const countQuotes = () =>
      (core.database.sqlite.prepare('SELECT count(*) AS n FROM quotes').get() as { n: number }).n
    const countChanges = () =>
      (core.database.sqlite.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n

    it.each([
      [
        'overlapping tiers',
        {
          tiers: [
            { fromPacks: 1000, pricePerPack: '15' },
            { fromPacks: 1000, pricePerPack: '14' },
          ],
        },
        ['tiers', 1, 'fromPacks'],
        'errors.tiers.overlap',
      ],
      [
        'unsorted tiers',
        {
          tiers: [
            { fromPacks: 5000, pricePerPack: '14' },
            { fromPacks: 1000, pricePerPack: '15' },
          ],
        },
        ['tiers', 1, 'fromPacks'],
        'errors.tiers.unsorted',
      ],
      [
        'a zero price',
        { tiers: [{ fromPacks: 1000, pricePerPack: '0' }] },
        ['tiers', 0, 'pricePerPack'],
        'errors.positive',
      ],
      [
        'a negative quantity',
        { tiers: [{ fromPacks: -5, pricePerPack: '1' }] },
        ['tiers', 0, 'fromPacks'],
        'errors.positive',
      ],
      ['a pack with no units', { packSpec: [] }, ['packSpec'], 'errors.pack.noUnits'],
      [
        'a validity before the quote date',
        { validUntil: '2026-10-01' },
        ['validUntil'],
        'errors.validUntil.beforeQuoteDate',
      ],
      ['a currency without a rate', { currency: 'EUR' }, ['currency'], 'errors.currency.noRate'],
      [
        'an unknown factory',
        { factoryId: '01890a5d-ac96-774b-bcce-b302099a8057' },
        ['factoryId'],
        'errors.reference.missing',
      ],
    ])('rejects %s', async (_label, patch, path, messageKey) => {
      const before = [countQuotes(), countChanges()]
      const error = failed(await call('quotes.create', { ...quoteA(), ...patch }))
      expect(error.code).toBe('validation')
      expect(error.fields).toContainEqual(expect.objectContaining({ path, messageKey }))
      expect([countQuotes(), countChanges()]).toEqual(before)
    })

    it('rejects a margin of 100% or more on the SKU', async () => {
      const error = failed(
        await call('skus.update', {
          id: sku.id,
          values: {
            category: sku.category,
            name: sku.name,
            comparableUnit: '抽',
            retailPackSpec: CASE_2400,
            plannedOrderPacks: 10_000,
            targetMargin: '1',
          },
        }),
      )
      expect(error.fields).toContainEqual(
        expect.objectContaining({ path: ['values', 'targetMargin'], messageKey: 'errors.margin.tooHigh' }),
      )
      expect(ok<Sku>(await call('skus.get', { id: sku.id })).targetMargin).toBe('0.35')
    })

    it('rejects a benchmark in a currency without a rate', async () => {
      const error = failed(
        await call('benchmarks.create', {
          skuId: sku.id,
          brand: 'Kirkland',
          channel: '开市客 Costco',
          packSpec: CASE_2400,
          shelfPrice: '10',
          currency: 'HKD',
          observedAt: '2026-11-02',
        }),
      )
      expect(error.fields).toContainEqual(
        expect.objectContaining({ path: ['currency'], messageKey: 'errors.currency.noRate' }),
      )
    })
  })
})
