import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ok } from '../../../test/integration/support/api-result'
import { seedPaperSku, type PaperSku } from '../../../test/integration/support/paper-sku'
import { createTempCore, type TempCore } from '../../../test/integration/support/temp-core'
import type { ExportedFile } from './exports.contract'

/** Exports read back with exceljs, as a category manager opening them in Excel would see them. */

async function readSheets(file: ExportedFile): Promise<Map<string, (string | number | null)[][]>> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer)
  const sheets = new Map<string, (string | number | null)[][]>()
  workbook.eachSheet((worksheet) => {
    const rows: (string | number | null)[][] = []
    worksheet.eachRow((row) => rows.push((row.values as (string | number | null)[]).slice(1)))
    sheets.set(worksheet.name, rows)
  })
  return sheets
}

describe('exports to .xlsx', () => {
  let core: TempCore
  let paper: PaperSku
  const call = (name: string, input: unknown) => core.dispatch(name, input)

  beforeEach(async () => {
    core = await createTempCore({ wallClock: () => Date.parse('2026-12-01T12:00:00+08:00') })
    paper = await seedPaperSku(call)
  })
  afterEach(async () => {
    await core.dispose()
  })

  it('exports the factory list with Chinese headers, filtered and sorted as on screen', async () => {
    const file = ok<ExportedFile>(
      await call('exports.factories', { search: '纸', sort: 'name', direction: 'asc' }),
    )
    expect(file.fileName).toBe('工厂_2026-12-01.xlsx')
    const rows = (await readSheets(file)).get('工厂')!
    expect(rows[0]!.slice(0, 3)).toEqual(['工厂名称', '省份', '城市'])
    // 保定 (bǎo) sorts before 东莞 (dōng) and 晋江 (jìn) by pinyin.
    expect(rows.slice(1).map((r) => r[0])).toEqual(['保定示例纸品', '东莞示例纸业', '晋江示例纸业'])
  })

  it('exports the comparison with every step and the target, as numbers', async () => {
    await paper.enterThreeQuotes()
    const file = ok<ExportedFile>(await call('exports.comparison', { skuId: paper.sku.id }))
    const sheets = await readSheets(file)
    const table = sheets.get('报价对比')!
    const header = table[0]!
    const unitCost = header.indexOf('到岸单位成本 (¥/抽)')
    const target = header.indexOf('目标')
    expect(table.slice(1).map((r) => r[1])).toEqual(['晋江示例纸业', '保定示例纸品', '东莞示例纸业'])
    expect(table[1]![unitCost]).toBe(0.006)
    expect(table.slice(1).map((r) => r[target])).toEqual(['达标', '达标', '未达标'])
    const summary = new Map(sheets.get('目标')!.map(([k, v]) => [k, v]))
    expect(summary.get('达标最高到岸单位成本 (¥)')).toBe(0.0065)
    expect(summary.get('对标渠道')).toBe('山姆会员店')
    // The ask price at the planned order, per pack in the quote's currency, and at every tier.
    const ask = header.indexOf('要价（每包装，原币）')
    expect(table.slice(1).map((r) => r[ask])).toEqual([15.6, 0.56, 2.99])
    expect(table[3]![header.indexOf('要价口径')]).toBe('USD 含税')
    const tiers = sheets.get('各阶梯要价')!
    expect(tiers.slice(1).map((r) => [r[0], r[2], r[5]])).toEqual([
      ['晋江示例纸业', 1000, 15.6],
      ['晋江示例纸业', 5000, 15.6],
      ['保定示例纸品', 100_000, 0.56],
      ['东莞示例纸业', 3000, 2.99],
    ])
  })

  it('exports the target dashboard in English when asked', async () => {
    await paper.enterThreeQuotes()
    const file = ok<ExportedFile>(await call('exports.targets', { language: 'en' }))
    const rows = (await readSheets(file)).get('Targets')!
    expect(rows[0]!.slice(0, 3)).toEqual(['Category', 'SKU', 'Status'])
    expect(rows[1]!.slice(0, 5)).toEqual([
      '生活用纸',
      '三层抽纸 100抽×24包',
      'Met',
      expect.closeTo(0.3077, 4),
      '晋江示例纸业',
    ])
  })
})
