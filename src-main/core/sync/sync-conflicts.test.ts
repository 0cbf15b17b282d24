import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ok } from '../../../test/integration/support/api-result'
import { inTransaction, insertRow } from '../write/write-path'
import { categoriesTable } from '../categories/categories.columns'
import { skusTable } from '../skus/skus.columns'
import { startSyncFleet, type SyncDevice, type SyncFleet } from '../../../test/sync-harness/sync-device'
import type { SyncConflict, SyncRejection, SyncRejectionGroup } from './sync.contract'
import { readSetting, SETTING, writeSetting } from './sync.settings'

type Listed<T> = { total: number; items: T[]; groups?: SyncRejectionGroup[] }

describe('the Sync screen’s lists name records and devices (real HQ, real SQLite files)', () => {
  let fleet: SyncFleet
  let li: SyncDevice
  let wang: SyncDevice
  const t0 = Date.now()

  beforeAll(async () => {
    fleet = await startSyncFleet(['李娜的笔记本', '王强的笔记本'], t0)
    ;[li, wang] = fleet.laptops as [SyncDevice, SyncDevice]
  })
  afterAll(() => fleet?.dispose())

  it('says whose edit replaced whose by the names devices enrolled under, newest first', async () => {
    const id = await li.createFactory({ name: '晋江恒安纸业', notes: '初访' })
    await li.sync()
    await wang.sync()
    li.setWall(t0 + 10_000)
    await li.edit(id, { notes: '李：样品已寄' })
    wang.setWall(t0 + 20_000)
    await wang.edit(id, { notes: '王：等报价' })
    await li.sync()
    await wang.sync()
    await li.sync()

    for (const [device, mine] of [
      [li, false],
      [wang, true],
    ] as const) {
      const listed = ok<Listed<SyncConflict>>(await device.core.dispatch('sync.conflicts', {}))
      // The updated_at "conflict" is bookkeeping: recorded but not shown.
      expect(listed.total).toBe(1)
      expect(listed.items[0]).toMatchObject({
        kind: 'factories',
        title: '晋江恒安纸业',
        field: 'notes',
        winner: {
          value: '王：等报价',
          device: '王强的笔记本',
          mine,
          at: new Date(t0 + 20_000).toISOString(),
        },
        loser: {
          value: '李：样品已寄',
          device: '李娜的笔记本',
          mine: !mine,
          at: new Date(t0 + 10_000).toISOString(),
        },
      })
    }
    const status = await li.core.dispatch('sync.status', {})
    expect(status).toMatchObject({ ok: true, value: { conflicts: 1, deviceName: '李娜的笔记本' } })
  })

  it('falls back to a short node id for a device HQ’s directory has not named yet', async () => {
    await writeSetting(li.core.context.db, SETTING.directory, '[]')
    const listConflicts = async () =>
      ok<Listed<SyncConflict>>(await li.core.dispatch('sync.conflicts', { limit: 5 })).items[0]!
    const before = await listConflicts()
    expect(before.winner.device).toBe(wang.core.context.write.clock.node.slice(0, 8))
    // This laptop's own name comes from its enrolment, not from the directory.
    expect(before.loser.device).toBe('李娜的笔记本')
    await li.sync()
    expect((await listConflicts()).winner.device).toBe('王强的笔记本')
  })

  it('lists a change to an HQ-owned table HQ refused once per record, with its title', async () => {
    const { context } = li.core
    // Written while the laptop was still on its own (enrolled, it refuses HQ-owned writes itself).
    const hqUrl = (await readSetting(context.db, SETTING.hqUrl))!
    await context.db.deleteFrom('meta').where('key', '=', SETTING.hqUrl).execute()
    await inTransaction(context.db, (trx) =>
      insertRow(trx, context.write, skusTable, {
        category: '生活用纸',
        name: '竹浆抽纸 3 层 130 抽',
        comparable_unit: 'sheet',
        retail_pack_spec: '[{"count":130,"label":"抽"}]',
        planned_order_packs: 1000,
        target_ratio: '0.8',
        target_margin: '0.3',
        benchmark_channel: 'tmall',
        notes: '',
        category_override_reason: '',
        unit_scale: 1,
      }),
    )
    // Two categories of the buyer's own: the summary counts records per kind, largest first.
    for (const name of ['宠物零食', '宠物玩具']) {
      await inTransaction(context.db, (trx) =>
        insertRow(trx, context.write, categoriesTable, { name, status: 'normal', note: '' }),
      )
    }
    await writeSetting(context.db, SETTING.hqUrl, hqUrl)
    const report = await li.sync()
    expect(report.rejected).toBeGreaterThan(5)
    const listed = ok<Listed<SyncRejection>>(await li.core.dispatch('sync.rejections', {}))
    expect(listed.total).toBe(3)
    const sku = listed.items.find((item) => item.kind === 'skus')
    expect(sku).toMatchObject({ title: '竹浆抽纸 3 层 130 抽', code: 'hq_owned_table' })
    expect(sku!.fields).toContain('name')
    expect(sku!.fields).not.toContain('updated_at')
    expect(listed.items.reduce((sum, item) => sum + item.changes, 0)).toBe(report.rejected)
    expect(listed.groups).toEqual([
      { kind: 'categories', code: 'hq_owned_table', records: 2 },
      { kind: 'skus', code: 'hq_owned_table', records: 1 },
    ])
  })
})
