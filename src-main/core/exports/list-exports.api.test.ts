import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ok } from '../../../test/integration/support/api-result'
import { createTempCore, type TempCore } from '../../../test/integration/support/temp-core'
import type { ExportedFile } from './exports.contract'

/** The samples, visits and tours lists exported and read back as Excel would show them. */

async function firstSheet(file: ExportedFile): Promise<{ name: string; rows: unknown[][] }> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer)
  const worksheet = workbook.worksheets[0]!
  const rows: unknown[][] = []
  worksheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
  return { name: worksheet.name, rows }
}

describe('list exports', () => {
  let core: TempCore
  const call = (name: string, input: unknown) => core.dispatch(name, input)

  beforeEach(async () => {
    core = await createTempCore({ wallClock: () => Date.parse('2026-11-20T10:00:00+08:00') })
    const factory = ok<{ id: string }>(await call('factories.create', { name: '晋江恒达纸品' }))
    const tour = ok<{ id: string }>(
      await call('tours.create', {
        name: '晋江生活用纸走访',
        startDate: '2026-11-18',
        endDate: '2026-11-22',
        belts: ['晋江'],
        members: ['王敏'],
        plannedFactoryIds: [factory.id],
      }),
    )
    const visit = ok<{ id: string }>(
      await call('visits.create', {
        factoryId: factory.id,
        tourId: tour.id,
        visitDate: '2026-11-19',
        attendees: ['王敏', '李强'],
        scores: { design: { score: 4 }, capacity: { score: 5 } },
      }),
    )
    ok(
      await call('samples.create', {
        source: 'visit',
        visitId: visit.id,
        factoryId: factory.id,
        name: '三层抽纸',
      }),
    )
    ok(
      await call('samples.create', {
        source: 'selectionCenter',
        factoryId: factory.id,
        name: '湿厕纸',
        status: 'received',
      }),
    )
  })
  afterEach(async () => {
    await core.dispose()
  })

  it('exports samples with Chinese headers and statuses, filtered as on screen', async () => {
    const file = ok<ExportedFile>(await call('exports.samples', { statuses: ['received'] }))
    expect(file.fileName).toBe('样品_2026-11-20.xlsx')
    const { name, rows } = await firstSheet(file)
    expect(name).toBe('样品')
    expect(rows[0]!.slice(0, 7)).toEqual(['样品编号', '样品名称', '工厂', 'SKU', '类目', '来源', '状态'])
    expect(rows.slice(1).map((r) => [r[1], r[2], r[5], r[6]])).toEqual([
      ['湿厕纸', '晋江恒达纸品', '选品中心', '已收样'],
    ])
  })

  it('exports visits with their average score as a number, and tours in English', async () => {
    const visits = await firstSheet(ok<ExportedFile>(await call('exports.visits', {})))
    expect(visits.rows[0]!.slice(0, 5)).toEqual(['拜访日期', '工厂', '行程', '参与人', '平均分'])
    expect(visits.rows[1]!.slice(0, 5)).toEqual([
      '2026-11-19',
      '晋江恒达纸品',
      '晋江生活用纸走访',
      '王敏、李强',
      4.5,
    ])

    const tours = await firstSheet(ok<ExportedFile>(await call('exports.tours', { language: 'en' })))
    expect(tours.name).toBe('Tours')
    expect(tours.rows[1]).toEqual([
      '晋江生活用纸走访',
      '2026-11-18',
      '2026-11-22',
      '晋江',
      '王敏',
      'Ongoing',
      '1/1',
      1,
    ])
  })
})
