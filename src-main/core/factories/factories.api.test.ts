import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTempCore, writeCounts, type TempCore } from '../../../test/integration/support/temp-core'
import { failed, ok } from '../../../test/integration/support/api-result'
import type { ApiError } from '../api/errors'
import type { Factory, FactoryInput, FactorySummary } from './factories.contract'

/** Factories through the dispatcher, as both hosts call them, on a real SQLite file. */

const VALID_CODE = '91350100M000100Y43'
const MISSING_ID = '01890a5d-ac96-774b-bcce-b302099a8057'

const FACTORIES: FactoryInput[] = [
  { name: '中山洁美日化', province: '广东', city: '中山', industrialBelt: '中山日化', status: 'qualified' },
  {
    name: '阿里山纸业',
    province: '福建',
    city: '晋江',
    industrialBelt: '晋江纸品',
    categories: ['生活用纸'],
  },
  { name: '百洁无纺布', province: '湖北', city: '仙桃', industrialBelt: '仙桃无纺布', status: 'paused' },
  { name: '陈氏酒业', province: '贵州', city: '仁怀', industrialBelt: '茅台镇白酒', oemBrands: ['Kirkland'] },
  { name: '蓝海纸品', province: '广东', city: '东莞', industrialBelt: '东莞纸品', status: 'qualified' },
]

