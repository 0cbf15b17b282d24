import Decimal from 'decimal.js'
import { compareQuotes } from '../../src-main/core/domain/pricing'
import { benchComparisonInput } from '../../src-main/core/domain/pricing/bench-input'
import type { BenchRow } from './report'
import { timeRuns } from './stats'

/**
 * The what-if recomputation the SKU page does on every keystroke: 50 quotes in mixed shapes, 4 tiers
 * each, re-ranked and re-judged at a new planned quantity each run (DESIGN.md: <= 10 ms). Baseline: the
 * bare decimal.js arithmetic of the same 50 landed unit costs, the least any exact comparison must do.
 */
export async function benchComparison(runs: number): Promise<BenchRow[]> {
  const input = benchComparisonInput(50, 4)
  const quantities = (i: number) => 8_000 + ((i * 7919) % 40_000)
  const value = await timeRuns(
    runs,
    (i) => compareQuotes({ ...input, whatIf: { plannedOrderRetailPacks: quantities(Math.abs(i)) } }),
    20,
  )
  const D = Decimal.clone({ precision: 40 })
  const baseline = await timeRuns(
    runs,
    () => {
      for (const quote of input.quotes) {
        const tier = quote.tiers[quote.tiers.length - 1]!
        new D(tier.pricePerPack)
          .times('1.13')
          .plus('0.6')
          .times('7.1')
          .dividedBy(quote.unitsPerPack)
          .toString()
      }
    },
    20,
  )
  return [
    {
      what: 'quote comparison, 50 quotes: what-if recompute',
      value,
      baselineWhat: 'bare decimal.js landed-cost arithmetic, 50 quotes',
      baseline,
      target: 10,
      unit: 'ms',
    },
  ]
}
