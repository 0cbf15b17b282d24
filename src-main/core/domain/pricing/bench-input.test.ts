import { describe, expect, it } from 'vitest'
import { benchComparisonInput } from './bench-input'
import { compareQuotes } from './compare-quotes'
import { CompareQuotesInputSchema } from './pricing.schema'

describe('benchComparisonInput', () => {
  it('is valid input that exercises every outcome the comparison has', () => {
    const input = benchComparisonInput()
    expect(CompareQuotesInputSchema.safeParse(input).success).toBe(true)
    const { rows } = compareQuotes(input)
    expect(rows).toHaveLength(50)
    expect(new Set(rows.map((r) => r.group))).toEqual(new Set(['current', 'expired']))
    expect(new Set(rows.map((r) => r.verdict?.status))).toEqual(new Set(['met', 'within10', 'missed']))
    expect(rows.some((r) => r.smallestMeeting.status === 'found' && r.verdict?.met === false)).toBe(true)
    // a small what-if order falls below the lowest tiers of the case quotes
    const small = compareQuotes({ ...input, whatIf: { plannedOrderRetailPacks: 300 } })
    expect(small.rows.some((r) => r.group === 'unpriced')).toBe(true)
  })
})
