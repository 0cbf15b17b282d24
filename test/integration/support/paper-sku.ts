import type { ApiResult } from '../../../src-main/core/api/dispatcher'
import type { Factory } from '../../../src-main/core/factories/factories.contract'
import type { Quote, QuoteInput } from '../../../src-main/core/quotes/quotes.contract'
import type { Sku } from '../../../src-main/core/skus/skus.contract'
import { ok } from './api-result'

/**
 * A hand-checkable SKU for tests (the arithmetic is in src-main/core/targets/targets.api.test.ts):
 * 三层抽纸 100抽×24包 (2,400 抽), 10,000 packs planned, 35% margin, 1/3 target; 维达 at 山姆 ¥72.00 and
 * 天猫 ¥81.60 per 2,400 抽 (observed 2026-11-02); USD at 7.10. Quotes A (met, ¥0.0060/抽), B (met,
 * ¥0.006315/抽) and C (missed, ≈ ¥0.0074944/抽) come from `enterThreeQuotes`.
 */

export const CASE_2400 = [
  { count: 24, label: '包' },
  { count: 100, label: '抽' },
]

type Call = (name: string, input: unknown) => Promise<ApiResult>

export interface PaperSku {
  sku: Sku
  factories: Factory[]
  /** Quote A's input: CNY, VAT incl., case of 2,400 抽, 1,000 → ¥15.00, 5,000 → ¥14.40. */
  quoteA(): QuoteInput
  /** Enters quotes A, B and C and returns them in that order. */
  enterThreeQuotes(): Promise<Quote[]>
}

export async function seedPaperSku(call: Call): Promise<PaperSku> {
  const factories: Factory[] = []
  for (const name of ['晋江示例纸业', '保定示例纸品', '东莞示例纸业']) {
    factories.push(ok<Factory>(await call('factories.create', { name })))
  }
  const sku = ok<Sku>(
    await call('skus.create', {
      category: '生活用纸',
      name: '三层抽纸 100抽×24包',
      comparableUnit: '抽',
      retailPackSpec: CASE_2400,
      plannedOrderPacks: 10_000,
      targetMargin: '0.35',
    }),
  )
  ok(await call('rates.set', { currency: 'usd', rate: '7.10' }))
  for (const [channel, shelfPrice] of [
    ['山姆会员店', '72.00'],
    ['天猫旗舰店', '81.60'],
  ] as const) {
    ok(
      await call('benchmarks.create', {
        skuId: sku.id,
        brand: '维达',
        channel,
        packSpec: CASE_2400,
        shelfPrice,
        observedAt: '2026-11-02',
      }),
    )
  }
  const quoteA = (): QuoteInput => ({
    skuId: sku.id,
    factoryId: factories[0]!.id,
    quoteDate: '2026-11-01',
    validUntil: '2027-01-31',
    vatBasis: 'included',
    tiers: [
      { fromPacks: 1000, pricePerPack: '15.00' },
      { fromPacks: 5000, pricePerPack: '14.40' },
    ],
    packSpec: CASE_2400,
  })
  const enterThreeQuotes = async (): Promise<Quote[]> => [
    ok<Quote>(await call('quotes.create', quoteA())),
    ok<Quote>(
      await call('quotes.create', {
        skuId: sku.id,
        factoryId: factories[1]!.id,
        quoteDate: '2026-11-05',
        vatBasis: 'excluded',
        tiers: [{ fromPacks: 100_000, pricePerPack: '0.55' }],
        packSpec: [{ count: 100, label: '抽' }],
        freight: { kind: 'perPack', amount: '0.01' },
      }),
    ),
    ok<Quote>(
      await call('quotes.create', {
        skuId: sku.id,
        factoryId: factories[2]!.id,
        quoteDate: '2026-11-06',
        currency: 'USD',
        vatBasis: 'included',
        tiers: [{ fromPacks: 3000, pricePerPack: '3.50' }],
        packSpec: [
          { count: 24, label: '卷' },
          { count: 150, label: '抽' },
        ],
        freight: { kind: 'perShipment', amount: '2000' },
      }),
    ),
  ]
  return { sku, factories, quoteA, enterThreeQuotes }
}
