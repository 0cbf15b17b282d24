import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { failed, ok } from '../../../test/integration/support/api-result'
import { seedPaperSku } from '../../../test/integration/support/paper-sku'
import {
  creditCode,
  csvText,
  departmentListXlsx,
  FACTORY_HEADERS,
  factoryRows,
  type Cell,
} from '../../../test/integration/support/spreadsheets'
import { createTempCore, writeCounts, type TempCore } from '../../../test/integration/support/temp-core'
import type { Factory, FactorySummary } from '../factories/factories.contract'
import type { Quote } from '../quotes/quotes.contract'
import { importRoutes } from './imports.api'
import type { ImportPreview, ImportUpload } from './imports.contract'

/**
 * Spreadsheets as buyers really get them, written in the test with exceljs and iconv: titles and notes
 * above the header, merged cells, blank rows, GBK, phones in every shape, the same factory twice, a
 * factory added between preview and commit; and a factory's price list imported as quotes.
 */

describe('imports of sheets as they are', () => {
  let core: TempCore
  const call = (name: string, input: unknown) => core.dispatch(name, input)
  const uploaded = async (bytes: Uint8Array, name: string) =>
    ok<ImportUpload>(await importRoutes(core.context).upload(bytes, name))
  const preview = async (input: Record<string, unknown>) =>
    ok<ImportPreview>(await call('imports.preview', { kind: 'factories', ...input }))
  const factoryByName = async (name: string) => {
    const { items } = ok<{ items: FactorySummary[] }>(await call('factories.list', { search: name }))
    const found = items.filter((f) => f.name === name)
    return Promise.all(found.map(async (f) => ok<Factory>(await call('factories.get', { id: f.id }))))
  }

  beforeEach(async () => {
    core = await createTempCore()
  })
  afterEach(async () => {
    await core.dispose()
  })

  it('finds the header under a merged title and notes, says what it skipped, imports the right columns', async () => {
    const rows = factoryRows(4)
    const file = await uploaded(await departmentListXlsx(FACTORY_HEADERS, rows), '采购部工厂名单.xlsx')
    expect(file).toMatchObject({ headerRow: 4, headers: FACTORY_HEADERS, rowCount: 4 })
    const shown = await preview({ importId: file.importId })
    expect(shown).toMatchObject({ headerRow: 4, total: 4, good: 4, bad: 0, duplicates: 0 })
    expect(shown.skipped).toEqual([
      { from: 1, to: 3, reason: 'aboveHeader' },
      { from: 7, to: 7, reason: 'blank' },
      { from: 10, to: 10, reason: 'note' },
    ])
    expect(shown.rows.map((r) => r.rowNumber)).toEqual([5, 6, 8, 9])
    // The merged title is one cell of row 1, not the text of every column.
    expect(shown.headerCandidates[0]!.cells.filter((c) => c !== '')).toEqual([
      '2026年11月 晋江生活用纸产业带 工厂名单（采购部）',
    ])
    expect(shown.mapping[0]).toBe('name')
    expect(shown.mapping[1]).toBe('creditCode')

    expect(ok(await call('imports.commit', { importId: file.importId, kind: 'factories' }))).toMatchObject({
      imported: 4,
    })
    expect(writeCounts(core).factories).toBe(4)
    const [factory] = await factoryByName('保定导入示例纸业2号厂')
    expect(factory).toMatchObject({
      creditCode: creditCode(2),
      province: '河北',
      city: '保定',
      industrialBelt: '保定纸品',
      status: 'qualified',
    })
  })

  it('lets the buyer pick another header row, and refuses one that is not among the first rows', async () => {
    const file = await uploaded(await departmentListXlsx(FACTORY_HEADERS, factoryRows(3)), 'list.xlsx')
    const asTitle = await preview({ importId: file.importId, headerRow: 1 })
    expect(asTitle.headerRow).toBe(1)
    expect(asTitle.headers[0]).toBe('2026年11月 晋江生活用纸产业带 工厂名单（采购部）')
    expect(asTitle.mappingErrors).toContainEqual({
      column: null,
      field: 'name',
      messageKey: 'errors.import.fieldUnmapped',
    })
    const back = await preview({ importId: file.importId, headerRow: 4 })
    expect(back).toMatchObject({ headerRow: 4, good: 3, mappingErrors: [] })
    const refused = failed(
      await call('imports.preview', { importId: file.importId, kind: 'factories', headerRow: 99 }),
    )
    expect(refused).toMatchObject({ code: 'validation', messageKey: 'errors.import.headerRow' })
  })

  it('reads a GBK CSV with a title line and a blank line above the header', async () => {
    const text = `2026年11月 保定纸品 工厂名单\r\n\r\n${csvText(FACTORY_HEADERS, factoryRows(2))}`
    const bytes = iconv.encode(text, 'gbk')
    const file = await uploaded(bytes, 'gbk.csv')
    expect(file).toMatchObject({ encoding: 'gb18030', headerRow: 3, headers: FACTORY_HEADERS, rowCount: 2 })
    const shown = await preview({ importId: file.importId })
    expect(shown.skipped).toEqual([{ from: 1, to: 2, reason: 'aboveHeader' }])
    expect(shown.rows[0]!.cells[0]).toBe('晋江导入示例纸业1号厂')
  })

  it('keeps a category with "/" whole and splits lists on the separators of their field', async () => {
    const headers = ['工厂名称', '主营类目', '代工品牌', '资质']
    const rows: Cell[][] = [
      ['仙桃无纺布制品厂', '一次性内裤/浴巾、湿厕纸；湿巾/卸妆巾', '维达/心相印', 'ISO9001/BSCI'],
    ]
    const workbook = new ExcelJS.Workbook()
    workbook.addWorksheet('工厂').addRows([headers, ...rows])
    const file = await uploaded(Buffer.from(await workbook.xlsx.writeBuffer()), 'lists.xlsx')
    ok(await call('imports.commit', { importId: file.importId, kind: 'factories' }))
    const [factory] = await factoryByName('仙桃无纺布制品厂')
    expect(factory).toMatchObject({
      categories: ['一次性内裤/浴巾', '湿厕纸', '湿巾/卸妆巾'],
      oemBrands: ['维达', '心相印'],
      certifications: ['ISO9001', 'BSCI'],
    })
  })

  it('takes phones in the shapes buyers type them', async () => {
    const shapes = [
      '+86 137 0770 9687',
      '139-0964-0605',
      '138 0013 8000',
      '0595-8588 1234',
      '(0595) 85881235',
    ]
    const rows = shapes.map((phone, i) => {
      const row = factoryRows(1, i)[0]!
      row[8] = phone
      return row
    })
    rows.push([...factoryRows(1, 9)[0]!.slice(0, 8), '12345', '潜在', ''])
    const file = await uploaded(await departmentListXlsx(FACTORY_HEADERS, rows), 'phones.xlsx')
    const shown = await preview({ importId: file.importId })
    expect(shown).toMatchObject({ good: shapes.length, bad: 1 })
    const bad = shown.rows.find((r) => r.errors.length > 0)!
    expect(bad.errors).toEqual([{ column: 8, field: 'contactPhone', messageKey: 'errors.phone.invalid' }])
    ok(
      await call('imports.commit', {
        importId: file.importId,
        kind: 'factories',
        excludedRows: [bad.rowNumber],
      }),
    )
    const [first] = await factoryByName('晋江导入示例纸业1号厂')
    // Whatever normal form the factories' write path keeps, the number's digits are the ones typed.
    expect(first!.contacts[0]!.phone.replace(/\D/g, '')).toMatch(/13707709687$/)
  })

  it('shows duplicates in the file and against the database, and does what the buyer chose', async () => {
    const byCode = ok<Factory>(
      await call('factories.create', {
        name: '晋江恒达纸品有限公司',
        creditCode: creditCode(1),
        city: '晋江',
        categories: ['抽纸'],
        contacts: [{ name: '王强', phone: '' }],
      }),
    )
    const byName = ok<Factory>(
      await call('factories.create', { name: '保定导入示例纸业2号厂', city: '保定' }),
    )
    const rows = factoryRows(4)
    rows[0]![0] = '晋江恒达纸品' // another name, the same credit code as byCode
    rows[0]![7] = '王强'
    rows[0]![8] = '13707709687'
    rows[3]![1] = creditCode(3) // row 4 of the data repeats row 3's code
    const file = await uploaded(await departmentListXlsx(FACTORY_HEADERS, rows), 'dups.xlsx')
    const shown = await preview({ importId: file.importId })
    expect(shown).toMatchObject({ good: 4, bad: 0, duplicates: 3 })
    const duplicateOf = (row: number) => shown.rows.find((r) => r.rowNumber === row)?.duplicate
    expect(duplicateOf(5)).toEqual({
      by: 'creditCode',
      factoryId: byCode.id,
      factoryName: '晋江恒达纸品有限公司',
      row: null,
      actions: ['skip', 'update'],
    })
    expect(duplicateOf(6)).toMatchObject({
      by: 'nameCity',
      factoryId: byName.id,
      actions: ['skip', 'update', 'add'],
    })
    expect(duplicateOf(8)).toBeNull()
    expect(duplicateOf(9)).toEqual({
      by: 'creditCode',
      factoryId: null,
      factoryName: '广州导入示例纸业3号厂',
      row: 8,
      actions: ['skip'],
    })
    // A credit code names one company: it cannot be added as a second factory.
    const refused = failed(
      await call('imports.commit', {
        importId: file.importId,
        kind: 'factories',
        duplicates: [{ row: 5, action: 'add' }],
      }),
    )
    expect(refused).toMatchObject({ code: 'validation', messageKey: 'errors.import.duplicateAction' })
    expect(writeCounts(core).factories).toBe(2)

    const changesBefore = writeCounts(core).changes
    const done = ok(
      await call('imports.commit', {
        importId: file.importId,
        kind: 'factories',
        duplicates: [
          { row: 5, action: 'update' },
          { row: 6, action: 'add' },
        ],
      }),
    )
    expect(done).toEqual({ outcome: 'imported', imported: 3, updated: 1, skipped: 1 })
    const updated = ok<Factory>(await call('factories.get', { id: byCode.id }))
    expect(updated).toMatchObject({
      name: '晋江恒达纸品有限公司',
      province: '福建',
      industrialBelt: '晋江生活用纸',
      categories: ['抽纸', '卷纸'],
      oemBrands: ['维达', '心相印'],
      status: 'prospect',
    })
    expect(updated.contacts).toHaveLength(1)
    expect(updated.contacts[0]!.phone.replace(/\D/g, '')).toMatch(/13707709687$/)
    expect(await factoryByName('保定导入示例纸业2号厂')).toHaveLength(2)
    expect(await factoryByName('广州导入示例纸业3号厂')).toHaveLength(1)
    // The update went through the write path: the changed field is in the change log (after its
    // create), ready to sync.
    const logged = core.database.sqlite
      .prepare(`SELECT count(*) AS n FROM change_log WHERE row_id = ? AND column_name = 'industrial_belt'`)
      .get(byCode.id) as { n: number }
    expect(logged.n).toBe(2)
    expect(writeCounts(core).changes).toBeGreaterThan(changesBefore)
  })

  it('re-checks at commit time: a factory added after the preview is not written twice', async () => {
    const rows = factoryRows(2)
    const file = await uploaded(await departmentListXlsx(FACTORY_HEADERS, rows), 'race.xlsx')
    expect(await preview({ importId: file.importId })).toMatchObject({ good: 2, duplicates: 0 })
    // Another window adds the second factory between the preview and the commit.
    const meanwhile = ok<Factory>(
      await call('factories.create', { name: '保定恒达纸品', creditCode: creditCode(2) }),
    )
    const before = writeCounts(core)
    const refused = failed(await call('imports.commit', { importId: file.importId, kind: 'factories' }))
    expect(refused).toMatchObject({ code: 'conflict', messageKey: 'errors.import.changedSinceCheck' })
    expect(refused.fields[0]!.params).toEqual({ row: 6, count: 1, name: '保定恒达纸品' })
    expect(writeCounts(core)).toEqual(before)

    const again = await preview({ importId: file.importId })
    expect(again.rows.find((r) => r.rowNumber === 6)?.duplicate).toMatchObject({ factoryId: meanwhile.id })
    const done = ok(
      await call('imports.commit', {
        importId: file.importId,
        kind: 'factories',
        duplicates: [{ row: 6, action: 'update' }],
      }),
    )
    expect(done).toMatchObject({ imported: 2, updated: 1 })
    const { items } = ok<{ items: FactorySummary[] }>(await call('factories.list', {}))
    expect(items).toHaveLength(2)
    expect(ok<Factory>(await call('factories.get', { id: meanwhile.id })).city).toBe('保定')
  })

  it('imports a factory price list as quotes for one SKU: tiers, pack, VAT and freight', async () => {
    const { sku, factories } = await seedPaperSku(call)
    const factory = factories[0]!
    const headers = ['品名', '规格', '起订量', '含税单价（元/箱）', '运费', '交期', '备注']
    const rows: Cell[][] = [
      ['竹浆本色抽纸 3层', '24包×100抽', '1,000箱', '¥15.00', '包邮', '15天', ''],
      ['竹浆本色抽纸 3层', '24包×100抽', '5000箱', '14.40', '包邮', '15天', ''],
      ['竹浆本色抽纸 3层', '10包×130抽', '500', '7.20', '0.5元/箱', '', '试单价'],
      ['竹浆本色抽纸 3层', '10包×130抽', '2000', '6.85', '0.5元/箱', '', ''],
    ]
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('报价单')
    sheet.getCell('A1').value = '晋江示例纸业 报价单（2026年11月）'
    sheet.mergeCells('A1:G1')
    sheet.getRow(3).values = headers
    rows.forEach((row, i) => (sheet.getRow(4 + i).values = row))
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer())
    const target = { skuId: sku.id, factoryId: factory.id }

    const file = await uploaded(bytes, '报价单.xlsx')
    expect(failed(await call('imports.preview', { importId: file.importId, kind: 'quotes' })).code).toBe(
      'validation',
    )
    const shown = ok<ImportPreview>(
      await call('imports.preview', { importId: file.importId, kind: 'quotes', target }),
    )
    expect(shown).toMatchObject({ headerRow: 3, good: 4, bad: 0, quotes: 2 })
    expect(shown.mapping).toEqual([
      'product',
      'packSpec',
      'fromPacks',
      'price',
      'freight',
      'leadTimeDays',
      'notes',
    ])
    ok(await call('imports.commit', { importId: file.importId, kind: 'quotes', target }))
    const quotes = ok<Quote[]>(await call('quotes.list', { skuId: sku.id }))
    const bigCase = quotes.find((q) => q.unitsPerPack === '2400')!
    expect(bigCase).toMatchObject({
      factoryId: factory.id,
      vatBasis: 'included',
      packSpec: [
        { count: 24, label: '包' },
        { count: 100, label: '抽' },
      ],
      tiers: [
        { fromPacks: 1000, pricePerPack: '15.00' },
        { fromPacks: 5000, pricePerPack: '14.40' },
      ],
      moqPacks: 1000,
      freight: { kind: 'included' },
      leadTimeDays: 15,
    })
    const smallCase = quotes.find((q) => q.unitsPerPack === '1300')!
    expect(smallCase).toMatchObject({
      freight: { kind: 'perPack', amount: '0.5' },
      tiers: [
        { fromPacks: 500, pricePerPack: '7.20' },
        { fromPacks: 2000, pricePerPack: '6.85' },
      ],
    })
    expect(smallCase.notes).toContain('试单价')
  })

  it('shows a price list row it cannot read on its cell, and writes no quote', async () => {
    const { sku, factories } = await seedPaperSku(call)
    const target = { skuId: sku.id, factoryId: factories[0]!.id }
    const headers = ['规格', '起订量', '单价', '是否含税', '运费']
    const rows: Cell[][] = [
      ['24包×100抽', '1000', '15.00', '含税', '包邮'],
      ['24包×100抽', '1000', '14.80', '含税', '包邮'],
      ['24包×100抽', '3000', '面议', '不含税', '看情况'],
    ]
    const workbook = new ExcelJS.Workbook()
    workbook.addWorksheet('报价').addRows([headers, ...rows])
    const file = await uploaded(Buffer.from(await workbook.xlsx.writeBuffer()), 'quote.xlsx')
    const shown = ok<ImportPreview>(
      await call('imports.preview', { importId: file.importId, kind: 'quotes', target }),
    )
    expect(shown).toMatchObject({ good: 1, bad: 2 })
    expect(shown.rows[1]!.errors).toEqual([
      { column: 1, field: 'fromPacks', messageKey: 'errors.import.tierRepeated', params: { row: 2 } },
    ])
    expect(shown.rows[2]!.errors.map((e) => [e.column, e.messageKey])).toEqual([
      [2, 'errors.decimal.invalid'],
      [4, 'errors.import.freight'],
    ])
    expect(
      failed(await call('imports.commit', { importId: file.importId, kind: 'quotes', target })).messageKey,
    ).toBe('errors.import.badRows')
    expect(ok<Quote[]>(await call('quotes.list', { skuId: sku.id }))).toEqual([])
  })
})
