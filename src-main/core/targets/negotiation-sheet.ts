import type { CoreContext } from '../api/context'
import { compareWithAsk } from '../domain/pricing'
import { getFactory } from '../factories/factories.service'
import { listLatestRounds } from '../quotes/quotes.repository'
import { toQuote } from '../quotes/quotes.service'
import { getSku } from '../skus/skus.service'
import type { NegotiationSheet, NegotiationSkuBlock } from './targets.contract'
import { comparisonInputs, localDate } from './targets.service'

/**
 * The negotiation sheet: one page per factory, each with its quotes for the SKU(s) — the counter-offer per
 * pack at every tier, the order size at which today's price already works — and the brand benchmark they
 * are measured against. For an SKU: every factory that quoted it; for a factory: every SKU it quoted.
 */
export async function negotiationSheet(
  ctx: CoreContext,
  input: { skuId?: string | undefined; factoryId?: string | undefined },
): Promise<NegotiationSheet> {
  const today = localDate(ctx.write.now())
  const factory = input.factoryId ? await getFactory(ctx, input.factoryId) : null
  const skuIds = input.skuId
    ? [input.skuId]
    : [...new Set((await listLatestRounds(ctx.db, { factoryId: input.factoryId })).map((q) => q.sku_id))]

  const pages = new Map<string, NegotiationSheet['pages'][number]>()
  if (factory) pages.set(factory.id, { factoryId: factory.id, factoryName: factory.name, skus: [] })
  for (const skuId of skuIds) {
    const [sku, { input: engineInput, labels }, rounds] = await Promise.all([
      getSku(ctx, skuId),
      comparisonInputs(ctx, skuId),
      listLatestRounds(ctx.db, { skuId }),
    ])
    const comparison = compareWithAsk(engineInput)
    const quotes = new Map(rounds.map((row) => [row.id, toQuote(row)]))
    const labelOf = new Map(labels.map((label) => [label.quoteId, label]))
    const blocks = new Map<string, NegotiationSkuBlock>()
    for (const row of comparison.rows) {
      const quote = quotes.get(row.quoteId)
      const label = labelOf.get(row.quoteId)
      if (!quote || !label || (factory && quote.factoryId !== factory.id)) continue
      let block = blocks.get(quote.factoryId)
      if (!block) {
        block = {
          skuId: sku.id,
          skuName: sku.name,
          unit: sku.comparableUnit,
          retailPackSpec: sku.retailPackSpec,
          summary: comparison.summary,
          quotes: [],
        }
        blocks.set(quote.factoryId, block)
      }
      block.quotes.push({ quote, label, row })
    }
    for (const [factoryId, block] of blocks) {
      const name = block.quotes[0]?.label.factoryName ?? ''
      const page = pages.get(factoryId) ?? { factoryId, factoryName: name, skus: [] }
      page.skus.push(block)
      pages.set(factoryId, page)
    }
  }
  return { today, pages: [...pages.values()] }
}
