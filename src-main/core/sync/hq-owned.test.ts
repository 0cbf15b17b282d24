import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { LoggedMessage } from './wire/sync-wire.contract'
import type { Hq } from '../../../src-hq/hq'
import { createHqStore, startStoreHq, type HqStore } from '../../../src-hq/testing/test-hq'
import { failed, ok } from '../../../test/integration/support/api-result'
import { createTempCore, type TempCore } from '../../../test/integration/support/temp-core'
import type { Category } from '../categories/categories.contract'
import type { DemandSignal } from '../demand/demand.contract'
import type { Benchmark, Sku } from '../skus/skus.contract'
import { applyPage } from './apply'
import { formatHlc, makeHlc } from './hlc'
import type { HqOwnership } from './hq-owned.contract'
import { mintCode } from '../../../test/sync-harness/sync-device'

/**
 * HQ-owned tables on a laptop: editable while standalone; once enrolled with a real HQ every local
 * create, update and delete of them is refused and writes nothing, while HQ's own messages for them
 * still apply.
 */

const HQ_NODE = 'a0a0a0a0a0a0a0a0'

describe('HQ-owned tables on a laptop', () => {
  let store: HqStore
  let hq: Hq
  let core: TempCore
  const call = (name: string, input: unknown) => core.dispatch(name, input)
  const skuValues = {
    category: '生活用纸',
    name: '三层抽纸 100抽×24包',
    comparableUnit: '抽',
    retailPackSpec: [
      { count: 24, label: '包' },
      { count: 100, label: '抽' },
    ],
    plannedOrderPacks: 10000,
    targetMargin: '0.35',
  }
  const benchmarkValues = (skuId: string) => ({
    skuId,
    brand: '维达',
    channel: '天猫旗舰店',
    packSpec: [
      { count: 24, label: '包' },
      { count: 100, label: '抽' },
    ],
    shelfPrice: '59.9',
    observedAt: '2026-11-01',
  })
  const signalValues = (skuId: string) => ({
    skuId,
    month: '2026-10',
    channel: '京东自营',
    monthlyUnits: 30500,
  })
  /** Every row of every table and the change log: what a refused write must leave untouched. */
  const snapshot = () => {
    const all = (sql: string) => core.database.sqlite.prepare(sql).all()
    return {
      changes: all('SELECT seq FROM change_log ORDER BY seq'),
      skus: all('SELECT * FROM skus ORDER BY id'),
      benchmarks: all('SELECT * FROM benchmarks ORDER BY id'),
      categories: all('SELECT * FROM categories ORDER BY id'),
      demand: all('SELECT * FROM demand_signals ORDER BY id'),
    }
  }

  beforeAll(async () => {
    store = await createHqStore('sqlite')
    hq = await startStoreHq(store)
  })
  afterAll(async () => {
    await hq?.close()
    await store?.dispose()
  })
  beforeEach(async () => {
    core = await createTempCore()
  })
  afterEach(async () => {
    await core.dispose()
  })

  it('are editable on a standalone laptop and read-only once it is enrolled with HQ', async () => {
    expect(ok<HqOwnership>(await call('sync.hqOwned', {}))).toEqual({
      enrolled: false,
      hqOwnedTables: ['skus', 'benchmarks', 'demand_signals', 'categories'],
    })
    // Standalone: the buyer keeps their own briefs, benchmarks, demand and category policy.
    const sku = ok<Sku>(await call('skus.create', skuValues))
    const benchmark = ok<Benchmark>(await call('benchmarks.create', benchmarkValues(sku.id)))
    const category = ok<Category>(await call('categories.create', { name: '生活用纸', status: 'focus' }))
    const signal = ok<DemandSignal>(await call('demand.create', signalValues(sku.id)))

    ok(await call('sync.enrol', { hqUrl: hq.url, code: await mintCode(hq), deviceName: '李工的笔记本' }))
    expect(ok<HqOwnership>(await call('sync.hqOwned', {})).enrolled).toBe(true)

    const { id: _s, retailPackUnits: _u, createdAt: _sc, updatedAt: _su, ...skuNow } = sku
    const { id: _b, unitsPerPack: _p, createdAt: _bc, updatedAt: _bu, ...benchmarkNow } = benchmark
    const writes: [string, unknown][] = [
      ['skus.create', { ...skuValues, name: '四层卷纸' }],
      ['skus.update', { id: sku.id, values: { ...skuNow, notes: '改目标' } }],
      ['skus.delete', { id: sku.id }],
      ['benchmarks.create', { ...benchmarkValues(sku.id), brand: '清风' }],
      ['benchmarks.update', { id: benchmark.id, values: { ...benchmarkNow, shelfPrice: '49.9' } }],
      ['benchmarks.delete', { id: benchmark.id }],
      ['categories.create', { name: '白酒', status: 'excluded' }],
      ['categories.update', { id: category.id, values: { name: '生活用纸', status: 'excluded', note: '' } }],
      ['categories.delete', { id: category.id }],
      ['demand.create', { ...signalValues(sku.id), month: '2026-11' }],
      ['demand.update', { id: signal.id, values: { ...signalValues(sku.id), monthlyUnits: 1 } }],
      ['demand.delete', { id: signal.id }],
    ]
    const before = snapshot()
    for (const [name, input] of writes) {
      const error = failed(await call(name, input))
      expect({ name, code: error.code, messageKey: error.messageKey }).toEqual({
        name,
        code: 'conflict',
        messageKey: 'errors.sync.hqOwned',
      })
    }
    expect(snapshot()).toEqual(before)
    // The buyer's own records stay writable.
    ok(await call('factories.create', { name: '晋江恒安纸业', province: '福建', city: '晋江' }))
  })

  it('still applies what HQ sends for its tables while enrolled', async () => {
    ok(await call('sync.enrol', { hqUrl: hq.url, code: await mintCode(hq), deviceName: '王工的笔记本' }))
    const skuId = '0190f000-0000-7000-8000-00000000aa01'
    const signalId = '0190f000-0000-7000-8000-00000000aa02'
    const categoryId = '0190f000-0000-7000-8000-00000000aa03'
    const stamp = new Date(Date.now() - 60_000).toISOString()
    const rows: [string, string, Record<string, unknown>][] = [
      [
        'skus',
        skuId,
        {
          category: '生活用纸',
          name: '总部下发：厨房用纸',
          comparable_unit: '节',
          retail_pack_spec: JSON.stringify([{ count: 450, label: '节' }]),
          planned_order_packs: 8000,
          target_ratio: '1/3',
          target_margin: '0.3',
          benchmark_channel: '',
          notes: '',
          category_override_reason: '',
        },
      ],
      [
        'demand_signals',
        signalId,
        { sku_id: skuId, month: '2026-10', channel: '山姆会员店', monthly_units: 12800, note: '总部数据' },
      ],
      ['categories', categoryId, { name: '宠物主粮', status: 'excluded', note: '试过，放弃' }],
    ]
    const messages: LoggedMessage[] = []
    rows.forEach(([table, row, values], r) => {
      const hlc = formatHlc(makeHlc(Date.now() - 60_000 + r, 0, HQ_NODE))
      const all = { ...values, created_at: stamp, updated_at: stamp, deleted_at: null }
      for (const [column, value] of Object.entries(all)) {
        messages.push({
          seq: messages.length + 1,
          hlc,
          table,
          row,
          column,
          value: JSON.stringify(value),
          device: 'hq',
          base: null,
        })
      }
    })
    const { context } = core
    const result = await applyPage(
      { db: context.db, clock: context.write.clock, now: context.write.now },
      messages,
      messages.length,
    )
    expect(result).toMatchObject({ received: messages.length, applied: messages.length, skipped: 0 })

    expect(ok<Sku>(await call('skus.get', { id: skuId })).name).toBe('总部下发：厨房用纸')
    expect(ok<DemandSignal[]>(await call('demand.list', { skuId }))).toEqual([
      expect.objectContaining({ id: signalId, channel: '山姆会员店', monthlyUnits: 12800, note: '总部数据' }),
    ])
    expect(ok<Category[]>(await call('categories.list', {}))).toEqual([
      expect.objectContaining({ id: categoryId, name: '宠物主粮', status: 'excluded' }),
    ])
    // Nothing of it is queued to go back up to HQ.
    const unsent = core.database.sqlite
      .prepare('SELECT count(*) AS n FROM change_log WHERE sent_at IS NULL')
      .get() as { n: number }
    expect(unsent.n).toBe(0)
  })
})