describe('factories API', () => {
  let core: TempCore
  const call = (name: string, input: unknown) => core.dispatch(name, input)
  const list = async (query: Record<string, unknown> = {}) =>
    ok<{ items: FactorySummary[]; total: number }>(await call('factories.list', query))
  const create = async (input: FactoryInput) => ok<Factory>(await call('factories.create', input))

  beforeEach(async () => {
    core = await createTempCore()
  })
  afterEach(async () => {
    await core.dispose()
  })

  it('creates a factory with defaults filled in and returns it by id', async () => {
    const created = await create({
      name: '  晋江恒安纸业 ',
      creditCode: VALID_CODE.toLowerCase(),
      contacts: [{ name: '王经理', phone: '+86 138 0013 8000' }],
    })
    expect(created).toMatchObject({
      name: '晋江恒安纸业',
      creditCode: VALID_CODE,
      status: 'prospect',
      categories: [],
      contacts: [{ name: '王经理', role: '', phone: '13800138000', wechat: '' }],
    })
    expect(ok<Factory>(await call('factories.get', { id: created.id }))).toEqual(created)
    expect(ok<{ unsentRecords: number }>(await call('app.info', {})).unsentRecords).toBeGreaterThan(0)
  })

  describe('list', () => {
    beforeEach(async () => {
      for (const input of FACTORIES) await create(input)
    })

    const names = (items: FactorySummary[]) => items.map((f) => f.name)

    it('finds factories by a Chinese substring of name, city or belt', async () => {
      expect(names((await list({ search: '纸' })).items).sort()).toEqual(['蓝海纸品', '阿里山纸业'].sort())
      expect(names((await list({ search: '仙桃' })).items)).toEqual(['百洁无纺布'])
      expect(names((await list({ search: '茅台' })).items)).toEqual(['陈氏酒业'])
      expect(names((await list({ search: 'kirk' })).items)).toEqual(['陈氏酒业'])
      expect(await list({ search: '宠物主粮' })).toEqual({ items: [], total: 0 })
      // LIKE wildcards are matched literally.
      expect((await list({ search: '%' })).total).toBe(0)
    })

    it('filters by status', async () => {
      const qualified = await list({ statuses: ['qualified'], sort: 'name', direction: 'asc' })
      expect(names(qualified.items)).toEqual(['蓝海纸品', '中山洁美日化'])
      expect(qualified.total).toBe(2)
      expect((await list({ statuses: ['qualified', 'paused'] })).total).toBe(3)
      expect((await list({ statuses: ['blacklisted'] })).total).toBe(0)
    })

    it('sorts names in pinyin order, ascending and descending', async () => {
      const pinyin = ['阿里山纸业', '百洁无纺布', '陈氏酒业', '蓝海纸品', '中山洁美日化']
      expect(names((await list({ sort: 'name', direction: 'asc' })).items)).toEqual(pinyin)
      expect(names((await list({ sort: 'name', direction: 'desc' })).items)).toEqual([...pinyin].reverse())
    })

    it('summarises each factory for the list', async () => {
      const { items, total } = await list({ search: '陈氏' })
      expect(total).toBe(1)
      expect(items[0]).toMatchObject({
        city: '仁怀',
        oemBrands: ['Kirkland'],
        contactCount: 0,
        status: 'prospect',
      })
    })
  })

  describe('paging', () => {
    // Five factories per clock tick, so updatedAt ties; names and places repeat, so pinyin sorts tie too.
    const NAMES = ['恒安纸业', '阿里山纸业', '百洁无纺布', '陈氏酒业', '蓝海纸品', '中山洁美日化']
    const PLACES = [
      ['福建', '晋江'],
      ['广东', '中山'],
      ['湖北', '仙桃'],
    ] as const
    const COUNT = 47
    let clock = Date.parse('2025-03-01T08:00:00.000Z')

    beforeEach(async () => {
      await core.dispose()
      core = await createTempCore({ wallClock: () => clock })
      for (let i = 0; i < COUNT; i++) {
        if (i % 5 === 0) clock += 60_000
        const [province, city] = PLACES[i % PLACES.length]!
        await create({
          name: NAMES[i % NAMES.length]!,
          province,
          city,
          industrialBelt: `${city}产业带`,
          status: (['prospect', 'qualified', 'paused', 'blacklisted'] as const)[i % 4],
        })
      }
    })

    const queries: Record<string, unknown>[] = [
      {},
      { direction: 'asc' },
      ...(['name', 'province', 'industrialBelt', 'status'] as const).flatMap((sort) => [
        { sort, direction: 'asc' },
        { sort, direction: 'desc' },
      ]),
      { search: '纸', sort: 'name', direction: 'asc' },
      { search: '纸', statuses: ['prospect', 'paused'] },
    ]

    it.each(queries)('pages of %j concatenate to the whole list, each with the full total', async (query) => {
      const whole = await list(query)
      expect(whole.items.length).toBe(whole.total)
      expect(whole.total).toBeGreaterThan(7)
      const paged: FactorySummary[] = []
      for (let offset = 0; offset < whole.total; offset += 7) {
        const page = await list({ ...query, offset, limit: 7 })
        expect(page.total).toBe(whole.total)
        expect(page.items.length).toBe(Math.min(7, whole.total - offset))
        paged.push(...page.items)
      }
      expect(paged.map((f) => f.id)).toEqual(whole.items.map((f) => f.id))
      expect(new Set(paged.map((f) => f.id)).size).toBe(whole.total)
      expect(await list({ ...query, offset: whole.total, limit: 7 })).toEqual({
        items: [],
        total: whole.total,
      })
    })

    it('orders by last change with ties broken by id, the same way in both directions', async () => {
      const key = (f: FactorySummary) => `${f.updatedAt} ${f.id}`
      const newest = (await list({})).items.map(key)
      expect(newest).toEqual([...newest].sort().reverse())
      expect(new Set(newest.map((k) => k.split(' ')[0])).size).toBeLessThan(COUNT) // there are ties
      expect((await list({ direction: 'asc' })).items.map(key)).toEqual([...newest].reverse())
    })

    it('counts by status for the dashboard, leaving deleted factories out', async () => {
      const [gone] = (await list({ statuses: ['paused'], limit: 1 })).items
      ok(await call('factories.delete', { id: gone!.id }))
      const stats = ok<{ total: number; byStatus: Record<string, number> }>(await call('factories.stats', {}))
      expect(stats.total).toBe(COUNT - 1)
      for (const status of ['prospect', 'qualified', 'paused', 'blacklisted']) {
        expect(stats.byStatus[status]).toBe((await list({ statuses: [status] })).total)
      }
      expect(stats.byStatus).toEqual({ prospect: 12, qualified: 12, paused: 11, blacklisted: 11 })
    })

    it('refuses a page larger than the limit or a negative offset', async () => {
      expect(failed(await call('factories.list', { limit: 1001 })).fields).toContainEqual(
        expect.objectContaining({ path: ['limit'], messageKey: 'errors.tooBig.number' }),
      )
      expect(failed(await call('factories.list', { offset: -1 })).fields).toContainEqual(
        expect.objectContaining({ path: ['offset'], messageKey: 'errors.tooSmall.number' }),
      )
      expect(failed(await call('factories.list', { limit: 0 })).fields).toContainEqual(
        expect.objectContaining({ path: ['limit'], messageKey: 'errors.tooSmall.number' }),
      )
    })
  })

  it('update writes only the fields that changed', async () => {
    const created = await create(FACTORIES[1]!)
    const before = writeCounts(core)
    const { id, createdAt: _c, updatedAt: _u, ...values } = created
    const updated = ok<Factory>(
      await call('factories.update', { id, values: { ...values, city: '泉州', status: 'qualified' } }),
    )
    expect(updated).toMatchObject({ city: '泉州', status: 'qualified', name: '阿里山纸业' })
    expect(ok<Factory>(await call('factories.get', { id }))).toEqual(updated)

    const after = writeCounts(core)
    expect(after.factories).toBe(before.factories)
    const recorded = core.database.sqlite
      .prepare('SELECT column_name FROM change_log WHERE row_id = ? ORDER BY seq DESC LIMIT ?')
      .all(id, after.changes - before.changes) as { column_name: string }[]
    expect(recorded.map((r) => r.column_name).sort()).toEqual(['city', 'status', 'updated_at'])

    // The same values again: nothing to record.
    ok(await call('factories.update', { id, values: { ...values, city: '泉州', status: 'qualified' } }))
    expect(writeCounts(core)).toEqual(after)
  })

  it('delete hides the factory from list and get, and a second delete is not_found', async () => {
    const created = await create(FACTORIES[0]!)
    expect(ok(await call('factories.delete', { id: created.id }))).toEqual({ id: created.id })
    expect((await list()).total).toBe(0)
    expect(failed(await call('factories.get', { id: created.id }))).toMatchObject({
      code: 'not_found',
      fields: [{ path: ['id'], messageKey: 'errors.notFound' }],
    })
    expect(failed(await call('factories.delete', { id: created.id })).code).toBe('not_found')
    // The tombstone keeps the row so the deletion can sync.
    expect(writeCounts(core).factories).toBe(1)
  })

  describe('bad input is refused with a specific error and nothing is written', () => {
    let existing: Factory
    beforeEach(async () => {
      existing = await create(FACTORIES[3]!)
    })

    const valuesOf = (f: Factory) => {
      const { id: _i, createdAt: _ca, updatedAt: _ua, ...values } = f
      return values
    }

    const cases: {
      what: string
      call: string
      input: (f: Factory) => unknown
      code: ApiError['code']
      path: (string | number)[]
      messageKey: string
    }[] = [
      {
        what: 'a credit code whose check character fails, without a reason',
        call: 'factories.create',
        input: () => ({ name: '新厂', creditCode: '91350100M000100Y44' }),
        code: 'validation',
        path: ['creditCodeNote'],
        messageKey: 'errors.creditCode.reasonRequired',
      },
      {
        what: 'a credit code of the wrong length',
        call: 'factories.create',
        input: () => ({ name: '新厂', creditCode: '9135' }),
        code: 'validation',
        path: ['creditCode'],
        messageKey: 'errors.creditCode.length',
      },
      {
        what: 'an empty name',
        call: 'factories.create',
        input: () => ({ name: '   ' }),
        code: 'validation',
        path: ['name'],
        messageKey: 'errors.required',
      },
      {
        what: 'a phone that is not one, in a contact',
        call: 'factories.create',
        input: () => ({ name: '新厂', contacts: [{ name: '李', phone: '12345' }] }),
        code: 'validation',
        path: ['contacts', 0, 'phone'],
        messageKey: 'errors.phone.invalid',
      },
      {
        what: 'a name of the wrong type',
        call: 'factories.create',
        input: () => ({ name: 42 }),
        code: 'validation',
        path: ['name'],
        messageKey: 'errors.invalidType',
      },
      {
        what: 'categories that are not a list',
        call: 'factories.create',
        input: () => ({ name: '新厂', categories: '生活用纸' }),
        code: 'validation',
        path: ['categories'],
        messageKey: 'errors.invalidType',
      },
      {
        what: 'an unknown status',
        call: 'factories.create',
        input: () => ({ name: '新厂', status: 'friendly' }),
        code: 'validation',
        path: ['status'],
        messageKey: 'errors.invalidOption',
      },
      {
        what: 'an unknown key',
        call: 'factories.create',
        input: () => ({ name: '新厂', owner: 'me' }),
        code: 'validation',
        path: [],
        messageKey: 'errors.unknownKeys',
      },
      {
        what: 'a name over 100 characters',
        call: 'factories.create',
        input: () => ({ name: '厂'.repeat(101) }),
        code: 'validation',
        path: ['name'],
        messageKey: 'errors.tooLong',
      },
      {
        what: 'an unknown factory id (get)',
        call: 'factories.get',
        input: () => ({ id: MISSING_ID }),
        code: 'not_found',
        path: ['id'],
        messageKey: 'errors.notFound',
      },
      {
        what: 'an unknown factory id (update)',
        call: 'factories.update',
        input: (f) => ({ id: MISSING_ID, values: valuesOf(f) }),
        code: 'not_found',
        path: ['id'],
        messageKey: 'errors.notFound',
      },
      {
        what: 'an unknown factory id (delete)',
        call: 'factories.delete',
        input: () => ({ id: MISSING_ID }),
        code: 'not_found',
        path: ['id'],
        messageKey: 'errors.notFound',
      },
      {
        what: 'an id that is not a UUID',
        call: 'factories.delete',
        input: () => ({ id: '1 OR 1=1' }),
        code: 'validation',
        path: ['id'],
        messageKey: 'errors.id.invalid',
      },
      {
        what: 'a wrong credit code in an update',
        call: 'factories.update',
        input: (f) => ({ id: f.id, values: { ...valuesOf(f), creditCode: 'X' } }),
        code: 'validation',
        path: ['values', 'creditCode'],
        messageKey: 'errors.creditCode.length',
      },
      {
        what: 'a bad phone in an update',
        call: 'factories.update',
        input: (f) => ({
          id: f.id,
          values: { ...valuesOf(f), contacts: [{ name: '李', phone: 'call me' }] },
        }),
        code: 'validation',
        path: ['values', 'contacts', 0, 'phone'],
        messageKey: 'errors.phone.invalid',
      },
      {
        what: 'an unknown key in update values',
        call: 'factories.update',
        input: (f) => ({ id: f.id, values: { ...valuesOf(f), deletedAt: null } }),
        code: 'validation',
        path: ['values'],
        messageKey: 'errors.unknownKeys',
      },
      {
        what: 'an unknown list status',
        call: 'factories.list',
        input: () => ({ statuses: ['gone'] }),
        code: 'validation',
        path: ['statuses', 0],
        messageKey: 'errors.invalidOption',
      },
    ]

    it.each(cases)('$what → $code at $path ($messageKey)', async (c) => {
      const before = writeCounts(core)
      const error = failed(await call(c.call, c.input(existing)))
      expect(error.code).toBe(c.code)
      expect(error.fields).toContainEqual(expect.objectContaining({ path: c.path, messageKey: c.messageKey }))
      expect(writeCounts(core)).toEqual(before)
      expect(ok<Factory>(await call('factories.get', { id: existing.id }))).toEqual(existing)
    })
  })
})
