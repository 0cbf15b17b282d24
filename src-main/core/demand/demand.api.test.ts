import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTempCore, writeCounts, type TempCore } from '../../../test/integration/support/temp-core'
import { failed, ok } from '../../../test/integration/support/api-result'
import type { Sku } from '../skus/skus.contract'
import type { DemandSignal } from './demand.contract'

/** Demand signals through the dispatcher, on a real SQLite file. */

describe('demand API', () => {
  let core: TempCore
  let sku: Sku
  const call = (name: string, input: unknown) => core.dispatch(name, input)
  const signalCount = () =>
    (core.database.sqlite.prepare('SELECT count(*) AS n FROM demand_signals').get() as { n: number }).n

  beforeEach(async () => {
    core = await createTempCore()
    sku = ok<Sku>(
      await call('skus.create', {
        category: '生活用纸',
        name: '三层抽纸 100抽×24包',
        comparableUnit: '抽',
        retailPackSpec: [
          { count: 24, label: '包' },
          { count: 100, label: '抽' },
        ],
        plannedOrderPacks: 10000,
        targetMargin: '0.35',
      }),
    )
  })
  afterEach(async () => {
    await core.dispose()
  })

  it('records monthly units per channel, lists them newest month first, corrects and deletes them', async () => {
    const oct = ok<DemandSignal>(
      await call('demand.create', {
        skuId: sku.id,
        month: '2026-10',
        channel: '天猫旗舰店',
        monthlyUnits: 41200,
      }),
    )
    ok(
      await call('demand.create', {
        skuId: sku.id,
        month: '2026-11',
        channel: '京东自营',
        monthlyUnits: 30500,
      }),
    )
    ok(
      await call('demand.create', {
        skuId: sku.id,
        month: '2026-11',
        channel: '天猫旗舰店',
        monthlyUnits: 43800,
        note: ' 双十一 ',
      }),
    )
    const listed = ok<DemandSignal[]>(await call('demand.list', { skuId: sku.id }))
    expect(listed.map((s) => [s.month, s.channel, s.monthlyUnits, s.note])).toEqual([
      ['2026-11', '京东自营', 30500, ''],
      ['2026-11', '天猫旗舰店', 43800, '双十一'],
      ['2026-10', '天猫旗舰店', 41200, ''],
    ])

    const corrected = ok<DemandSignal>(
      await call('demand.update', {
        id: oct.id,
        values: {
          skuId: sku.id,
          month: '2026-10',
          channel: '天猫旗舰店',
          monthlyUnits: 40900,
          note: '退货已扣',
        },
      }),
    )
    expect(corrected).toMatchObject({ monthlyUnits: 40900, note: '退货已扣' })
    // Only the changed columns were written (and will sync).
    const changed = core.database.sqlite
      .prepare(
        "SELECT column_name FROM change_log WHERE row_id = ? AND column_name NOT LIKE '%_at' ORDER BY seq",
      )
      .all(oct.id)
      .map((r) => (r as { column_name: string }).column_name)
    expect(changed.slice(-2)).toEqual(['monthly_units', 'note'])

    ok(await call('demand.delete', { id: oct.id }))
    expect(ok<DemandSignal[]>(await call('demand.list', { skuId: sku.id })).map((s) => s.id)).not.toContain(
      oct.id,
    )
    expect(failed(await call('demand.delete', { id: oct.id })).code).toBe('not_found')
  })

  it('refuses bad months, units and references, and a second signal for one month and channel, writing nothing', async () => {
    ok(
      await call('demand.create', {
        skuId: sku.id,
        month: '2026-10',
        channel: '山姆会员店',
        monthlyUnits: 9000,
      }),
    )
    const before = { ...writeCounts(core), signals: signalCount() }

    const bad = failed(
      await call('demand.create', { skuId: sku.id, month: '2026-13', channel: ' ', monthlyUnits: -5 }),
    )
    expect(bad.code).toBe('validation')
    expect(bad.fields.map((f) => [f.path.join('.'), f.messageKey])).toEqual([
      ['month', 'errors.demand.month'],
      ['channel', 'errors.required'],
      ['monthlyUnits', 'errors.nonNegative'],
    ])
    expect(
      failed(
        await call('demand.create', { skuId: sku.id, month: '2026-10', channel: '天猫', monthlyUnits: 1.5 }),
      ).fields,
    ).toEqual([{ path: ['monthlyUnits'], messageKey: 'errors.integer' }])

    const missing = failed(
      await call('demand.create', {
        skuId: '0190f000-0000-7000-8000-000000000001',
        month: '2026-10',
        channel: '天猫',
        monthlyUnits: 100,
      }),
    )
    expect(missing.fields).toEqual([
      { path: ['skuId'], messageKey: 'errors.reference.missing', params: { table: 'skus' } },
    ])

    const duplicate = failed(
      await call('demand.create', {
        skuId: sku.id,
        month: '2026-10',
        channel: '山姆会员店',
        monthlyUnits: 1,
      }),
    )
    expect(duplicate).toMatchObject({ code: 'conflict', messageKey: 'errors.demand.duplicate' })
    expect(duplicate.fields).toEqual([
      {
        path: ['month'],
        messageKey: 'errors.demand.duplicate',
        params: { channel: '山姆会员店', month: '2026-10' },
      },
    ])
    expect({ ...writeCounts(core), signals: signalCount() }).toEqual(before)
  })
})
