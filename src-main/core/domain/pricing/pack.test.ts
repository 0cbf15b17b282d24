import { describe, expect, it } from 'vitest'
import { formatPackSpec, packUnits } from './pack'

describe('packUnits', () => {
  it('multiplies nested counts down to the comparable unit', () => {
    // 24 包 × 100 抽 = 2,400 抽 per case
    expect(
      packUnits([
        { count: 24, label: '包' },
        { count: 100, label: '抽' },
      ]),
    ).toBe('2400')
    // a case of 24 rolls × 150 sheets = 3,600 sheets
    expect(
      packUnits([
        { count: 24, label: '卷' },
        { count: 150, label: '节' },
      ]),
    ).toBe('3600')
    // 4 boxes × 6 bottles × 500 ml = 12,000 ml
    expect(
      packUnits([
        { count: 4, label: '箱' },
        { count: 6, label: '瓶' },
        { count: 500, label: 'ml' },
      ]),
    ).toBe('12000')
  })

  it('keeps fractional counts exact', () => {
    // 3 bottles × 0.1 L = 0.3 L, not 0.30000000000000004
    expect(
      packUnits([
        { count: 3, label: '瓶' },
        { count: 0.1, label: 'L' },
      ]),
    ).toBe('0.3')
  })

  it('a single factor is the pack itself', () => {
    expect(packUnits([{ count: 500, label: 'ml' }])).toBe('500')
  })
})

describe('formatPackSpec', () => {
  it('writes the spec the way a buyer does, with the total in comparable units', () => {
    expect(
      formatPackSpec([
        { count: 24, label: '包' },
        { count: 100, label: '抽' },
      ]),
    ).toBe('24包 × 100抽 = 2,400抽')
    expect(
      formatPackSpec([
        { count: 12, label: '瓶' },
        { count: 1500, label: 'ml' },
      ]),
    ).toBe('12瓶 × 1,500ml = 18,000ml')
  })

  it('omits the total for a single factor or when asked', () => {
    expect(formatPackSpec([{ count: 500, label: 'ml' }])).toBe('500ml')
    expect(
      formatPackSpec(
        [
          { count: 24, label: '包' },
          { count: 100, label: '抽' },
        ],
        { withTotal: false },
      ),
    ).toBe('24包 × 100抽')
  })
})
