import { describe, expect, it } from 'vitest'
import { brandUnitPrice, latestPerChannel } from './brand-price'
import { observation } from './test-fixtures'

// 山姆 ¥72.00 / 2,400 抽 = ¥0.03; 天猫 went from ¥50.00 (¥0.0208…) to ¥84.00 (¥0.035);
// Costco ¥66.00 / 2,400 = ¥0.0275
const sams = observation({ id: 'sams', channel: '山姆会员店', shelfPrice: '72.00', observedAt: '2025-05-01' })
const tmallOld = observation({
  id: 'tmall-old',
  channel: '天猫旗舰店',
  shelfPrice: '50.00',
  observedAt: '2025-03-01',
})
const tmallNew = observation({
  id: 'tmall-new',
  channel: '天猫旗舰店',
  shelfPrice: '84.00',
  observedAt: '2025-05-02',
})
const costco = observation({
  id: 'costco',
  channel: '开市客 Costco',
  shelfPrice: '66.00',
  observedAt: '2025-04-20',
})
const all = [sams, tmallOld, tmallNew, costco]

describe('brandUnitPrice', () => {
  it('keeps only the latest observation per channel', () => {
    expect(latestPerChannel(all).map((o) => o.id)).toEqual(['sams', 'tmall-new', 'costco'])
  })

  it('uses the lowest current unit price across channels, not an outdated cheaper one', () => {
    const brand = brandUnitPrice(all, {})
    expect(brand).toMatchObject({ status: 'ok', unitPrice: '0.0275', observation: { id: 'costco' } })
    if (brand.status === 'ok') {
      expect(brand.channels.map((c) => [c.channel, c.unitPrice])).toEqual([
        ['开市客 Costco', '0.0275'],
        ['山姆会员店', '0.03'],
        ['天猫旗舰店', '0.035'],
      ])
    }
  })

  it('uses the named channel when the SKU names one', () => {
    expect(brandUnitPrice(all, {}, '山姆会员店')).toMatchObject({
      unitPrice: '0.03',
      observation: { id: 'sams' },
    })
    expect(brandUnitPrice(all, {}, '京东自营')).toEqual({ status: 'noBenchmark', channel: '京东自营' })
  })

  it('converts a foreign shelf price, and reports a missing rate rather than skipping the channel', () => {
    // Costco US $9.99 for 2,400 抽 × 7.20 = ¥71.928 / 2,400 = ¥0.02997
    const us = observation({ id: 'us', channel: 'Costco US', currency: 'USD', shelfPrice: '9.99' })
    expect(brandUnitPrice([us], { USD: '7.20' })).toMatchObject({ unitPrice: '0.02997' })
    expect(brandUnitPrice([sams, us], {})).toEqual({ status: 'noRate', currencies: ['USD'] })
  })

  it('has no benchmark without observations', () => {
    expect(brandUnitPrice([], {})).toEqual({ status: 'noBenchmark', channel: null })
  })
})
