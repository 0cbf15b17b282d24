import type { CoreContext } from '../api/context'
import { AppError } from '../api/errors'
import { seedDemoDemand } from './seed-demand'
import { QuoteInput } from '../quotes/quotes.contract'
import { createQuote, reviseQuote } from '../quotes/quotes.service'
import { RateInput } from '../rates/rates.contract'
import { setRate } from '../rates/rates.service'
import { BenchmarkInput, SkuInput } from '../skus/skus.contract'
import { createBenchmark, createSku } from '../skus/skus.service'
import { localDate } from '../targets/targets.service'
import demoTargets from '../../../resources/demo/targets.json'

/**
 * Demo SKU briefs with brand benchmarks, monthly demand and quotes in mixed shapes, so that some SKUs meet the
 * one-third target, some nearly do and some miss. Dates are stored as days before the seeding day, so
 * a fresh demo always has current quotes (and the one meant to be expired is).
 */

const DAY_MS = 24 * 60 * 60 * 1000

async function factoryIdByName(ctx: CoreContext, name: string): Promise<string> {
  const row = await ctx.db
    .selectFrom('factories')
    .select('id')
    .where('name', '=', name)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  if (!row) throw new AppError('internal', 'errors.internal', `demo quote names an unknown factory: ${name}`)
  return row.id
}

export async function seedDemoTargets(ctx: CoreContext): Promise<void> {
  const now = ctx.write.now().getTime()
  const daysAgo = (days: number) => localDate(new Date(now - days * DAY_MS))
  for (const rate of demoTargets.rates) {
    const { currency, rate: value } = RateInput.parse(rate)
    await setRate(ctx, currency, value)
  }
  for (const entry of demoTargets.skus) {
    const sku = await createSku(ctx, SkuInput.parse(entry.sku))
    for (const { observedDaysAgo, ...benchmark } of entry.benchmarks) {
      await createBenchmark(
        ctx,
        BenchmarkInput.parse({ ...benchmark, skuId: sku.id, observedAt: daysAgo(observedDaysAgo) }),
      )
    }
    await seedDemoDemand(ctx, sku.id, entry.demand)
    for (const thread of entry.quotes) {
      const factoryId = await factoryIdByName(ctx, thread.factory)
      let previousId: string | null = null
      for (const { quoteDaysAgo, validDays, ...round } of thread.rounds) {
        const values = QuoteInput.parse({
          ...round,
          skuId: sku.id,
          factoryId,
          quoteDate: daysAgo(quoteDaysAgo),
          validUntil: daysAgo(quoteDaysAgo - validDays),
        })
        const quote: { id: string } = previousId
          ? await reviseQuote(ctx, previousId, values)
          : await createQuote(ctx, values)
        previousId = quote.id
      }
    }
  }
}
