import { describe, expect, it } from 'vitest'
import { citiesOf, loadDivisions, provinceOf, shortName } from './divisions'

describe('administrative divisions', () => {
  it('knows the provinces and their cities, under the full or the short name', async () => {
    const divisions = await loadDivisions()
    expect(Object.keys(divisions)).toHaveLength(31)
    expect(provinceOf(divisions, '福建')).toBe('福建省')
    expect(provinceOf(divisions, '广西')).toBe('广西壮族自治区')
    expect(provinceOf(divisions, '火星')).toBeNull()
    expect(citiesOf(divisions, '福建省')).toContain('泉州市')
    expect(citiesOf(divisions, '四川')).toContain('宜宾市')
    expect(citiesOf(divisions, '')).toEqual([])
    expect(shortName('泉州市')).toBe('泉州')
  })
})
