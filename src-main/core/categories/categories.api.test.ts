import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTempCore, writeCounts, type TempCore } from '../../../test/integration/support/temp-core'
import { failed, ok } from '../../../test/integration/support/api-result'
import type { Sku } from '../skus/skus.contract'
import type { Category, CategoryPolicy } from './categories.contract'

/** The category policy and its check on SKU briefs, through the dispatcher. */

describe('categories API', () => {
  let core: TempCore
  const call = (name: string, input: unknown) => core.dispatch(name, input)
  const petFood = {
    category: '宠物主粮',
    name: '成犬粮 2kg',
    comparableUnit: 'g',
    retailPackSpec: [{ count: 2000, label: 'g' }],
    plannedOrderPacks: 5000,
    targetMargin: '0.3',
  }

  beforeEach(async () => {
    core = await createTempCore()
  })
  afterEach(async () => {
    await core.dispose()
  })

  it('lists focus first, then normal, then excluded, and answers the policy of any name', async () => {
    ok(await call('categories.create', { name: '宠物主粮', status: 'excluded', note: '试过，放弃' }))
    ok(await call('categories.create', { name: '生活用纸', status: 'focus' }))
    ok(await call('categories.create', { name: '白酒' }))
    expect(ok<Category[]>(await call('categories.list', {})).map((c) => [c.name, c.status])).toEqual([
      ['生活用纸', 'focus'],
      ['白酒', 'normal'],
      ['宠物主粮', 'excluded'],
    ])
    expect(ok<CategoryPolicy>(await call('categories.policy', { category: ' 宠物主粮 ' }))).toEqual({
      category: '宠物主粮',
      status: 'excluded',
      note: '试过，放弃',
      overrideRequired: true,
    })
    expect(ok<CategoryPolicy>(await call('categories.policy', { category: '洗衣液' }))).toMatchObject({
      status: 'normal',
      overrideRequired: false,
    })
    expect(failed(await call('categories.create', { name: '生活用纸' })).fields).toEqual([
      { path: ['name'], messageKey: 'errors.category.duplicate', params: { category: '生活用纸' } },
    ])
  })

  it('refuses an SKU brief in an excluded category without an override, and records one given', async () => {
    const category = ok<Category>(await call('categories.create', { name: '宠物主粮', status: 'excluded' }))
    const before = writeCounts(core)
    expect(failed(await call('skus.create', petFood)).fields).toEqual([
      { path: ['category'], messageKey: 'errors.category.excluded', params: { category: '宠物主粮' } },
    ])
    expect(writeCounts(core)).toEqual(before)
    const sku = ok<Sku>(
      await call('skus.create', { ...petFood, categoryOverride: { override: true, reason: 'HQ 特批试单' } }),
    )
    expect(sku.categoryOverride).toEqual({ override: true, reason: 'HQ 特批试单' })

    const { id, retailPackUnits: _r, createdAt: _c, updatedAt: _u, ...values } = sku
    // Moving another brief into the excluded category needs its own override.
    const paper = ok<Sku>(await call('skus.create', { ...petFood, category: '生活用纸', name: '抽纸' }))
    const { id: paperId, retailPackUnits: _pr, createdAt: _pc, updatedAt: _pu, ...paperValues } = paper
    expect(
      failed(await call('skus.update', { id: paperId, values: { ...paperValues, category: '宠物主粮' } }))
        .fields,
    ).toEqual([
      {
        path: ['values', 'category'],
        messageKey: 'errors.category.excluded',
        params: { category: '宠物主粮' },
      },
    ])
    // The overridden one can still be edited; the reason stays.
    const edited = ok<Sku>(
      await call('skus.update', { id, values: { ...values, categoryOverride: null, notes: '试单' } }),
    )
    expect(edited.categoryOverride).toEqual({ override: true, reason: 'HQ 特批试单' })

    // Once the category is no longer excluded, no override is needed or recorded.
    ok(await call('categories.update', { id: category.id, values: { name: '宠物主粮', status: 'normal' } }))
    ok(await call('skus.create', { ...petFood, name: '成猫粮' }))
    ok(await call('categories.delete', { id: category.id }))
    expect(ok<Category[]>(await call('categories.list', {}))).toEqual([])
  })

  it('refuses an override flag that is not true', async () => {
    ok(await call('categories.create', { name: '宠物主粮', status: 'excluded' }))
    const error = failed(
      await call('skus.create', { ...petFood, categoryOverride: { override: false, reason: '想试试' } }),
    )
    expect(error.fields).toContainEqual(
      expect.objectContaining({
        path: ['categoryOverride', 'override'],
        messageKey: 'errors.category.overrideFlag',
      }),
    )
  })
})
