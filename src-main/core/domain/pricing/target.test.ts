import { describe, expect, it } from 'vitest'
import { displayRatio } from './display'
import { targetVerdict } from './target'

// Brand ¥0.03 per 抽, target 1/3 -> planned retail at most ¥0.01; margin 35% -> landed cost at most
// 0.01 × 0.65 = ¥0.0065 per 抽.
describe('targetVerdict', () => {
  it('meets the target exactly at the maximum landed cost', () => {
    // 0.0065 / 0.65 = 0.01 planned retail = 0.03 / 3
    const v = targetVerdict('0.0065', '0.03', '1/3', '0.35')
    expect(v).toMatchObject({
      met: true,
      status: 'met',
      maxRetailUnit: '0.01',
      maxLandedUnitCost: '0.0065',
      plannedRetailUnit: '0.01',
      gap: '0',
      gapShare: '0',
    })
    expect(v.ratioToBrand).toBe('0.3333333333333333333333333333333333333333')
  })

  it('shows the ratio to brand, e.g. 0.29', () => {
    // 0.00565 / 0.65 = 0.008692…; / 0.03 = 0.2897… -> 0.29
    const v = targetVerdict('0.00565', '0.03', '1/3', '0.35')
    expect(v.met).toBe(true)
    expect(displayRatio(v.ratioToBrand)).toBe('0.290')
  })

  it('within 10%: missed by at most a tenth of the maximum landed cost', () => {
    // 0.0070 - 0.0065 = 0.0005 gap, 7.7% of 0.0065; must drop 0.0005 / 0.007 = 7.14%
    const v = targetVerdict('0.0070', '0.03', '1/3', '0.35')
    expect(v).toMatchObject({ met: false, status: 'within10', gap: '0.0005' })
    expect(v.gapShare.startsWith('0.0714285714')).toBe(true)
    // 1.1 × 0.0065 = 0.00715 is the edge, still within 10%
    expect(targetVerdict('0.00715', '0.03', '1/3', '0.35').status).toBe('within10')
    expect(targetVerdict('0.0071500001', '0.03', '1/3', '0.35').status).toBe('missed')
  })

  it('missed: more than 10% over', () => {
    expect(targetVerdict('0.0072', '0.03', '1/3', '0.35')).toMatchObject({ status: 'missed', gap: '0.0007' })
  })

  it('reads 1/3 as exactly one third, and 0.3 or 0.333 as what they say', () => {
    // Brand ¥0.01 per unit, no margin: 1/3 allows up to 0.00333…; a target typed as 0.333 allows 0.00333.
    const justUnderOneThird = '0.003333333333'
    expect(targetVerdict(justUnderOneThird, '0.01', '1/3', '0').met).toBe(true)
    expect(targetVerdict(justUnderOneThird, '0.01', '0.333', '0').met).toBe(false)
    expect(targetVerdict('0.003', '0.01', '0.3', '0').met).toBe(true)
    expect(targetVerdict('0.0030001', '0.01', '0.3', '0').met).toBe(false)
  })
})
