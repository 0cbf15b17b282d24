import { describe, expect, it } from 'vitest'
import {
  amountText,
  formatMoney,
  formatQuotedMoney,
  formatUnitPrice,
  minimumOrderText,
  packCountText,
  sharePercent,
  unitPriceAmount,
} from './figures'

describe('money at the precision its size needs', () => {
  it('drops decimals from ¥100 up, keeps cents from ¥1, four significant digits below ¥1', () => {
    expect(formatMoney('8000')).toBe('¥8,000')
    expect(formatMoney('128.5')).toBe('¥129')
    expect(formatMoney('15.064')).toBe('¥15.06')
    expect(formatMoney('1.664')).toBe('¥1.66')
    expect(formatMoney('0.03333333333333333333')).toBe('¥0.03333')
    expect(formatMoney('0.0715')).toBe('¥0.0715')
    expect(formatMoney('0.2', 'USD')).toBe('$0.20')
    expect(formatMoney('2000', 'GBP')).toBe('GBP 2,000')
    expect(amountText('0')).toBe('0.00')
  })

  it('rounds half-up on the decimal, never through a float', () => {
    // 1.005 is 1.00499999… as a float; as a decimal it rounds up.
    expect(amountText('1.005')).toBe('1.01')
    expect(amountText('0.00492849999')).toBe('0.004928')
    expect(amountText('0.004928500')).toBe('0.004929')
  })

  it('shows a quoted price as the factory gave it, at least to the cent', () => {
    expect(formatQuotedMoney('12.8')).toBe('¥12.80')
    expect(formatQuotedMoney('118')).toBe('¥118.00')
    expect(formatQuotedMoney('0.055')).toBe('¥0.055')
    expect(formatQuotedMoney('1234.5', 'USD')).toBe('$1,234.50')
  })
})

describe('unit prices per the SKU scale', () => {
  it('reads ¥0.4928/100抽 where per sheet was ¥0.004928/抽', () => {
    expect(formatUnitPrice('0.004928', { unit: '抽', scale: 100 })).toBe('¥0.4928/100抽')
    expect(formatUnitPrice('0.004928', { unit: '抽', scale: 1 })).toBe('¥0.004928/抽')
    expect(formatUnitPrice('0.0238', { unit: 'ml', scale: 100 })).toBe('¥2.380/100ml')
    expect(formatUnitPrice('0.0107', { unit: 'g', scale: 1000 })).toBe('¥10.70/1,000g')
    expect(formatUnitPrice('0.536', { unit: 'ml', scale: 1000 })).toBe('¥536.00/1,000ml')
    expect(unitPriceAmount('1.5', { scale: 1000 })).toBe('1,500')
  })

  it('keeps two close prices apart (4 significant digits)', () => {
    expect(unitPriceAmount('0.0049284', { scale: 1 })).not.toBe(unitPriceAmount('0.004875', { scale: 1 }))
  })
})

describe('the ratio as a share of the brand price', () => {
  it('whole percent', () => {
    expect(sharePercent('0.206')).toBe('21')
    expect(sharePercent('0.3077', '1/3')).toBe('31')
  })

  it('one decimal where whole percent would hide which side of the target it is', () => {
    expect(sharePercent('0.3297', '1/3')).toBe('33.0')
    expect(sharePercent('0.3345', '1/3')).toBe('33.5')
    expect(sharePercent('0.3366', '1/3')).toBe('34')
    expect(sharePercent('1/3', '1/3')).toBe('33')
  })
})

describe('minimum orders in the quote’s own pack word', () => {
  it('says ≥ 1,000 箱 / ≥ 1,000 cases', () => {
    expect(minimumOrderText(1000, '箱', 'zh-CN')).toBe('≥ 1,000 箱')
    expect(minimumOrderText(1000, '箱', 'en')).toBe('≥ 1,000 cases')
    expect(packCountText(1, '瓶', 'en')).toBe('1 bottle')
    // No word given: the form's old 件 / packs; a word English lacks is kept.
    expect(minimumOrderText(2000, '', 'zh-CN')).toBe('≥ 2,000 件')
    expect(minimumOrderText(2000, '', 'en')).toBe('≥ 2,000 packs')
    expect(minimumOrderText(5, '坛', 'en')).toBe('≥ 5 坛')
  })
})
