import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApiClient } from '../src-renderer/api/client'
import { ApiCallError } from '../src-renderer/api/api-call-error'
import { appCallsOnHq } from './console/app-calls-on-hq'
import { createHqApi } from './console/hq-api'
import type { Hq } from './hq'
import { createHqStore, startStoreHq, type HqStore } from './testing/test-hq'

/**
 * The renderer's editors, run in the console, make the app's calls; here those calls go through the
 * console's transport to a real HQ, as the page sends them (same-origin paths, the admin's credentials).
 */
describe('app calls answered by HQ', () => {
  let store: HqStore
  let hq: Hq
  let loggedOut = 0

  beforeAll(async () => {
    store = await createHqStore('sqlite')
    hq = await startStoreHq(store)
  })
  afterAll(async () => {
    await hq?.close()
    await store?.dispose()
  })

  const client = (token = hq.adminToken) =>
    createApiClient(
      appCallsOnHq(
        createHqApi(
          () => loggedOut++,
          (path, init) =>
            fetch(`${hq.url}${String(path)}`, {
              ...init,
              headers: { ...(init?.headers as Record<string, string>), authorization: `Bearer ${token}` },
            }),
        ),
      ),
    )

  const SKU = {
    category: '湿厕纸',
    name: '湿厕纸 80抽',
    comparableUnit: '抽',
    retailPackSpec: [{ count: 80, label: '抽' }],
    plannedOrderPacks: 1000,
    targetMargin: '0.3',
  }

  it('creates and edits an SKU brief, answering the app contract’s shapes', async () => {
    const api = client()
    const sku = await api.call('skus.create', SKU)
    expect(sku).toMatchObject({ name: '湿厕纸 80抽', retailPackUnits: '80', targetRatio: '1/3' })
    const renamed = await api.call('skus.update', { id: sku.id, values: { ...SKU, name: '湿厕纸 100抽' } })
    expect(renamed.name).toBe('湿厕纸 100抽')
    expect(await api.call('skus.get', { id: sku.id })).toMatchObject({ name: '湿厕纸 100抽' })
  })

  it('puts HQ’s field errors where the editors look for them', async () => {
    const api = client()
    const created = await api.call('skus.create', { ...SKU, name: ' ' }).catch((e: unknown) => e)
    expect(created).toBeInstanceOf(ApiCallError)
    expect((created as ApiCallError).apiError.fields.map((f) => f.path)).toContainEqual(['name'])
    const sku = await api.call('skus.create', SKU)
    const updated = await api
      .call('skus.update', { id: sku.id, values: { ...SKU, name: '' } })
      .catch((e: unknown) => e)
    expect((updated as ApiCallError).apiError.fields.map((f) => f.path)).toContainEqual(['values', 'name'])
  })

  it('lists the category policy as the laptop does: focus, normal, excluded', async () => {
    const api = client()
    await api.call('categories.create', { name: '宠物主粮', status: 'excluded', note: '' })
    await api.call('categories.create', { name: '生活用纸', status: 'focus', note: '' })
    await api.call('categories.create', { name: '香氛', status: 'normal', note: '' })
    expect((await api.call('categories.list', {})).map((c) => c.status)).toEqual([
      'focus',
      'normal',
      'excluded',
    ])
    // The SKU editor's warning, then HQ's own check: a brief under it needs the override's reason.
    expect(await api.call('categories.policy', { category: '宠物主粮 ' })).toMatchObject({
      category: '宠物主粮',
      status: 'excluded',
      overrideRequired: true,
    })
    expect(await api.call('categories.policy', { category: '洁厕液' })).toMatchObject({ status: 'normal' })
    const refused = await api.call('skus.create', { ...SKU, category: '宠物主粮' }).catch((e: unknown) => e)
    expect((refused as ApiCallError).apiError.fields).toEqual([
      { path: ['category'], messageKey: 'errors.category.excluded', params: { category: '宠物主粮' } },
    ])
  })

  it('tells the console when HQ no longer accepts its login', async () => {
    const before = loggedOut
    const refused = await client('wrong-token-wrong-token-wrong')
      .call('categories.list', {})
      .catch((e: unknown) => e)
    expect((refused as ApiCallError).apiError.code).toBe('unauthorized')
    expect(loggedOut).toBe(before + 1)
  })
})
