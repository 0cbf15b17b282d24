import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Hq } from '../../src-hq/hq'
import { createHqStore, hqBackends, hqCall, startStoreHq, type HqStore } from '../../src-hq/testing/test-hq'
import type { Category } from '../../src-main/core/categories/categories.contract'
import type { DemandSignal } from '../../src-main/core/demand/demand.contract'
import type { Benchmark } from '../../src-main/core/skus/skus.contract'
import { createSyncDevice, type SyncDevice } from '../sync-harness/sync-device'

/**
 * HQ's console writes reach the laptops: an SKU brief, its benchmark and demand, and a category policy created through the admin
 * routes arrive on a laptop with its next sync, and the laptop's own services read them.
 */
describe.each(hqBackends())('HQ-owned rows sync down on %s', (backend) => {
  let store: HqStore
  let hq: Hq
  let laptop: SyncDevice

  beforeAll(async () => {
    store = await createHqStore(backend)
    hq = await startStoreHq(store)
    laptop = await createSyncDevice(hq, '李工的笔记本')
  })
  afterAll(async () => {
    await laptop?.dispose()
    await hq?.close()
    await store?.dispose()
  })

  async function admin(name: string, input: unknown): Promise<{ id: string }> {
    const reply = await hqCall(hq.url, name, input, hq.adminToken)
    expect(reply.status, JSON.stringify(reply.body)).toBe(200)
    return reply.body.value as { id: string }
  }

  /** A call through the laptop's own dispatcher (its services read the synced rows). */
  async function onLaptop<T = unknown>(name: string, input: unknown): Promise<T> {
    const reply = await laptop.core.dispatch(name, input)
    if (!reply.ok) throw new Error(`${name}: ${reply.error.message}`)
    return reply.value as T
  }

  it('a brief, its benchmark and an excluded category created on HQ are on the laptop after sync', async () => {
    const sku = await admin('admin.rows.create', {
      table: 'skus',
      values: {
        category: '湿厕纸',
        name: '湿厕纸 80抽 3包',
        comparableUnit: '抽',
        retailPackSpec: [
          { count: 3, label: '包' },
          { count: 80, label: '抽' },
        ],
        plannedOrderPacks: 20000,
        targetMargin: '0.3',
        notes: '对标维达',
      },
    })
    await admin('admin.rows.create', {
      table: 'benchmarks',
      values: {
        skuId: sku.id,
        brand: '维达',
        channel: '京东',
        packSpec: [
          { count: 3, label: '包' },
          { count: 80, label: '抽' },
        ],
        shelfPrice: '29.90',
        observedAt: '2026-11-18',
      },
    })
    await admin('admin.rows.create', {
      table: 'demand_signals',
      values: { skuId: sku.id, month: '2026-10', channel: '京东', monthlyUnits: 18000, note: '双11 前' },
    })
    const policy = await admin('admin.rows.create', {
      table: 'categories',
      values: { name: '宠物主粮', status: 'excluded', note: '试过，已放弃' },
    })

    const report = await laptop.sync()
    expect(report).toMatchObject({ outcome: 'ok' })
    expect(report.applied).toBe(report.pulled)

    const brief = await onLaptop('skus.get', { id: sku.id })
    expect(brief).toMatchObject({
      name: '湿厕纸 80抽 3包',
      retailPackUnits: '240',
      targetMargin: '0.3',
      notes: '对标维达',
    })
    const benchmarks = await onLaptop<Benchmark[]>('benchmarks.list', { skuId: sku.id })
    expect(benchmarks.map((b) => [b.brand, b.shelfPrice])).toEqual([['维达', '29.90']])
    const demand = await onLaptop<DemandSignal[]>('demand.list', { skuId: sku.id })
    expect(demand.map((d) => [d.month, d.channel, d.monthlyUnits, d.note])).toEqual([
      ['2026-10', '京东', 18000, '双11 前'],
    ])
    const categories = await onLaptop<Category[]>('categories.list', {})
    expect(categories.find((c) => c.id === policy.id)).toMatchObject({
      name: '宠物主粮',
      status: 'excluded',
    })

    // HQ deletes the policy: the tombstone comes down like any field.
    await admin('admin.rows.delete', { table: 'categories', id: policy.id })
    await laptop.sync()
    const after = await onLaptop<Category[]>('categories.list', {})
    expect(after.some((c) => c.id === policy.id)).toBe(false)
  })
})
