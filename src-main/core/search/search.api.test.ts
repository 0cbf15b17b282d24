import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { failed, ok } from '../../../test/integration/support/api-result'
import { CASE_2400 } from '../../../test/integration/support/paper-sku'
import { createTempCore, type TempCore } from '../../../test/integration/support/temp-core'
import type { Factory, FactoryInput } from '../factories/factories.contract'
import { factoriesTable } from '../factories/factories.columns'
import type { Sku } from '../skus/skus.contract'
import { inTransaction, insertRow, updateRow } from '../write/write-path'
import type { SearchQuery, SearchResults } from './search.contract'
import { ensureSearchIndex } from './search-index'

/** Search through the dispatcher, on a real SQLite file, with records written through the API. */

const CREDIT_CODE = '91350100M000100Y43'

describe('search API', () => {
  let core: TempCore
  const call = (name: string, input: unknown) => core.dispatch(name, input)
  const search = async (text: string, extra: Omit<SearchQuery, 'text'> = {}) =>
    ok<SearchResults>(await call('search.query', { text, ...extra }))
  const titles = async (text: string) => (await search(text)).results.map((r) => r.title)
  const createFactory = async (input: FactoryInput) => ok<Factory>(await call('factories.create', input))
  const createSku = async (name: string, notes = '') =>
    ok<Sku>(
      await call('skus.create', {
        category: '生活用纸',
        name,
        comparableUnit: '抽',
        retailPackSpec: CASE_2400,
        plannedOrderPacks: 10_000,
        targetMargin: '0.35',
        notes,
      }),
    )
  const docCount = () =>
    (core.database.sqlite.prepare('SELECT count(*) AS n FROM search_docs').get() as { n: number }).n

  beforeEach(async () => {
    core = await createTempCore()
  })
  afterEach(async () => {
    await core.dispose()
  })

  it('finds a Chinese substring of one, two or more characters inside a name', async () => {
    const sku = await createSku('家庭用纸巾三层 100抽×24包')
    await createFactory({ name: '中山洁美日化', categories: ['洗手液'] })
    for (const text of ['纸巾', '巾', '纸巾三层', '用纸巾三']) {
      const { results } = await search(text)
      expect(
        results.map((r) => [r.kind, r.id, r.match]),
        text,
      ).toEqual([['sku', sku.id, 'title']])
    }
    const [hit] = (await search('纸巾')).results
    expect(hit?.snippet.filter((p) => p.hit).map((p) => p.text)).toEqual(['纸巾'])
    expect(hit?.snippet.map((p) => p.text).join('')).toBe('家庭用纸巾三层 100抽×24包')
    expect(await titles('洁美')).toEqual(['中山洁美日化'])
    expect(await titles('纸巾四层')).toEqual([])
  })

  it('requires every whitespace-separated term, in any field', async () => {
    await createFactory({ name: '晋江恒安纸业', city: '晋江', categories: ['湿厕纸'] })
    await createFactory({ name: '保定恒安纸业', city: '保定', categories: ['卷纸'] })
    expect(await titles('恒安 湿厕')).toEqual(['晋江恒安纸业'])
    expect(await titles('恒安纸业 湿厕纸')).toEqual(['晋江恒安纸业'])
    expect((await titles('恒安')).sort()).toEqual(['保定恒安纸业', '晋江恒安纸业'])
  })

  it('matches Latin text regardless of case, short or long', async () => {
    await createFactory({ name: '陈氏酒业', oemBrands: ['Kirkland Signature'] })
    await createFactory({ name: 'Sunny Paper 纸业' })
    for (const text of ['kirkland', 'KIRK', 'ｋｉｒｋ'])
      expect(await titles(text), text).toEqual(['陈氏酒业'])
    for (const text of ['sunny', 'PAPER', 'Pa', 'y', 'ｓｕ'])
      expect(await titles(text), text).toEqual(['Sunny Paper 纸业'])
  })

  it('answers 1–2 character queries from titles and subtitles, longer ones from every field', async () => {
    await createFactory({
      name: '陈氏酒业',
      city: '仁怀',
      address: '茅台镇酒厂路8号',
      oemBrands: ['Kirkland'],
    })
    expect(await titles('仁怀')).toEqual(['陈氏酒业'])
    expect(await titles('茅台镇')).toEqual(['陈氏酒业'])
    expect(await titles('茅台')).toEqual([])
  })

  it('finds a record by its exact code first and flags it, and by part of a code', async () => {
    const coded = await createFactory({ name: '福州码上纸业', creditCode: CREDIT_CODE, shopId: 'b2b-fz8823' })
    // Another factory mentions the code in its notes: found too, but after the exact match.
    await createFactory({ name: '福州另一家纸业', notes: `曾与 ${CREDIT_CODE} 合作` })
    const exact = await search(` ${CREDIT_CODE.toLowerCase()} `)
    expect(exact.exactCode).toBe(true)
    expect(exact.results.map((r) => [r.title, r.match])).toEqual([
      ['福州码上纸业', 'code'],
      ['福州另一家纸业', 'body'],
    ])
    expect(exact.results[0]).toMatchObject({ id: coded.id, kind: 'factory', code: CREDIT_CODE })
    const byShop = await search('B2B-FZ8823')
    expect(byShop.exactCode).toBe(true)
    expect(byShop.results[0]?.id).toBe(coded.id)
    const part = await search('0100M')
    expect(part.exactCode).toBe(false)
    expect(part.results.map((r) => [r.title, r.match])).toEqual([
      ['福州码上纸业', 'title'],
      ['福州另一家纸业', 'body'],
    ])
  })

  it('ranks title matches above other fields and groups results by kind', async () => {
    await createFactory({ name: '中山日化', categories: ['洗手液'] })
    await createFactory({ name: '佛山洗手液厂' })
    await createSku('泡沫洗手液 300ml', '')
    await createSku('厨房纸', '对标洗手液的包装')
    const { results } = await search('洗手液')
    expect(results.map((r) => [r.kind, r.title, r.match])).toEqual([
      ['factory', '佛山洗手液厂', 'title'],
      ['factory', '中山日化', 'body'],
      ['sku', '泡沫洗手液 300ml', 'title'],
      ['sku', '厨房纸', 'body'],
    ])
    const onlySkus = await search('洗手', { kinds: ['sku'], limit: 1 })
    expect(onlySkus.results.map((r) => r.title)).toEqual(['泡沫洗手液 300ml'])
  })

  it('limits results per kind, newest first among equals', async () => {
    for (let i = 1; i <= 7; i++) await createFactory({ name: `晋江第${i}纸业` })
    expect(await titles('纸业')).toEqual([
      '晋江第7纸业',
      '晋江第6纸业',
      '晋江第5纸业',
      '晋江第4纸业',
      '晋江第3纸业',
    ])
    expect((await search('晋江第', { limit: 2 })).results).toHaveLength(2)
  })

  it('re-indexes an update and drops a deleted record, in both query paths', async () => {
    const factory = await createFactory({ name: '东莞旧名纸品' })
    ok(await call('factories.update', { id: factory.id, values: { name: '东莞新名纸品' } }))
    expect(await titles('旧名')).toEqual([])
    expect(await titles('旧名纸品')).toEqual([])
    expect(await titles('新名')).toEqual(['东莞新名纸品'])
    expect(await titles('新名纸品')).toEqual(['东莞新名纸品'])
    ok(await call('factories.delete', { id: factory.id }))
    expect(await titles('新名')).toEqual([])
    expect(await titles('新名纸品')).toEqual([])
    expect(docCount()).toBe(0)
  })

  it('leaves the index unchanged when the write transaction fails', async () => {
    const factory = await createFactory({ name: '泉州原名纸业' })
    const before = docCount()
    const attempt = inTransaction(core.context.db, async (trx) => {
      await insertRow(trx, core.context.write, factoriesTable, { ...columnsOf('泉州回滚纸业') })
      await updateRow(trx, core.context.write, factoriesTable, factory.id, { name: '泉州改名纸业' })
      throw new Error('the rest of the write failed')
    })
    await expect(attempt).rejects.toThrow('the rest of the write failed')
    expect(docCount()).toBe(before)
    expect(await titles('回滚')).toEqual([])
    expect(await titles('改名纸业')).toEqual([])
    expect(await titles('原名')).toEqual(['泉州原名纸业'])
    expect(
      core.database.sqlite.prepare("INSERT INTO search_fts (search_fts) VALUES ('integrity-check')").run(),
    )
  })

  it('treats FTS5 syntax and odd characters in the query as plain text', async () => {
    await createFactory({ name: 'A"B* NEAR(x) 纸业 AND OR -c ^d {e}: 厂' })
    expect(await titles('"B* NEAR(x)')).toEqual(['A"B* NEAR(x) 纸业 AND OR -c ^d {e}: 厂'])
    expect(await titles('{e}:')).toHaveLength(1)
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.constantFrom(
            '"',
            '*',
            ':',
            '^',
            '(',
            ')',
            '{',
            '}',
            '-',
            '+',
            'NEAR',
            'AND',
            'OR',
            'NOT',
            ' ',
            '纸',
            'a',
            '\u0001',
            '\\',
            "'",
            '%',
            '_',
          ),
          { maxLength: 12 },
        ),
        async (pieces) => {
          const result = await call('search.query', { text: pieces.join('') })
          expect(result.ok).toBe(true)
        },
      ),
      { numRuns: 200 },
    )
    expect(failed(await call('search.query', { text: 'x'.repeat(501) })).code).toBe('validation')
    expect(failed(await call('search.query', { text: '纸', limit: 0 })).code).toBe('validation')
    expect(failed(await call('search.query', { text: '纸', kinds: ['quote'] })).code).toBe('validation')
    expect(await search('   ')).toEqual({ results: [], exactCode: false })
  })

  it('finds samples by their code (a scanned label opens the sample), visits and tours by name', async () => {
    const factory = await createFactory({ name: '晋江恒信纸业', city: '晋江' })
    const tour = ok<{ id: string }>(
      await call('tours.create', {
        name: '晋江纸品产业带考察',
        startDate: '2026-03-09',
        endDate: '2026-03-12',
        belts: ['晋江纸品'],
        members: ['王敏'],
        plannedFactoryIds: [factory.id],
      }),
    )
    const visit = ok<{ id: string }>(
      await call('visits.create', { factoryId: factory.id, tourId: tour.id, visitDate: '2026-03-10' }),
    )
    const sample = ok<{ id: string; code: string }>(
      await call('samples.create', {
        source: 'selectionCenter',
        factoryId: factory.id,
        name: '家庭用纸巾三层',
      }),
    )
    expect(sample.code).toMatch(/^S-\d{4}-/)
    const scanned = await search(sample.code.toLowerCase())
    expect(scanned.exactCode).toBe(true)
    expect(scanned.results[0]).toMatchObject({
      kind: 'sample',
      id: sample.id,
      code: sample.code,
      match: 'code',
    })
    expect((await search('纸巾')).results.map((r) => [r.kind, r.id])).toEqual([['sample', sample.id]])
    const byFactory = await search('恒信')
    expect(byFactory.results.map((r) => r.kind).sort()).toEqual(['factory', 'sample', 'visit'])
    expect(byFactory.results.find((r) => r.kind === 'visit')).toMatchObject({
      id: visit.id,
      title: '晋江恒信纸业',
    })
    // The visit names its tour, so it is found too, below the tour whose title matches.
    expect((await search('产业带考察')).results.map((r) => [r.kind, r.id, r.match])).toEqual([
      ['tour', tour.id, 'title'],
      ['visit', visit.id, 'body'],
    ])
    // Renaming the factory re-indexes the visit and the sample that show its name, in the same write.
    ok(await call('factories.update', { id: factory.id, values: { name: '晋江恒丰纸业', city: '晋江' } }))
    expect((await search('恒信')).results).toEqual([])
    expect((await search('恒丰')).results.map((r) => r.kind).sort()).toEqual(['factory', 'sample', 'visit'])
  })

  it('indexes rows written before the index existed, once, at start-up', async () => {
    // Rows written straight into the table, as by a version without search.
    const insert = core.database.sqlite.prepare(
      "INSERT INTO factories (id, name, city, categories, created_at, updated_at) VALUES (?, ?, ?, ?, 'now', 'now')",
    )
    insert.run('01890a5d-ac96-774b-bcce-b302099a0001', '仙桃老厂无纺布', '仙桃', '["一次性内裤"]')
    insert.run('01890a5d-ac96-774b-bcce-b302099a0002', '仙桃老二无纺布', '仙桃', '["浴巾"]')
    core.database.sqlite.prepare("DELETE FROM meta WHERE key = 'search_index_format'").run()
    expect(await titles('老厂')).toEqual([])
    const dataDir = core.dataDir
    await core.close()
    core = await createTempCore({ dataDir })
    expect(await titles('老厂')).toEqual(['仙桃老厂无纺布'])
    expect(await titles('内裤')).toEqual(['仙桃老厂无纺布'])
    expect(await titles('无纺布')).toEqual(['仙桃老二无纺布', '仙桃老厂无纺布'])
    expect(await ensureSearchIndex(core.context.db)).toBeNull()
    expect(docCount()).toBe(2)
  })
})

function columnsOf(name: string): Record<string, unknown> {
  return {
    name,
    shop_id: '',
    credit_code: '',
    credit_code_note: '',
    province: '',
    city: '',
    address: '',
    industrial_belt: '',
    categories: '[]',
    oem_brands: '[]',
    certifications: '[]',
    capacity: '',
    contacts: '[]',
    status: 'prospect',
    notes: '',
  }
}
