import { describe, expect, it } from 'vitest'
import { axisLabelLines, seriesLabels, shortFactoryName, unitCostAxisTop } from './charts'

const round = (name: string, r: number) => `${name} · 第${r}轮`

describe('chart labels', () => {
  it('puts the factory and the round of an axis label on their own lines', () => {
    expect(axisLabelLines('晋江禾映纸业 · round 1')).toEqual(['晋江禾映纸业', 'round 1'])
    expect(axisLabelLines('禾映纸业 · 第2轮')).toEqual(['禾映纸业', '第2轮'])
    expect(axisLabelLines('瑞丰卫生纸')).toEqual(['瑞丰卫生纸'])
  })

  it('shortens a factory name to what tells it apart', () => {
    expect(shortFactoryName('仁怀市茅台镇赤水源酒业有限公司')).toBe('赤水源酒业')
    expect(shortFactoryName('晋江禾映纸业有限公司')).toBe('晋江禾映纸业')
    expect(shortFactoryName('保定市徐水区瑞丰卫生纸厂')).toBe('瑞丰卫生纸')
    expect(shortFactoryName('Acme Paper Co.')).toBe('Acme Pap…')
  })

  it('tells two quotes of one factory apart by round, and numbers equal rounds', () => {
    const labels = seriesLabels(
      [
        { quoteId: 'a', factoryName: '晋江禾映纸业有限公司', round: 2 },
        { quoteId: 'b', factoryName: '晋江禾映纸业有限公司', round: 1 },
        { quoteId: 'c', factoryName: '东莞市洁雅生活用品有限公司', round: 1 },
        { quoteId: 'd', factoryName: '江门新会粤柔纸业有限公司', round: 3 },
        { quoteId: 'e', factoryName: '晋江禾映纸业有限公司', round: 1 },
      ],
      round,
    )
    expect([...labels.values()]).toEqual([
      '晋江禾映纸业 · 第2轮',
      '晋江禾映纸业 · 第1轮',
      '洁雅生活用品',
      '江门新会粤柔纸业 · 第3轮',
      '晋江禾映纸业 · 第1轮 (2)',
    ])
  })

  it('keeps the bars tall: the axis stops a little above the bars and the target, not at the brand', () => {
    expect(unitCostAxisTop([0.006, 0.0063], 0.0065)).toBeCloseTo(0.0078, 6)
    expect(unitCostAxisTop([], null)).toBe(1)
  })
})
