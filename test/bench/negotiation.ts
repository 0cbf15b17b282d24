import { compareQuotes, compareWithAsk } from '../../src-main/core/domain/pricing'
import { benchComparisonInput } from '../../src-main/core/domain/pricing/bench-input'
import type { BenchRow } from './report'
import { timeRuns } from './stats'

/**
 * The SKU page's recomputation on every what-if keystroke now that each row carries its ask price (at the
 * planned tier and every tier, the order and pack content that meet) and its working: 50 quotes in mixed
 * shapes, 4 tiers each, at a new planned quantity each run (issue 12: <= 10 ms). Baseline: the same
 * comparison without ask prices, measured in the same run.
 */
export async function benchNegotiation(runs: number): Promise<BenchRow[]> {
  const input = benchComparisonInput(50, 4)
  const quantities = (i: number) => 8_000 + ((i * 7919) % 40_000)
  const whatIf = (i: number) => ({ plannedOrderRetailPacks: quantities(Math.abs(i)) })
  const value = await timeRuns(runs, (i) => compareWithAsk({ ...input, whatIf: whatIf(i) }), 20)
  const baseline = await timeRuns(runs, (i) => compareQuotes({ ...input, whatIf: whatIf(i) }), 20)
  return [
    {
      what: 'quote comparison with ask prices and workings, 50 quotes: what-if recompute',
      value,
      baselineWhat: 'the same comparison without ask prices',
      baseline,
      target: 10,
      unit: 'ms',
    },
  ]
}
