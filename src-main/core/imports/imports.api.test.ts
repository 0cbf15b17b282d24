import iconv from 'iconv-lite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { failed, ok } from '../../../test/integration/support/api-result'
import {
  creditCode,
  csvBytes,
  FACTORY_HEADERS,
  factoryRows,
  xlsxBytes,
  type Cell,
} from '../../../test/integration/support/spreadsheets'
import { createTempCore, writeCounts, type TempCore } from '../../../test/integration/support/temp-core'
import type { FactorySummary } from '../factories/factories.contract'
import type { Sample, SampleSummary } from '../samples/samples.contract'
import { importRoutes } from './imports.api'
import type { ImportPreview, ImportProgress, ImportUpload } from './imports.contract'

/** Imports through the upload route and the dispatcher, with files written in the test. */

describe('imports', () => {
  let core: TempCore
  const call = (name: string, input: unknown) => core.dispatch(name, input)
  const upload = (bytes: Uint8Array, name: string) => importRoutes(core.context).upload(bytes, name)
  const uploaded = async (bytes: Uint8Array, name: string) => ok<ImportUpload>(await upload(bytes, name))
  const preview = async (importId: string, kind = 'factories', mapping?: (string | null)[]) =>
    ok<ImportPreview>(await call('imports.preview', { importId, kind, mapping }))
  const factoryNames = async () =>
    ok<{ items: FactorySummary[] }>(
      await call('factories.list', { sort: 'name', direction: 'asc' }),
    ).items.map((f) => f.name)

  beforeEach(async () => {
    core = await createTempCore()
  })
  afterEach(async () => {
    await core.dispose()
  })

  it('reads an .xlsx with Chinese headers, maps them and imports every row', async () => {
    const file = await uploaded(await xlsxBytes(FACTORY_HEADERS, factoryRows(3)), '工厂名单.xlsx')
    expect(file).toMatchObject({ format: 'xlsx', encoding: null, sheetName: '工厂', rowCount: 3 })
    const shown = await preview(file.importId)
    expect(shown.mapping).toEqual([
      'name',
      'creditCode',
      'province',
      'city',
      'industrialBelt',
      'categories',
      'oemBrands',
      'contactName',
      'contactPhone',
      'status',
      'notes',
    ])
    expect(shown).toMatchObject({ total: 3, good: 3, bad: 0, mappingErrors: [] })
    expect(writeCounts(core).factories).toBe(0)

    const done = ok(await call('imports.commit', { importId: file.importId, kind: 'factories' }))
    expect(done).toEqual({ outcome: 'imported', imported: 3, updated: 0, skipped: 0 })
    const id = ok<{ items: FactorySummary[] }>(
      await call('factories.list', { search: '晋江导入示例纸业1号厂' }),
    ).items[0]!.id
    const factory = ok<Record<string, unknown>>(await call('factories.get', { id }))
    expect(factory).toMatchObject({
      province: '福建',
      city: '晋江',
      categories: ['抽纸', '卷纸'],
      oemBrands: ['维达', '心相印'],
      contacts: [{ name: '联系人1', phone: '13800000000', role: '', wechat: '' }],
      status: 'prospect',
      creditCode: creditCode(1),
    })
    // The same file again: every row names a factory already there, shown as such and skipped by default.
    const again = await preview(
      (await uploaded(await xlsxBytes(FACTORY_HEADERS, factoryRows(3)), 'again.xlsx')).importId,
    )
    expect(again).toMatchObject({ bad: 0, duplicates: 3 })
    expect(again.rows[0]!.duplicate).toEqual({
      by: 'creditCode',
      factoryId: id,
      factoryName: '晋江导入示例纸业1号厂',
      row: null,
      actions: ['skip', 'update'],
    })
    const skipped = ok(await call('imports.commit', { importId: again.importId, kind: 'factories' }))
    expect(skipped).toEqual({ outcome: 'imported', imported: 0, updated: 0, skipped: 3 })
    expect(await factoryNames()).toHaveLength(3)
  })

  it('reads a GBK CSV as Excel in China saves it, and a UTF-8 one with BOM', async () => {
    const gbk = csvBytes(FACTORY_HEADERS, factoryRows(2), 'gbk')
    // Not UTF-8: the bytes of 工厂 in GBK are not a valid UTF-8 sequence.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow()
    const file = await uploaded(gbk, 'factories.csv')
    expect(file).toMatchObject({ format: 'csv', encoding: 'gb18030', headers: FACTORY_HEADERS, rowCount: 2 })
    expect((await preview(file.importId)).rows[1]!.cells[0]).toBe('保定导入示例纸业2号厂')

    const bom = await uploaded(csvBytes(FACTORY_HEADERS, factoryRows(2), 'utf-8-bom'), 'utf8.csv')
    expect(bom).toMatchObject({ encoding: 'utf-8-bom', headers: FACTORY_HEADERS })
  })

  it('shows a bad row with its Excel row number, column and message, and writes nothing', async () => {
    const rows = factoryRows(4)
    rows[2]![1] = '91350582MA00000039' // a typo: wrong check character
    rows[3]![8] = '12345'
    const file = await uploaded(csvBytes(FACTORY_HEADERS, rows, 'utf-8'), 'bad.csv')
    const shown = await preview(file.importId)
    expect(shown).toMatchObject({ total: 4, good: 2, bad: 2 })
    const bad = shown.rows.filter((r) => r.errors.length > 0)
    // Header is row 1, so the third data row is row 4 in Excel.
    expect(bad.map((r) => [r.rowNumber, r.errors])).toEqual([
      [4, [{ column: 1, field: 'creditCode', messageKey: 'errors.creditCode.checksum' }]],
      [5, [{ column: 8, field: 'contactPhone', messageKey: 'errors.phone.invalid' }]],
    ])
    const before = writeCounts(core)
    const refused = failed(await call('imports.commit', { importId: file.importId, kind: 'factories' }))
    expect(refused).toMatchObject({ code: 'validation', messageKey: 'errors.import.badRows' })
    expect(refused.fields[0]!.params).toEqual({ count: 2, row: 4 })
    expect(writeCounts(core)).toEqual(before)

    // Leaving the two rows out explicitly imports the rest.
    const partial = ok(
      await call('imports.commit', { importId: file.importId, kind: 'factories', excludedRows: [4, 5] }),
    )
    expect(partial).toMatchObject({ outcome: 'imported', imported: 2 })
    // Listed by pinyin: 保定 (bǎo) before 晋江 (jìn).
    expect(await factoryNames()).toEqual(['保定导入示例纸业2号厂', '晋江导入示例纸业1号厂'])
  })

  it('imports every row once the file is fixed', async () => {
    const rows = factoryRows(3)
    rows[1]![1] = 'NOT-A-CODE'
    const broken = await uploaded(csvBytes(FACTORY_HEADERS, rows, 'gbk'), 'list.csv')
    expect((await preview(broken.importId)).bad).toBe(1)
    failed(await call('imports.commit', { importId: broken.importId, kind: 'factories' }))
    expect(writeCounts(core).factories).toBe(0)

    rows[1]![1] = creditCode(2)
    const fixed = await uploaded(csvBytes(FACTORY_HEADERS, rows, 'gbk'), 'list.csv')
    expect(ok(await call('imports.commit', { importId: fixed.importId, kind: 'factories' }))).toMatchObject({
      outcome: 'imported',
      imported: 3,
    })
    expect(await factoryNames()).toHaveLength(3)
    // A spreadsheet is imported once.
    const twice = failed(await call('imports.commit', { importId: fixed.importId, kind: 'factories' }))
    expect(twice.messageKey).toBe('errors.import.committed')
  })

  it('takes an edited mapping, and says what is wrong with a bad one', async () => {
    const headers = ['厂', '地区', '说明']
    const rows: Cell[][] = [['恒达纸品', '福建', '老客户']]
    const file = await uploaded(csvBytes(headers, rows, 'utf-8'), 'odd.csv')
    const suggested = await preview(file.importId)
    expect(suggested.mapping).toEqual([null, null, 'notes'])
    expect(suggested.mappingErrors).toEqual([
      { column: null, field: 'name', messageKey: 'errors.import.fieldUnmapped' },
    ])
    const twice = await preview(file.importId, 'factories', ['name', 'name', null])
    expect(twice.mappingErrors).toEqual([
      { column: 1, field: 'name', messageKey: 'errors.import.fieldTwice' },
    ])
    expect(
      failed(
        await call('imports.commit', {
          importId: file.importId,
          kind: 'factories',
          mapping: ['name', 'name', null],
        }),
      ).messageKey,
    ).toBe('errors.import.mapping')

    const mapping = ['name', 'province', 'notes']
    expect(await preview(file.importId, 'factories', mapping)).toMatchObject({ good: 1, bad: 0 })
    ok(await call('imports.commit', { importId: file.importId, kind: 'factories', mapping }))
    const [factory] = ok<{ items: FactorySummary[] }>(await call('factories.list', {})).items
    expect(factory).toMatchObject({ name: '恒达纸品', province: '福建' })
  })

  it('refuses a truncated .xlsx, an old .xls, a binary file and an empty sheet, writing nothing', async () => {
    const whole = await xlsxBytes(FACTORY_HEADERS, factoryRows(50))
    const cases: [Uint8Array, string][] = [
      [whole.subarray(0, Math.floor(whole.length * 0.6)), 'errors.import.malformed'],
      [Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), 'errors.import.oldExcel'],
      [
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]),
        'errors.import.encoding',
      ],
      [Buffer.from('工厂名称,省份\r\n\r\n', 'utf8'), 'errors.import.noRows'],
      [Buffer.alloc(0), 'errors.import.empty'],
      [Buffer.from('工厂名称,备注\r\n"恒达纸品,未闭合的引号\r\n', 'utf8'), 'errors.import.malformedCsv'],
    ]
    for (const [bytes, messageKey] of cases) {
      const error = failed(await upload(bytes, 'x.xlsx'))
      expect(error.messageKey, messageKey).toBe(messageKey)
    }
    expect(writeCounts(core)).toEqual({ factories: 0, changes: 0 })
  })

  it('refuses text in an encoding that is neither UTF-8 nor GB18030', async () => {
    // UTF-16 without a BOM is recognised; raw Latin-1 control bytes are not text at all.
    const utf16 = iconv.encode('工厂名称,省份\r\n恒达纸品,福建\r\n', 'utf-16le')
    expect(await uploaded(utf16, 'u16.csv')).toMatchObject({ encoding: 'utf-16le', rowCount: 1 })
    const error = failed(await upload(Buffer.from([0x80, 0x81, 0x01, 0x02, 0x03, 0x1b, 0x0a]), 'odd.csv'))
    expect(error.messageKey).toBe('errors.import.encoding')
  })

  it('cancels a running import: nothing is written, and the progress said how far it got', async () => {
    const file = await uploaded(csvBytes(FACTORY_HEADERS, factoryRows(3000), 'utf-8'), 'big.csv')
    expect((await preview(file.importId)).good).toBe(3000)
    const before = writeCounts(core)
    const commit = call('imports.commit', { importId: file.importId, kind: 'factories' })
    let seen: ImportProgress = { state: 'idle', done: 0, total: 0 }
    while (seen.state !== 'running' || seen.done < 500) {
      await new Promise((resolve) => setImmediate(resolve))
      seen = ok<ImportProgress>(await call('imports.progress', { importId: file.importId }))
      if (seen.state === 'done') throw new Error('finished before it could be cancelled')
    }
    expect(seen.total).toBe(3000)
    expect(ok(await call('imports.cancel', { importId: file.importId }))).toEqual({ cancelling: true })
    expect(ok(await commit)).toMatchObject({ outcome: 'cancelled', imported: 0 })
    expect(writeCounts(core)).toEqual(before)
    expect(ok<ImportProgress>(await call('imports.progress', { importId: file.importId })).state).toBe(
      'cancelled',
    )
    // The search index rolled back with the rows.
    const found = ok<{ results: unknown[] }>(await call('search.query', { text: '导入示例' }))
    expect(found.results).toEqual([])
  })

  it('imports 10,000 rows from an .xlsx in one transaction', async () => {
    const bytes = await xlsxBytes(FACTORY_HEADERS, factoryRows(10_000))
    const started = performance.now()
    const file = await uploaded(bytes, '10k.xlsx')
    expect((await preview(file.importId)).good).toBe(10_000)
    expect(ok(await call('imports.commit', { importId: file.importId, kind: 'factories' }))).toMatchObject({
      outcome: 'imported',
      imported: 10_000,
    })
    const seconds = (performance.now() - started) / 1000
    expect(ok<{ total: number }>(await call('factories.stats', {})).total).toBe(10_000)
    // The bench measures it properly; here only a wide bound against a pathological slowdown.
    expect(seconds).toBeLessThan(15)
  }, 60_000)

  it('imports samples against existing factories by name and flags an unknown factory', async () => {
    const factory = ok<{ id: string }>(await call('factories.create', { name: '晋江恒达纸品' }))
    const headers = ['样品名称', '工厂', '类目', '规格', '存放位置', '来源', '状态']
    const rows: Cell[][] = [
      [
        '三层抽纸 130抽',
        '晋江恒达纸品',
        '生活用纸',
        '层数:3；抽数：130',
        '选品中心 B-3',
        '选品中心',
        '已收样',
      ],
      ['湿厕纸 80片', '不存在的工厂', '生活用纸', '', '', '', ''],
    ]
    const file = await uploaded(await xlsxBytes(headers, rows, '样品'), 'samples.xlsx')
    const shown = await preview(file.importId, 'samples')
    expect(shown.mapping).toEqual([
      'name',
      'factory',
      'category',
      'specs',
      'storageLocation',
      'source',
      'status',
    ])
    expect(shown.rows[1]!.errors).toEqual([
      {
        column: 1,
        field: 'factory',
        messageKey: 'errors.import.unknownFactory',
        params: { value: '不存在的工厂' },
      },
    ])
    failed(await call('imports.commit', { importId: file.importId, kind: 'samples' }))
    expect(ok<SampleSummary[]>(await call('samples.list', {}))).toEqual([])

    ok(await call('imports.commit', { importId: file.importId, kind: 'samples', excludedRows: [3] }))
    const [summary] = ok<SampleSummary[]>(await call('samples.list', {}))
    const sample = ok<Sample>(await call('samples.get', { id: summary!.id }))
    expect(sample).toMatchObject({
      name: '三层抽纸 130抽',
      factoryId: factory.id,
      source: 'selectionCenter',
      status: 'received',
      storageLocation: '选品中心 B-3',
      specs: [
        { key: '层数', value: '3' },
        { key: '抽数', value: '130' },
      ],
    })
    expect(sample.code).toMatch(/^S-\d{4}-/)
  })

  it('needs an override reason for a sample in an excluded category', async () => {
    ok(await call('factories.create', { name: '宠物食品厂' }))
    ok(await call('categories.create', { name: '宠物主粮', status: 'excluded', note: '' }))
    const headers = ['样品名称', '工厂', '类目', '例外原因']
    const rows: Cell[][] = [
      ['猫粮 2kg', '宠物食品厂', '宠物主粮', ''],
      ['狗粮 5kg', '宠物食品厂', '宠物主粮', '山姆渠道专供试单'],
    ]
    const file = await uploaded(csvBytes(headers, rows, 'gbk'), 'pets.csv')
    const shown = await preview(file.importId, 'samples')
    expect(shown.rows.map((r) => r.errors.map((e) => e.messageKey))).toEqual([
      ['errors.category.excluded'],
      [],
    ])
    ok(await call('imports.commit', { importId: file.importId, kind: 'samples', excludedRows: [2] }))
    const [summary] = ok<SampleSummary[]>(await call('samples.list', {}))
    expect(summary).toMatchObject({ name: '狗粮 5kg', overridden: true })
  })

  it('answers an unknown or discarded import id with a specific error', async () => {
    const file = await uploaded(csvBytes(FACTORY_HEADERS, factoryRows(1), 'utf-8'), 'one.csv')
    ok(await call('imports.discard', { importId: file.importId }))
    const gone = failed(await call('imports.preview', { importId: file.importId, kind: 'factories' }))
    expect(gone).toMatchObject({ code: 'not_found', messageKey: 'errors.import.expired' })
  })
})
